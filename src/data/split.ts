/**
 * SPEC §3 splits: a seeded shuffle, 30 % of the samples for testing, and 10 % of the remaining
 * training part for validation. Like Keras's `validation_split`, validation is the tail of the
 * (already shuffled) training part. A data set with a predefined `test` set (MNIST) keeps it.
 */
import { Rng } from "../core/random.js";
import { NnmotifsError } from "../core/errors.js";
import { selectSamples, type Dataset } from "./dataset.js";

export interface SplitOptions {
  /** Share of all samples held out for testing (ignored when the data set has its own `test`). */
  testFraction?: number;
  /** Share of the training part held out for validation. */
  validationFraction?: number;
}

export const SPLIT_DEFAULTS: Required<SplitOptions> = {
  testFraction: 0.3,
  validationFraction: 0.1,
};

export interface DatasetSplit {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

/** Split `data` into train / validation / test; the same seed gives the same split. */
export function splitDataset(
  data: Dataset,
  seed: number,
  options: SplitOptions = {},
): DatasetSplit {
  const testFraction = options.testFraction ?? SPLIT_DEFAULTS.testFraction;
  const validationFraction = options.validationFraction ?? SPLIT_DEFAULTS.validationFraction;
  for (const [name, v] of [
    ["testFraction", testFraction],
    ["validationFraction", validationFraction],
  ] as const) {
    if (!(v >= 0 && v < 1))
      throw new NnmotifsError(`invalid \`${name}\` ${v}. Should be in [0, 1).`);
  }
  const n = data.y.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  new Rng(seed, 0x73706c74).shuffle(order); // "splt"
  // Sizes as the authors' tools compute them: scikit-learn's train_test_split takes
  // ceil(n · test) for testing; Keras's validation_split trains on int(n · (1 − split)).
  const nTest = data.test ? 0 : Math.ceil(n * testFraction);
  const nTrainAll = n - nTest;
  const nTrain = Math.floor(nTrainAll * (1 - validationFraction));
  if (nTrain < 1)
    throw new NnmotifsError(`data set ${data.name} has too few samples (${n}) to split`);
  const train = selectSamples(data, order.subarray(nTest, nTest + nTrain), `${data.name}:train`);
  const validation = selectSamples(data, order.subarray(nTest + nTrain), `${data.name}:validation`);
  const test = data.test ?? selectSamples(data, order.subarray(0, nTest), `${data.name}:test`);
  return { train, validation, test };
}
