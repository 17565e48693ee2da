/**
 * A classification data set in memory: `n` samples of `nFeatures` numbers (row-major) with integer
 * labels in [0, nClasses). Every loader and generator in `data/` returns one of these.
 */
import { NnmotifsError } from "../core/errors.js";

export interface Dataset {
  /** Where it came from: "tree", "clusters", a file or a directory. */
  readonly name: string;
  /** Row-major n × nFeatures. */
  readonly x: Float32Array;
  /** Length n, each in [0, nClasses). */
  readonly y: Int32Array;
  readonly nFeatures: number;
  readonly nClasses: number;
  /** A predefined test set (MNIST's t10k files); when present, splits use it instead of drawing one. */
  readonly test?: Dataset;
}

/** Number of samples. */
export function sampleCount(data: Dataset): number {
  return data.y.length;
}

/** Sample `i`'s features (a view, not a copy). */
export function sampleRow(data: Dataset, i: number): Float32Array {
  return data.x.subarray(i * data.nFeatures, (i + 1) * data.nFeatures);
}

/** A new data set made of the samples at `indices`, in that order. */
export function selectSamples(
  data: Dataset,
  indices: ArrayLike<number>,
  name = data.name,
): Dataset {
  const d = data.nFeatures;
  const x = new Float32Array(indices.length * d);
  const y = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    x.set(data.x.subarray(i * d, (i + 1) * d), r * d);
    y[r] = data.y[i];
  }
  return { name, x, y, nFeatures: d, nClasses: data.nClasses };
}

/** Samples per class. */
export function classCounts(data: Dataset): number[] {
  const counts = new Array<number>(data.nClasses).fill(0);
  for (const label of data.y) counts[label] += 1;
  return counts;
}

/** One-hot encoding of the labels, row-major n × nClasses (what categorical cross-entropy wants). */
export function oneHot(data: Dataset): Float32Array {
  const out = new Float32Array(data.y.length * data.nClasses);
  for (let i = 0; i < data.y.length; i++) out[i * data.nClasses + data.y[i]] = 1;
  return out;
}

/** Check the invariants (shapes, label range); throws NnmotifsError naming the data set. */
export function validateDataset(data: Dataset): Dataset {
  const n = data.y.length;
  const fail = (what: string): never => {
    throw new NnmotifsError(`invalid data set: ${what}`, { file: data.name });
  };
  if (!Number.isInteger(data.nFeatures) || data.nFeatures < 1) fail("`nFeatures` should be ≥ 1");
  if (!Number.isInteger(data.nClasses) || data.nClasses < 2) fail("`nClasses` should be ≥ 2");
  if (data.x.length !== n * data.nFeatures)
    fail(`x has ${data.x.length} values, expected ${n}×${data.nFeatures}`);
  for (let i = 0; i < n; i++) {
    if (data.y[i] < 0 || data.y[i] >= data.nClasses) {
      fail(`label ${data.y[i]} of sample ${i} is outside [0, ${data.nClasses - 1}]`);
    }
  }
  return data;
}
