/**
 * The native graph format: JSON that carries what a FANMOD edge list cannot (node layers, the
 * network's weights and biases, provenance).
 *
 *   {"format":"nnmotifs-graph","version":1,"nodeCount":95,
 *    "layerSizes":[31,30,30,4],            optional; consecutive id ranges, inputs first
 *    "nodeLayer":[0,0,…,3],                 optional; per node (written whenever the graph has it)
 *    "nodeBias":[null,…,0.013],             optional; null for input units (NaN in memory)
 *    "edges":{"src":[…],"trg":[…],"colour":[…],"weight":[…]},   weight optional
 *    "meta":{…}}                            optional, free-form
 *
 * Weights and biases are written with JavaScript's shortest round-trip formatting, so a float64
 * survives write → read bit for bit.
 *
 * `nodeCount` may be large only when the file pays for it: with `nodeLayer` or `nodeBias` (one
 * entry per node) the ids are the indices; without them, a `nodeCount` far above the ids the edges
 * use is not allocated — the used ids are mapped to 0..n-1 (`denseNodeIds`), so
 * `"nodeCount": 2147483647` with ten edges costs ten edges.
 */
import { z } from "zod";
import { NnmotifsError } from "../core/errors.js";
import { jsonSyntaxError } from "../core/json-syntax.js";
import { MAX_COLOUR, denseNodeIds, fileNodeId, nodeIdRange, type Digraph } from "./digraph.js";
import { layersFromSizes } from "./layers.js";

const nodeId = z.number().int().nonnegative();

export const GraphJsonSchema = z
  .object({
    format: z.literal("nnmotifs-graph"),
    version: z.literal(1),
    nodeCount: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 31 - 1),
    layerSizes: z.array(z.number().int().positive()).optional(),
    nodeLayer: z.array(z.number().int().nonnegative()).optional(),
    nodeBias: z.array(z.number().nullable()).optional(),
    edges: z.object({
      src: z.array(nodeId),
      trg: z.array(nodeId),
      colour: z.array(z.number().int().min(1).max(MAX_COLOUR)),
      weight: z.array(z.number()).optional(),
    }),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .describe("nnmotifs native graph (version 1)");

export type GraphJson = z.infer<typeof GraphJsonSchema>;

/** JSON Schema (draft 2020-12) of the native graph format, generated from the zod schema. */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(GraphJsonSchema) as Record<string, unknown>;
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top level)" : out;
}

export function parseGraphJson(text: string, file?: string): Digraph {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const syntax = jsonSyntaxError(text);
    throw new NnmotifsError(syntax?.message ?? "not valid JSON.", { file, line: syntax?.line });
  }
  const parsed = GraphJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NnmotifsError(
      `invalid nnmotifs graph: field ${fieldPath(issue.path)}: ${issue.message}.`,
      { file },
    );
  }
  const g = parsed.data;
  const bad = (field: string, message: string): NnmotifsError =>
    new NnmotifsError(`invalid nnmotifs graph: field ${field}: ${message}`, { file });
  const n = g.nodeCount;
  const m = g.edges.src.length;
  for (const key of ["trg", "colour", "weight"] as const) {
    const list = g.edges[key];
    if (list !== undefined && list.length !== m) {
      throw bad(
        `edges.${key}`,
        `has ${list.length} entries. Should have ${m} (one per edge, as edges.src).`,
      );
    }
  }
  const seen = new Set<number | string>();
  const exactKeys = n <= 2 ** 26; // s * n + t stays an exact integer
  for (let e = 0; e < m; e++) {
    const s = g.edges.src[e];
    const t = g.edges.trg[e];
    if (s >= n) throw bad(`edges.src[${e}]`, `node ${s} is outside 0..${n - 1} (nodeCount ${n}).`);
    if (t >= n) throw bad(`edges.trg[${e}]`, `node ${t} is outside 0..${n - 1} (nodeCount ${n}).`);
    if (s === t) throw bad(`edges[${e}]`, `self-loop ${s} → ${t}. Self-loops are not allowed.`);
    const key = exactKeys ? s * n + t : `${s} ${t}`;
    if (seen.has(key))
      throw bad(`edges[${e}]`, `duplicate edge ${s} → ${t}. Each ordered pair may appear once.`);
    seen.add(key);
  }
  if (g.layerSizes !== undefined) {
    const total = g.layerSizes.reduce((a, b) => a + b, 0);
    if (total !== n) throw bad("layerSizes", `sums to ${total}. Should sum to nodeCount ${n}.`);
  }
  for (const key of ["nodeLayer", "nodeBias"] as const) {
    const list = g[key];
    if (list !== undefined && list.length !== n) {
      throw bad(key, `has ${list.length} entries. Should have nodeCount = ${n}.`);
    }
  }
  // Per-node arrays make n entries anyway; otherwise sparse ids are mapped (module comment).
  const perNode = g.nodeLayer !== undefined || g.nodeBias !== undefined;
  const nodes = perNode
    ? { nodeCount: n, edgeSrc: Int32Array.from(g.edges.src), edgeTrg: Int32Array.from(g.edges.trg) }
    : denseNodeIds(g.edges.src, g.edges.trg, n);
  let nodeLayer: Int32Array | undefined;
  if (g.layerSizes !== undefined) {
    nodeLayer = layersFromSizes(g.layerSizes, nodes.nodeCount, nodes.nodeIds);
  }
  if (g.nodeLayer !== undefined) {
    const given = Int32Array.from(g.nodeLayer);
    if (nodeLayer !== undefined && given.some((layer, v) => layer !== nodeLayer![v])) {
      throw bad("nodeLayer", "disagrees with layerSizes. Give one, or both consistent.");
    }
    nodeLayer = given;
  }
  let nodeBias: Float64Array | undefined;
  if (g.nodeBias !== undefined) {
    nodeBias = Float64Array.from(g.nodeBias, (b) => b ?? NaN);
  }
  return {
    nodeCount: nodes.nodeCount,
    edgeSrc: nodes.edgeSrc,
    edgeTrg: nodes.edgeTrg,
    ...(nodes.nodeIds !== undefined ? { nodeIds: nodes.nodeIds } : {}),
    edgeColour: Uint8Array.from(g.edges.colour),
    ...(nodeLayer !== undefined ? { nodeLayer } : {}),
    ...(g.edges.weight !== undefined ? { edgeWeight: Float64Array.from(g.edges.weight) } : {}),
    ...(nodeBias !== undefined ? { nodeBias } : {}),
    ...(g.meta !== undefined ? { meta: g.meta } : {}),
  };
}

