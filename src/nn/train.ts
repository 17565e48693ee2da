/**
 * Keras-faithful training of a dense MLP (SPEC §3) on TensorFlow.js.
 *
 * What Keras's `model.fit(x, y, batch_size, epochs, validation_split, shuffle=True,
 * callbacks=[EarlyStopping(monitor="val_loss", patience)])` does, step by step, with every random
 * choice taken from our seeded Rng (tfjs's `shuffle` uses Math.random):
 *   - split: 30 % test, then the last 10 % of the shuffled training part for validation;
 *   - each epoch: a fresh seeded permutation of the training samples, minibatches in that order
 *     (last one smaller), Keras's SGD(momentum, nesterov=True) update (sgd.ts);
 *   - loss: categorical cross-entropy on the softmax output, predictions clipped to [1e−7, 1−1e−7]
 *     as Keras does; the epoch's `loss` and `accuracy` are the batch-size-weighted means of the
 *     per-batch values measured before each update (Keras's progress-bar averages);
 *   - after each epoch: loss and accuracy on the validation set; early stopping when val_loss has
 *     not improved (strictly, by more than `minDelta`) for `patience` epochs; the weights are the
 *     last epoch's (Keras's default restore_best_weights=False).
 *
 * The loop cuts the shuffled batches in JavaScript and applies the gradients itself instead of
 * calling `model.fit`, which costs several async hops and callbacks per batch; see `trainStep` for
 * why backpropagation is explicit.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { NnmotifsError } from "../core/errors.js";
import { Rng, deriveSeed } from "../core/random.js";
import { oneHot, type Dataset } from "../data/dataset.js";
import { splitDataset, type DatasetSplit } from "../data/split.js";
import { loadTf, type BackendChoice, type BackendName } from "./backend.js";
import { isInitialiserName, type InitialiserName } from "./initialisers.js";
import { KerasSgd } from "./sgd.js";
import { buildMlp, initialNetwork, readMlp, validateLayerSizes, type Tf } from "./mlp.js";
import type { DenseNetwork } from "../model/network.js";

export interface TrainOptions {
  /** Hidden layer sizes. */
  hidden?: readonly number[];
  /** Kernel initialiser (ignored when `initial` is given). */
  init?: InitialiserName;
  /** Seed of the split, the initial weights and the per-epoch shuffles. */
  seed?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
  /** Share of all samples for testing (unless the data set has its own test set). */
  testFraction?: number;
  /** Share of the training part for validation. */
  validationFraction?: number;
  /** Early stopping on val_loss: epochs without improvement before stopping. */
  patience?: number;
  /** Early stopping: an improvement must exceed this (Keras `min_delta`). */
  minDelta?: number;
  /** Epochs whose weights to keep (0 = before training). */
  snapshots?: readonly number[];
  backend?: BackendChoice;
  /** Start from these weights instead of drawing them (must match the data's shape). */
  initial?: DenseNetwork;
  /** Use this split instead of drawing one. */
  split?: DatasetSplit;
  /** Called after every epoch (progress reporting). */
  onEpochEnd?: (record: EpochRecord) => void;
  /**
   * Called once before the first batch (samplesDone 0) and after every batch, outside any tensor
   * scope: progress within an epoch. It may throw (cancellation); it cannot change the result
   * (it sees no tensors and no random stream). Callers throttle their output.
   */
  onBatchEnd?: (progress: BatchProgress) => void;
}

/** Where the training loop is, after a batch. */
export interface BatchProgress {
  /** 1-based epoch being run. */
  readonly epoch: number;
  readonly epochs: number;
  /** Training samples of this epoch done so far. */
  readonly samplesDone: number;
  /** Training samples per epoch. */
  readonly samples: number;
  /** Batch-size-weighted mean loss of this epoch so far (NaN before its first batch). */
  readonly loss: number;
}

/** The defaults are the paper's (SPEC §3). */
export const TRAIN_DEFAULTS = {
  hidden: [30, 30] as readonly number[],
  init: "normal" as InitialiserName,
  seed: 0,
  epochs: 20,
  batchSize: 20,
  learningRate: 0.01,
  momentum: 0.6,
  nesterov: true,
  testFraction: 0.3,
  validationFraction: 0.1,
  patience: 20,
  minDelta: 0,
  snapshots: [0] as readonly number[],
  backend: "auto" as BackendChoice,
};

