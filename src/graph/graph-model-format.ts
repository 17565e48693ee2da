/**
 * nnmotifs graph JSON with weights and layers, read back as a model: a graph written by
 * `nnmotifs graph` is a file users pass back in, so the model loader accepts it.
 *
 * Why this lives in graph/ and not in model/: reading a graph needs graph-json.ts and
 * to-network.ts, and graph/ already imports model/ (for DenseNetwork), so a model/ reader of
 * graphs would close an import cycle. model/ offers `ModelFormatRegistry.with()`; this file
 * contributes the format from the graph side, and `MODEL_AND_GRAPH_FORMATS` is the registry the
 * CLI loads models with.
 */
import { log } from "../core/log.js";
import { MODEL_FORMATS } from "../model/formats.js";
import type { ModelFormat } from "../model/model-format.js";
import { parseGraphJson } from "./graph-json.js";
import { digraphToNetwork } from "./to-network.js";

/** The `format` tag of native graph JSON (graph-json.ts). */
const GRAPH_JSON_FORMAT = "nnmotifs-graph";

export const graphModelFormat: ModelFormat = {
  name: GRAPH_JSON_FORMAT,
  title: "nnmotifs weighted graph JSON",
  jsonShape: `"format": "${GRAPH_JSON_FORMAT}" (a graph with layers and weights)`,
  detect: (probe) =>
    (probe.json() as { format?: unknown } | undefined)?.format === GRAPH_JSON_FORMAT,
  read(probe) {
    const { network, missingEdges } = digraphToNetwork(
      parseGraphJson(new TextDecoder().decode(probe.bytes), probe.path),
      probe.path,
    );
    if (missingEdges > 0) {
      log().warn(
        `${probe.path}: ${missingEdges} kernel entries have no edge in the graph; read as weight 0.`,
      );
    }
    return network;
  },
};

/** Every model format plus weighted graph JSON: what `nnmotifs graph` reads. */
export const MODEL_AND_GRAPH_FORMATS = MODEL_FORMATS.with(graphModelFormat);