/** Sizes of consecutive layers when `nodeLayer` is 0,0,…,1,1,…,2,… (no gaps); else undefined. */
export function layerSizesOf(nodeLayer: Int32Array): number[] | undefined {
  const sizes: number[] = [];
  for (let v = 0; v < nodeLayer.length; v++) {
    const layer = nodeLayer[v];
    if (layer === sizes.length - 1) sizes[layer] += 1;
    else if (layer === sizes.length) sizes.push(1);
    else return undefined;
  }
  return sizes;
}

/**
 * The document of `g`. A graph with mapped ids (`nodeIds`) is written with its file's ids and
 * `nodeCount` = max id + 1; its per-node arrays (layers, biases) are not written, since they
 * would need an entry for every id up to max id.
 */
export function toGraphJson(g: Digraph): GraphJson {
  if (g.nodeIds !== undefined) return sparseGraphJson(g);
  const layerSizes = g.nodeLayer !== undefined ? layerSizesOf(g.nodeLayer) : undefined;
  return {
    format: "nnmotifs-graph",
    version: 1,
    nodeCount: g.nodeCount,
    ...(layerSizes !== undefined ? { layerSizes } : {}),
    ...(g.nodeLayer !== undefined ? { nodeLayer: Array.from(g.nodeLayer) } : {}),
    ...(g.nodeBias !== undefined
      ? { nodeBias: Array.from(g.nodeBias, (b) => (Number.isFinite(b) ? b : null)) }
      : {}),
    edges: {
      src: Array.from(g.edgeSrc),
      trg: Array.from(g.edgeTrg),
      colour: Array.from(g.edgeColour),
      ...(g.edgeWeight !== undefined ? { weight: Array.from(g.edgeWeight) } : {}),
    },
    ...(g.meta !== undefined ? { meta: g.meta } : {}),
  };
}

function sparseGraphJson(g: Digraph): GraphJson {
  const ids = (list: Int32Array): number[] => Array.from(list, (v) => fileNodeId(g, v));
  return {
    format: "nnmotifs-graph",
    version: 1,
    nodeCount: nodeIdRange(g),
    edges: {
      src: ids(g.edgeSrc),
      trg: ids(g.edgeTrg),
      colour: Array.from(g.edgeColour),
      ...(g.edgeWeight !== undefined ? { weight: Array.from(g.edgeWeight) } : {}),
    },
    ...(g.meta !== undefined ? { meta: g.meta } : {}),
  };
}

/**
 * The native JSON text. Top-level fields one per line and each array on one line, so files stay
 * readable and diffable without pretty-printing 10^5 numbers one per line.
 */
export function formatGraphJson(g: Digraph): string {
  const doc = toGraphJson(g);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === "edges") {
      const edgeLines = Object.entries(value as Record<string, unknown>).map(
        ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
      );
      lines.push(`  "edges": {\n${edgeLines.join(",\n")}\n  }`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
  }
  return `{\n${lines.join(",\n")}\n}\n`;
}
