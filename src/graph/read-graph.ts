/**
 * Graph files by content, not by extension: native JSON when the text starts with `{`, otherwise a
 * FANMOD edge list. Writing is atomic (a killed run never leaves half a graph).
 */
import { readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../core/atomic-write.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "./fanmod-edge-list.js";
import { formatGraphJson, parseGraphJson } from "./graph-json.js";

export type GraphFormat = "fanmod" | "json";

/** Parse graph text; `file` only names the source in error messages. */
export function parseGraph(text: string, file?: string): Digraph {
  const start = text.trimStart();
  if (start.startsWith("{")) {
    // A model where a graph belongs is a common slip: say what to do rather than "bad field".
    if (/"modelTopology"|"format"\s*:\s*"nnmotifs-model"/.test(start.slice(0, 4096))) {
      throw new NnmotifsError(`${MODEL_NOT_GRAPH} ${GRAPH_HINT}`, { file });
    }
    return parseGraphJson(text, file);
  }
  if (text.includes("\0") || text.startsWith("\uFFFDHDF")) {
    throw new NnmotifsError(`a binary file (a Keras .h5 model?), not a graph. ${GRAPH_HINT}`, {
      file,
    });
  }
  return parseFanmodEdgeList(text, file);
}

const MODEL_NOT_GRAPH = "a neural-network model, not a graph.";
const GRAPH_HINT =
  "Turn models into graphs with `nnmotifs graph MODEL… --out DIR`; graphs are FANMOD edge lists (src trg [colour]) or nnmotifs graph JSON.";

export function readGraph(path: string): Digraph {
  return parseGraph(readFileSync(path, "utf8"), path);
}

/** A FANMOD edge list file (what FANMOD reads), whatever its content looks like. */
export function readFanmodEdgeList(path: string): Digraph {
  return parseFanmodEdgeList(readFileSync(path, "utf8"), path);
}

export function formatGraph(g: Digraph, format: GraphFormat): string {
  return format === "json" ? formatGraphJson(g) : formatFanmodEdgeList(g);
}

export function writeGraph(path: string, g: Digraph, format: GraphFormat): void {
  writeFileAtomicSync(path, formatGraph(g, format));
}