/** The resolved configuration, as saved with the model. */
export interface TrainingConfig {
  readonly dataset: string;
  readonly layerSizes: readonly number[];
  readonly init: InitialiserName | "given";
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly testFraction: number;
  readonly validationFraction: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly samples: { readonly train: number; readonly validation: number; readonly test: number };
}

export interface EpochRecord {
  /** 1-based epoch number. */
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  /** null without a validation set. */
  readonly valLoss: number | null;
  readonly valAccuracy: number | null;
}

export interface TrainingResult {
  readonly config: TrainingConfig;
  readonly backend: BackendName;
  readonly initial: DenseNetwork;
  readonly trained: DenseNetwork;
  /** Weights at the requested epochs that were reached, ascending by epoch. */
  readonly snapshots: ReadonlyArray<{ readonly epoch: number; readonly network: DenseNetwork }>;
  readonly history: readonly EpochRecord[];
  readonly test: { readonly loss: number; readonly accuracy: number };
  /** Epochs actually run (< epochs when early stopping fired). */
  readonly epochsRun: number;
  readonly stoppedEarly: boolean;
  /** Wall-clock seconds of the training loop (excluding loading tfjs). */
  readonly seconds: number;
}

const SHUFFLE_STREAM = 0x73687566; // "shuf"
const KERAS_EPSILON = 1e-7;

