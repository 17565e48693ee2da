/**
 * One door for every model file nnmotifs reads, chosen by content (not by extension):
 *   HDF5 signature                       → Keras .h5 (keras-h5.ts; h5wasm loaded only then)
 *   JSON with `modelTopology`            → TensorFlow.js model.json + shards (tfjs-model.ts)
 *   JSON `"format":"nnmotifs-model"`     → native model (native-model.ts)
 *   JSON `"format":"nnmotifs-graph"`     → network rebuilt from a weighted, layered graph
 * Anything else is "unsupported: …" naming the file.
 *
 * The graph branch is the one place nn reads a graph format: a native graph with weights is a
 * model file users will pass back in, so the loader accepts it.
 */
import { readFileSync } from "node:fs";
import { NnmotifsError, unsupported } from "../core/errors.js";
import { log } from "../core/log.js";
import { parseGraphJson } from "../graph/graph-json.js";
import { digraphToNetwork } from "../graph/to-network.js";
import { hasHdf5Signature, readKerasH5 } from "./keras-h5.js";
import { parseNativeModel } from "./native-model.js";
import type { DenseNetwork } from "./network.js";
import { isTfjsModelJson, readTfjsModel } from "./tfjs-model.js";

export type ModelKind = "keras-h5" | "tfjs" | "nnmotifs-model" | "nnmotifs-graph";

/** What kind of model file `bytes` is (undefined when none). */
export function detectModelKind(bytes: Uint8Array): ModelKind | undefined {
  if (hasHdf5Signature(bytes.subarray(0, Math.min(bytes.length, 4096)))) return "keras-h5";
  const text = new TextDecoder().decode(bytes);
  if (!text.trimStart().startsWith("{")) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (isTfjsModelJson(doc)) return "tfjs";
  const format = (doc as { format?: unknown }).format;
  if (format === "nnmotifs-model" || format === "nnmotifs-graph") return format;
  return undefined;
}

export async function loadNetwork(path: string): Promise<DenseNetwork> {
  const bytes = readFileSync(path);
  const kind = detectModelKind(bytes);
  switch (kind) {
    case "keras-h5":
      return readKerasH5(path);
    case "tfjs":
      return readTfjsModel(path);
    case "nnmotifs-model":
      return parseNativeModel(bytes.toString("utf8"), path);
    case "nnmotifs-graph": {
      const { network, missingEdges } = digraphToNetwork(
        parseGraphJson(bytes.toString("utf8"), path),
        path,
      );
      if (missingEdges > 0) {
        log().warn(
          `${path}: ${missingEdges} kernel entries have no edge in the graph; read as weight 0.`,
        );
      }
      return network;
    }
    case undefined: {
      if (bytes.toString("utf8").trimStart().startsWith("{")) {
        throw new NnmotifsError(
          "JSON that is not a model. Expected a TensorFlow.js model.json (modelTopology), " +
            'or "format": "nnmotifs-model" / "nnmotifs-graph" (with layers and weights).',
          { file: path },
        );
      }
      throw unsupported(
        "not a model file. nnmotifs reads Keras .h5, TensorFlow.js model.json, and nnmotifs model or weighted graph JSON.",
        { file: path },
      );
    }
  }
}
