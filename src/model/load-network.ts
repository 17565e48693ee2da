/**
 * One door for every model file nnmotifs reads, chosen by content (not by extension): each format
 * of the registry (formats.ts) is asked in turn whether the file is its own, e.g.
 *   HDF5 signature                       → Keras .h5 (keras-h5.ts; h5wasm loaded only then)
 *   JSON with `modelTopology`            → TensorFlow.js model.json + shards (tfjs-model.ts)
 *   JSON `"format":"nnmotifs-model"`     → native model (native-model.ts)
 * Anything else is "unsupported: …" naming the file. Callers that also accept nnmotifs graph JSON
 * pass `MODEL_AND_GRAPH_FORMATS` (graph/graph-model-format.ts) as `formats`.
 */
import type { ModelFormatRegistry } from "./format-registry.js";
import { modelProbe } from "./format-registry.js";
import { MODEL_FORMATS } from "./formats.js";
import type { ModelReadOptions } from "./model-format.js";
import type { DenseNetwork } from "./network.js";

/** The name of the format of a file's bytes (undefined when none recognises it). */
export function detectModelKind(
  bytes: Uint8Array,
  formats: ModelFormatRegistry = MODEL_FORMATS,
): string | undefined {
  return formats.detect(modelProbe("", bytes))?.name;
}

export async function loadNetwork(
  path: string,
  options: ModelReadOptions = {},
  formats: ModelFormatRegistry = MODEL_FORMATS,
): Promise<DenseNetwork> {
  return formats.load(path, options);
}
