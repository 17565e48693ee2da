/**
 * Graph files by content, not by extension: native JSON when the text starts with `{`, GML
 * (`graph [`), GraphML (XML), Pajek (`*Vertices`), otherwise a FANMOD edge list; gzip-compressed
 * files are read as their content; `@name` is a network shipped with nnmotifs (networks.ts).
 * Writing is atomic (a killed run never leaves half a graph).
 *
 * A graph without edges (an empty file, only blank lines or comments, `"edges": {"src": [] …}`)
 * is an error here: it has no subgraphs, so every census of it would be empty, and it is nearly
 * always the wrong file or a binning that removed everything. The low-level parsers still return
 * the empty graph for callers that build graphs up.
 */
import { gunzipSync } from "node:zlib";
import { writeFileAtomicSync } from "../core/atomic-write.js";
import { MAX_INPUT_BYTES, readInputBytes, readInputText } from "../core/input-file.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "./fanmod-edge-list.js";
import { formatGraphJson, parseGraphJson } from "./graph-json.js";
import { formatDot } from "./dot-writer.js";
import { formatGexf } from "./gexf-writer.js";
import { parseGml } from "./gml.js";
import { formatGraphml } from "./graphml-writer.js";
import { parseGraphml } from "./graphml.js";
import type { NetworkReadOptions } from "./edge-builder.js";
import { resolveGraphPath } from "./networks.js";
import { parsePajek } from "./pajek.js";

/** Graph output formats and the file-name ending of each (`<stem>.<ending>`). */
export const GRAPH_FORMATS = {
  fanmod: "fanmod.txt",
  json: "graph.json",
  graphml: "graphml",
  gexf: "gexf",
  dot: "dot",
} as const;

export type GraphFormat = keyof typeof GRAPH_FORMATS;

/** Parse graph text; `file` only names the source in error messages. Refuses a graph without edges. */
export function parseGraph(text: string, file?: string, options: NetworkReadOptions = {}): Digraph {
  const g = parseGraphText(text, file, options);
  if (g.edgeSrc.length === 0) {
    const what = text.trim() === "" ? "the file is empty" : "the file has no edges";
    throw new NnmotifsError(
      `${what}: a graph needs at least one edge (FANMOD edge list "src trg [colour]" per line, GML, GraphML, Pajek, or nnmotifs graph JSON).`,
      { file },
    );
  }
  return g;
}

function parseGraphText(text: string, file?: string, options: NetworkReadOptions = {}): Digraph {
  const start = text.trimStart();
  if (start.startsWith("<")) return parseGraphml(text, file, options);
  if (/^(?:%[^\n]*\n\s*)*\*vertices\b/i.test(start)) return parsePajek(text, file, options);
  if (/^(?:(?:#[^\n]*|[A-Za-z_]\w*\s+(?:"[^"]*"|[-+.\d][^\s]*))\s+)*graph\s*\[/.test(start)) {
    return parseGml(text, file, options);
  }
  if (options.minWeight !== undefined) {
    throw new NnmotifsError(
      "a minimum edge weight applies to GML, GraphML and Pajek files, which carry weights.",
      { file },
    );
  }
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

export function readGraph(path: string, options: NetworkReadOptions = {}): Digraph {
  const file = resolveGraphPath(path);
  let bytes: Uint8Array = readInputBytes(file, { what: "graph" });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
    } catch {
      throw new NnmotifsError(
        "a gzip file that does not decompress (truncated, or larger than the input limit).",
        { file: path },
      );
    }
  }
  return parseGraph(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"),
    path,
    options,
  );
}

/** A FANMOD edge list file (what FANMOD reads), whatever its content looks like. */
export function readFanmodEdgeList(path: string): Digraph {
  return parseFanmodEdgeList(readInputText(path, { what: "graph" }), path);
}

export function formatGraph(g: Digraph, format: GraphFormat): string {
  switch (format) {
    case "json":
      return formatGraphJson(g);
    case "graphml":
      return formatGraphml(g);
    case "gexf":
      return formatGexf(g);
    case "dot":
      return formatDot(g);
    case "fanmod":
      return formatFanmodEdgeList(g);
  }
}

export function writeGraph(path: string, g: Digraph, format: GraphFormat): void {
  writeFileAtomicSync(path, formatGraph(g, format));
}
