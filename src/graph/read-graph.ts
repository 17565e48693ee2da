/**
 * Graph files by content, not by extension: native JSON when the text starts with `{`, otherwise a
 * FANMOD edge list. Writing is atomic (a killed run never leaves half a graph).
 *
 * A graph without edges (an empty file, only blank lines or comments, `"edges": {"src": [] …}`)
 * is an error here: it has no subgraphs, so every census of it would be empty, and it is nearly
 * always the wrong file or a binning that removed everything. The low-level parsers still return
 * the empty graph for callers that build graphs up.
 */
import { writeFileAtomicSync } from "../core/atomic-write.js";
import { readInputText } from "../core/input-file.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "./fanmod-edge-list.js";
import { formatGraphJson, parseGraphJson } from "./graph-json.js";

export type GraphFormat = "fanmod" | "json";

/** Parse graph text; `file` only names the source in error messages. Refuses a graph without edges. */
export function parseGraph(text: string, file?: string): Digraph {
  const g = parseGraphText(text, file);
  if (g.edgeSrc.length === 0) {
    const what = text.trim() === "" ? "the file is empty" : "the file has no edges";
    throw new NnmotifsError(
      `${what}: a graph needs at least one edge (FANMOD edge list "src trg [colour]" per line, or nnmotifs graph JSON).`,
      { file },
    );
  }
  return g;
}

function parseGraphText(text: string, file?: string): Digraph {
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
  return parseGraph(readInputText(path, { what: "graph" }), path);
}

/** A FANMOD edge list file (what FANMOD reads), whatever its content looks like. */
export function readFanmodEdgeList(path: string): Digraph {
  return parseFanmodEdgeList(readInputText(path, { what: "graph" }), path);
}

export function formatGraph(g: Digraph, format: GraphFormat): string {
  return format === "json" ? formatGraphJson(g) : formatFanmodEdgeList(g);
}

export function writeGraph(path: string, g: Digraph, format: GraphFormat): void {
  writeFileAtomicSync(path, formatGraph(g, format));
}