function resolve(data: Dataset, options: TrainOptions) {
  const o = {
    hidden: options.hidden ?? TRAIN_DEFAULTS.hidden,
    init: options.init ?? TRAIN_DEFAULTS.init,
    seed: options.seed ?? TRAIN_DEFAULTS.seed,
    epochs: options.epochs ?? TRAIN_DEFAULTS.epochs,
    batchSize: options.batchSize ?? TRAIN_DEFAULTS.batchSize,
    learningRate: options.learningRate ?? TRAIN_DEFAULTS.learningRate,
    momentum: options.momentum ?? TRAIN_DEFAULTS.momentum,
    nesterov: options.nesterov ?? TRAIN_DEFAULTS.nesterov,
    testFraction: options.testFraction ?? TRAIN_DEFAULTS.testFraction,
    validationFraction: options.validationFraction ?? TRAIN_DEFAULTS.validationFraction,
    patience: options.patience ?? TRAIN_DEFAULTS.patience,
    minDelta: options.minDelta ?? TRAIN_DEFAULTS.minDelta,
    snapshots: options.snapshots ?? TRAIN_DEFAULTS.snapshots,
    backend: options.backend ?? TRAIN_DEFAULTS.backend,
  };
  const bad = (what: string): never => {
    throw new NnmotifsError(`trainNetwork: invalid ${what}`);
  };
  if (!isInitialiserName(o.init)) bad(`\`init\` ${String(o.init)}`);
  if (!Number.isInteger(o.epochs) || o.epochs < 0)
    bad(`\`epochs\` ${o.epochs}. Should be an integer ≥ 0.`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    bad(`\`batchSize\` ${o.batchSize}. Should be an integer ≥ 1.`);
  if (!(o.learningRate > 0)) bad(`\`learningRate\` ${o.learningRate}. Should be > 0.`);
  if (!(o.momentum >= 0 && o.momentum < 1)) bad(`\`momentum\` ${o.momentum}. Should be in [0, 1).`);
  if (!Number.isInteger(o.patience) || o.patience < 1)
    bad(`\`patience\` ${o.patience}. Should be an integer ≥ 1.`);
  if (!o.snapshots.every((e) => Number.isInteger(e) && e >= 0))
    bad("`snapshots`: epochs should be integers ≥ 0.");
  const layerSizes = options.initial?.layerSizes ?? [data.nFeatures, ...o.hidden, data.nClasses];
  validateLayerSizes(layerSizes);
  if (layerSizes[0] !== data.nFeatures || layerSizes[layerSizes.length - 1] !== data.nClasses) {
    bad(
      `initial network [${layerSizes.join(", ")}] for ${data.nFeatures} features and ${data.nClasses} classes`,
    );
  }
  return { ...o, layerSizes };
}

/** Train an MLP on `data`; see the file comment for the exact Keras semantics. */
export async function trainNetwork(
  data: Dataset,
  options: TrainOptions = {},
): Promise<TrainingResult> {
  const o = resolve(data, options);
  const split = options.split ?? splitDataset(data, deriveSeed(o.seed, 0x73706c74), o);
  if (split.train.y.length === 0)
    throw new NnmotifsError(`data set ${data.name} has no training samples`);
  const initial = options.initial ?? initialNetwork(o.layerSizes, o.init, o.seed);
  const { tf, backend } = await loadTf(o.backend);
  const config: TrainingConfig = {
    dataset: data.name,
    layerSizes: o.layerSizes,
    init: options.initial ? "given" : o.init,
    seed: o.seed,
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    momentum: o.momentum,
    nesterov: o.nesterov,
    testFraction: o.testFraction,
    validationFraction: o.validationFraction,
    patience: o.patience,
    minDelta: o.minDelta,
    samples: {
      train: split.train.y.length,
      validation: split.validation.y.length,
      test: split.test.y.length,
    },
  };

  const started = performance.now();
  const model = buildMlp(tf, initial);
  const optimizer = new KerasSgd(tf, o.learningRate, o.momentum, o.nesterov);
  const wanted = new Set(o.snapshots);
  const snapshots: Array<{ epoch: number; network: DenseNetwork }> = [];
  const history: EpochRecord[] = [];
  let stoppedEarly = false;
  let test = { loss: NaN, accuracy: NaN };
  try {
    const startNet = readMlp(model, initial, `${data.name}:epoch0`);
    if (wanted.has(0)) snapshots.push({ epoch: 0, network: startNet });
    const nTrain = split.train.y.length;
    const nF = data.nFeatures;
    const nC = data.nClasses;
    const yTrain = oneHot(split.train);
    // Batches are cut in JavaScript: tfjs-wasm's gather and slice on a large resident tensor are
    // orders of magnitude slower than uploading each small batch.
    const xEpoch = new Float32Array(nTrain * nF);
    const yEpoch = new Float32Array(nTrain * nC);
    const order = new Int32Array(nTrain);
    let best = Infinity;
    let wait = 0;
    const onBatch = options.onBatchEnd;
    if (o.epochs > 0) {
      onBatch?.({ epoch: 1, epochs: o.epochs, samplesDone: 0, samples: nTrain, loss: NaN });
    }
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      for (let i = 0; i < nTrain; i++) order[i] = i;
      new Rng(o.seed, SHUFFLE_STREAM, epoch).shuffle(order);
      for (let r = 0; r < nTrain; r++) {
        const i = order[r];
        xEpoch.set(split.train.x.subarray(i * nF, (i + 1) * nF), r * nF);
        yEpoch.set(yTrain.subarray(i * nC, (i + 1) * nC), r * nC);
      }
      let lossSum = 0;
      let correctSum = 0;
      for (let start = 0; start < nTrain; start += o.batchSize) {
        const size = Math.min(o.batchSize, nTrain - start);
        const xb = xEpoch.subarray(start * nF, (start + size) * nF);
        const yb = yEpoch.subarray(start * nC, (start + size) * nC);
        const [loss, correct] = trainStep(tf, model, optimizer, xb, yb, size, nF, nC);
        lossSum += loss * size;
        correctSum += correct;
        const samplesDone = start + size;
        onBatch?.({
          epoch,
          epochs: o.epochs,
          samplesDone,
          samples: nTrain,
          loss: lossSum / samplesDone,
        });
      }
      const val = split.validation.y.length > 0 ? evaluate(tf, model, split.validation) : null;
      const record: EpochRecord = {
        epoch,
        loss: lossSum / nTrain,
        accuracy: correctSum / nTrain,
        valLoss: val ? val.loss : null,
        valAccuracy: val ? val.accuracy : null,
      };
      history.push(record);
      options.onEpochEnd?.(record);
      if (wanted.has(epoch))
        snapshots.push({ epoch, network: readMlp(model, initial, `${data.name}:epoch${epoch}`) });
      if (val) {
        // Keras EarlyStopping(mode="min") negates min_delta: improvement when current + |Δ| < best.
        if (val.loss + Math.abs(o.minDelta) < best) {
          best = val.loss;
          wait = 0;
        } else if (++wait >= o.patience) {
          stoppedEarly = epoch < o.epochs;
          break;
        }
      }
    }
    test = split.test.y.length > 0 ? evaluate(tf, model, split.test) : test;
    const trained = readMlp(model, initial, `${data.name}:trained`);
    return {
      config,
      backend,
      initial: startNet,
      trained,
      snapshots,
      history,
      test,
      epochsRun: history.length,
      stoppedEarly,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * Keras 2's categorical cross-entropy on probabilities: renormalise, clip to [ε, 1 − ε], then
 * −Σ y log p, mean over the batch.
 */
export function crossEntropy(tf: Tf, probs: tfjs.Tensor, yTrue: tfjs.Tensor): tfjs.Scalar {
  const clipped = tf.clipByValue(
    tf.div(probs, tf.sum(probs, -1, true)),
    KERAS_EPSILON,
    1 - KERAS_EPSILON,
  );
  return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(clipped)), -1)));
}

