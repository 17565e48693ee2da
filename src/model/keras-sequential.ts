/**
 * A Keras Sequential `model_config` (the JSON Keras writes into .h5 files and tfjs writes as
 * `modelTopology`) plus a way to fetch each layer's weights → DenseNetwork. Shared by the HDF5 and
 * tfjs readers so both accept and refuse exactly the same models.
 */
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";

/** Keras activation names nnmotifs networks can have (network.ts `Activation`). */
export const ACTIVATIONS = [
  "relu",
  "softmax",
  "linear",
  "sigmoid",
  "tanh",
] as const satisfies readonly Activation[];

/** Layers that carry no weights and do not change the graph. */
const PASS_THROUGH = new Set(["InputLayer", "Dropout"]);

export interface StoredTensor {
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

/** A layer's stored kernel and bias (undefined when the file has none). */
export type LayerWeightsLookup = (layerName: string) => {
  kernel?: StoredTensor;
  bias?: StoredTensor;
};

interface KerasLayerConfig {
  class_name?: string;
  config?: { name?: string; units?: number; activation?: string; use_bias?: boolean };
}

export function denseNetworkFromKeras(
  modelConfig: unknown,
  weightsOf: LayerWeightsLookup,
  file: string,
): DenseNetwork {
  const where = { file };
  const config = modelConfig as { class_name?: string; config?: unknown } | null;
  if (config === null || typeof config !== "object") {
    throw new NnmotifsError("the model configuration is not a JSON object.", where);
  }
  if (config.class_name !== "Sequential") {
    throw unsupported(
      `${config.class_name ?? "unknown"} model. Only Keras Sequential models of Dense layers are read.`,
      where,
    );
  }
  // Keras ≥ 2.2 nests the layers in {name, layers}; Keras 2.0/2.1 stored the list directly.
  const raw = config.config;
  const layerConfigs = (Array.isArray(raw) ? raw : (raw as { layers?: unknown } | null)?.layers) as
    KerasLayerConfig[] | undefined;
  if (!Array.isArray(layerConfigs)) {
    throw new NnmotifsError("the model configuration has no layer list.", where);
  }
  const layers: DenseLayerWeights[] = [];
  const layerSizes: number[] = [];
  for (const layer of layerConfigs) {
    const name = layer.config?.name ?? "?";
    const kind = layer.class_name ?? "unknown";
    if (PASS_THROUGH.has(kind)) continue;
    if (kind !== "Dense") {
      throw unsupported(
        `layer "${name}" is ${kind}. Only Dense layers (and InputLayer, Dropout) are read.`,
        where,
      );
    }
    const activation = layer.config?.activation ?? "linear";
    if (!(ACTIVATIONS as readonly string[]).includes(activation)) {
      throw unsupported(
        `layer "${name}" has activation "${activation}". Allowed: ${ACTIVATIONS.join(", ")}.`,
        where,
      );
    }
    const { kernel, bias } = weightsOf(name);
    if (kernel === undefined) throw unsupported(`layer "${name}" has no stored kernel.`, where);
    if (kernel.shape.length !== 2) {
      throw unsupported(
        `layer "${name}" kernel has shape [${kernel.shape.join(", ")}]. Should be 2-D.`,
        where,
      );
    }
    const [nIn, nOut] = kernel.shape;
    if (kernel.values.length !== nIn * nOut) {
      throw new NnmotifsError(
        `layer "${name}" kernel has ${kernel.values.length} values. Should have ${nIn}×${nOut}.`,
        where,
      );
    }
    const units = layer.config?.units;
    if (units !== undefined && units !== nOut) {
      throw new NnmotifsError(
        `layer "${name}" has units ${units} but its kernel has ${nOut} columns.`,
        where,
      );
    }
    if (bias === undefined && layer.config?.use_bias !== false) {
      throw unsupported(`layer "${name}" uses a bias but none is stored.`, where);
    }
    if (bias !== undefined && bias.values.length !== nOut) {
      throw new NnmotifsError(
        `layer "${name}" bias has ${bias.values.length} entries. Should have ${nOut}.`,
        where,
      );
    }
    const previous = layerSizes.at(-1);
    if (previous === undefined) layerSizes.push(nIn);
    else if (previous !== nIn) {
      throw new NnmotifsError(
        `layer "${name}" takes ${nIn} inputs but the previous layer has ${previous} units.`,
        where,
      );
    }
    layerSizes.push(nOut);
    layers.push({
      name,
      nIn,
      nOut,
      kernel: kernel.values,
      bias: bias?.values ?? new Float64Array(nOut),
      activation: activation as Activation,
    });
  }
  if (layers.length === 0) throw unsupported("the model has no Dense layers.", where);
  return { layerSizes, layers, source: file };
}
