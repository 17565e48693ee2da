/**
 * A trained (or initial) multi-layer perceptron as plain numbers: what the graph layer turns into a
 * coloured digraph. Keras names: a Dense layer has a `kernel` of shape [nIn, nOut] (row-major:
 * kernel[i * nOut + j] is the weight from input unit i to output unit j) and a `bias` of length nOut.
 */
export type Activation = "relu" | "softmax" | "linear" | "sigmoid" | "tanh";

export interface DenseLayerWeights {
  readonly name: string;
  readonly nIn: number;
  readonly nOut: number;
  /** Row-major [nIn, nOut]. */
  readonly kernel: Float64Array;
  readonly bias: Float64Array;
  readonly activation: Activation;
}

export interface DenseNetwork {
  /** Units per layer, inputs first: [31, 30, 30, 4]. */
  readonly layerSizes: readonly number[];
  readonly layers: readonly DenseLayerWeights[];
  /** Where it came from (file path, epoch snapshot, …). */
  readonly source?: string;
}