function correctCount(tf: Tf, probs: tfjs.Tensor, yTrue: tfjs.Tensor): tfjs.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(probs, -1), tf.argMax(yTrue, -1)), "float32"));
}

/**
 * One SGD step on a batch of `size` rows; returns the batch's loss and correct predictions.
 *
 * Backpropagation is written out rather than taken from tfjs's autodiff: the wasm backend runs
 * matMul with a transposed operand (what autodiff emits for ∂L/∂W = hᵀ·δ) 6–8× slower than an
 * explicit transpose followed by a plain matMul. The gradient is exactly Keras's: for softmax
 * outputs p and one-hot y, ∂L/∂z = (p − y)/B, except that Keras's clip of p_true to
 * [1e−7, 1 − 1e−7] zeroes the gradient of samples outside that range; ReLU′(z) = [z > 0].
 */
function trainStep(
  tf: Tf,
  model: tfjs.Sequential,
  optimizer: KerasSgd,
  x: Float32Array,
  y: Float32Array,
  size: number,
  nFeatures: number,
  nClasses: number,
): [number, number] {
  return tf.tidy(() => {
    const xb = tf.tensor2d(x, [size, nFeatures]);
    const yb = tf.tensor2d(y, [size, nClasses]);
    const { params, grads, probs } = batchGradients(tf, model, xb, yb);
    const loss = crossEntropy(tf, probs, yb).dataSync()[0];
    const correct = correctCount(tf, probs, yb).dataSync()[0];
    optimizer.apply(
      params,
      params.map((p) => grads[p.name]),
    );
    return [loss, correct] as [number, number];
  });
}

/**
 * Gradients of the mean Keras cross-entropy of one batch with respect to every kernel and bias,
 * keyed by variable name, and the forward pass's probabilities. Call inside tf.tidy.
 */
export function batchGradients(
  tf: Tf,
  model: tfjs.Sequential,
  xb: tfjs.Tensor2D,
  yb: tfjs.Tensor2D,
): { params: tfjs.Variable[]; grads: tfjs.NamedTensorMap; probs: tfjs.Tensor2D } {
  const size = xb.shape[0];
  const kernels = model.layers.map((l) => l.weights[0].read() as tfjs.Variable);
  const biases = model.layers.map((l) => l.weights[1].read() as tfjs.Variable);
  const last = kernels.length - 1;
  const activations: tfjs.Tensor2D[] = [xb];
  for (let k = 0; k <= last; k++) {
    const z = tf.add(
      tf.matMul(activations[k], kernels[k] as tfjs.Tensor2D),
      biases[k],
    ) as tfjs.Tensor2D;
    activations.push(k === last ? tf.softmax(z) : tf.relu(z));
  }
  const probs = activations[last + 1];
  const normalised = tf.div(probs, tf.sum(probs, -1, true));
  const pTrue = tf.sum(tf.mul(normalised, yb), -1, true);
  const inRange = tf.cast(
    tf.logicalAnd(tf.greaterEqual(pTrue, KERAS_EPSILON), tf.lessEqual(pTrue, 1 - KERAS_EPSILON)),
    "float32",
  );
  let delta = tf.mul(tf.sub(probs, yb), tf.div(inRange, size)) as tfjs.Tensor2D;
  const grads: tfjs.NamedTensorMap = {};
  for (let k = last; k >= 0; k--) {
    grads[kernels[k].name] = tf.matMul(tf.transpose(activations[k]), delta);
    grads[biases[k].name] = tf.sum(delta, 0);
    if (k > 0) delta = tf.mul(tf.matMul(delta, tf.transpose(kernels[k])), tf.step(activations[k]));
  }
  return { params: [...kernels, ...biases], grads, probs };
}

/** Loss and accuracy on a whole data set. */
export function evaluate(
  tf: Tf,
  model: tfjs.Sequential,
  data: Dataset,
): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const n = data.y.length;
    const x = tf.tensor2d(data.x, [n, data.nFeatures]);
    const y = tf.tensor2d(oneHot(data), [n, data.nClasses]);
    const probs = model.predict(x) as tfjs.Tensor;
    return {
      loss: crossEntropy(tf, probs, y).dataSync()[0],
      accuracy: correctCount(tf, probs, y).dataSync()[0] / n,
    };
  });
}
