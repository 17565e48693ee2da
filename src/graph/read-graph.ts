/**
 * Graph files by content, not by extension: native JSON when the text starts with `{`, otherwise a
 * FANMOD edge list. Writing is atomic (a killed run never leaves half a graph).
 */
import { readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../core/atomic-write.js";
import type { Digraph } from "./digraph.js";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "./fanmod-edge-list.js";
import { formatGraphJson, parseGraphJson } from "./graph-json.js";

export type GraphFormat = "fanmod" | "json";

/** Parse graph text; `file` only names the source in error messages. */
export function parseGraph(text: string, file?: string): Digraph {
  return text.trimStart().startsWith("{")
    ? parseGraphJson(text, file)
    : parseFanmodEdgeList(text, file);
}

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
