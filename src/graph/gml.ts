/**
 * GML (Graph Modelling Language, Himsolt 1997), the format of most published network data sets
 * (Newman's collection, igraph's and networkx's test files): nested `key value` lists with `[ ]`,
 * values integers, reals or "strings".
 *
 * Read as a coloured digraph: nodes in file order (renumbered 0..n−1; their GML ids and labels kept
 * in `meta.nodeNames`, an integer `colour`/`color` in `meta.nodeColours`), one edge per `edge [source s target t]`. An edge's `value` or `weight` is its
 * weight; a `colour`/`color` integer 1..7 its colour (else 1). Self-loops, parallel arcs, undirected
 * graphs (`directed 0`) and `minWeight`: see edge-builder.ts.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { EdgeBuilder, type NetworkReadOptions } from "./edge-builder.js";

type GmlValue = number | string | GmlList;
interface GmlList {
  readonly entries: Array<[string, GmlValue, number]>; // key, value, 1-based line
}

/** Tokenise and parse GML into nested lists (line numbers kept for messages). */
function parseGmlTree(text: string, file?: string): GmlList {
  const TOKEN =
    /(\s*)(?:(#[^\n]*)|([A-Za-z_][A-Za-z0-9_]*)|("[^"]*")|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|(\[)|(\]))/y;
  const stack: GmlList[] = [{ entries: [] }];
  let key: string | null = null;
  let keyLine = 0;
  let line = 1;
  let pos = 0;
  const fail = (message: string): never => {
    throw new NnmotifsError(`not valid GML: ${message}`, { file, line });
  };
  const newlines = (s: string): number => s.split("\n").length - 1;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (m === null) {
      const rest = text.slice(pos);
      const lead = /^\s*/.exec(rest)![0];
      if (lead.length === rest.length) break;
      line += newlines(lead);
      fail(`unexpected "${rest.slice(lead.length, lead.length + 20).split("\n")[0]}"`);
    }
    line += newlines(m![1]);
    pos = TOKEN.lastIndex;
    const [, , comment, word, str, num, open, close] = m!;
    if (comment !== undefined) continue;
    const top = stack[stack.length - 1];
    if (close !== undefined) {
      if (key !== null) fail(`key "${key}" has no value`);
      if (stack.length === 1) fail(`"]" without "["`);
      stack.pop();
      continue;
    }
    if (key === null) {
      if (word === undefined) fail(`expected a key, found ${str ?? num ?? open}`);
      key = word!;
      keyLine = line;
      continue;
    }
    if (open !== undefined) {
      const list: GmlList = { entries: [] };
      top.entries.push([key, list, keyLine]);
      stack.push(list);
    } else if (str !== undefined) {
      top.entries.push([key, str.slice(1, -1), keyLine]);
      line += newlines(str);
    } else if (num !== undefined) {
      top.entries.push([key, Number(num), keyLine]);
    } else {
      fail(`key "${key}" followed by key "${word}"`);
    }
    key = null;
  }
  if (key !== null) fail(`key "${key}" has no value`);
  if (stack.length > 1) fail(`a "[" is never closed`);
  return stack[0];
}

function get(list: GmlList, key: string): GmlValue | undefined {
  for (const [k, v] of list.entries) if (k === key) return v;
  return undefined;
}

export function parseGml(text: string, file?: string, options: NetworkReadOptions = {}): Digraph {
  const root = parseGmlTree(text, file);
  const graphEntry = root.entries.find(([k, v]) => k === "graph" && typeof v === "object");
  if (graphEntry === undefined) {
    throw new NnmotifsError('not valid GML: no "graph [ … ]" block.', { file });
  }
  const graph = graphEntry[1] as GmlList;
  const directed = get(graph, "directed") === 1;
  const index = new Map<number | string, number>();
  const names: string[] = [];
  const colours: number[] = [];
  for (const [k, v, line] of graph.entries) {
    if (k !== "node" || typeof v !== "object") continue;
    const id = get(v, "id");
    if (typeof id !== "number" && typeof id !== "string") {
      throw new NnmotifsError("GML node without an id.", { file, line });
    }
    if (index.has(id)) throw new NnmotifsError(`GML node id ${id} appears twice.`, { file, line });
    index.set(id, names.length);
    const label = get(v, "label");
    names.push(typeof label === "string" || typeof label === "number" ? String(label) : String(id));
    const colour = get(v, "colour") ?? get(v, "color");
    colours.push(typeof colour === "number" && Number.isInteger(colour) ? colour : NaN);
  }
  const edges = new EdgeBuilder(names, "gml", file, options);
  for (const [k, v, line] of graph.entries) {
    if (k !== "edge" || typeof v !== "object") continue;
    const s = index.get(get(v, "source") as number);
    const t = index.get(get(v, "target") as number);
    if (s === undefined || t === undefined) {
      throw new NnmotifsError(
        `GML edge ${String(get(v, "source"))} → ${String(get(v, "target"))} names a node that is not declared.`,
        { file, line },
      );
    }
    const w = get(v, "weight") ?? get(v, "value");
    if (w !== undefined && typeof w !== "number") {
      throw new NnmotifsError(`GML edge weight "${String(w)}" is not a number.`, { file, line });
    }
    const c = get(v, "colour") ?? get(v, "color") ?? 1;
    edges.add(s, t, typeof c === "number" ? c : NaN, w, !directed, line);
  }
  const nodeColours =
    colours.length > 0 && colours.every(Number.isInteger) ? { nodeColours: colours } : {};
  return edges.build({ directed, ...nodeColours });
}
