/**
 * `nnmotifs census --instances SPEC` and `--per-node`: which node sets form a class, and how often
 * each node takes part in each class (motifs/instances.ts). SPEC is a motif name ("diamond",
 * "bi-fan", "feed-forward loop", …: its uncoloured topology), a class key as the census JSON
 * prints it, or the class's k rows ("011 001 000"); with `--topology` a key or rows match every
 * coloured variant of their topology. Node names from GML/GraphML/Pajek files are printed beside
 * the ids.
 */
import { NnmotifsError } from "../core/errors.js";
import { toCsv } from "../core/csv.js";
import type { Digraph } from "../graph/digraph.js";
import { canonicalKey } from "../motifs/canonical-label.js";
import { matrixFromRows } from "../motifs/class-key.js";
import { findInstances, nodeParticipation } from "../motifs/instances.js";
import { NAMED_TOPOLOGIES, fromEdges } from "../analysis/motif-names.js";

export interface InstanceRequest {
  readonly spec: string;
  readonly topology: boolean;
  readonly limit: number;
}

/** The canonical key SPEC names, and whether it is matched as a topology. */
export function resolveClassSpec(
  spec: string,
  size: number,
  topologyFlag: boolean,
): { key: string; topology: boolean } {
  const named = NAMED_TOPOLOGIES.find((t) => t.name === spec.trim().toLowerCase());
  if (named !== undefined) {
    if (named.k !== size) {
      throw new NnmotifsError(
        `--instances "${spec}" is a ${named.k}-node motif but the census size is ${size}. Use -k ${named.k}.`,
      );
    }
    const rows = fromEdges(named.k, named.edges).map((r) => r.join(""));
    return { key: canonicalKey(rows, size), topology: true };
  }
  const digits = spec.split("/")[0].replace(/[\s,]+/g, "");
  if (!/^[0-7]+$/.test(digits) || digits.length !== size * size) {
    const names = NAMED_TOPOLOGIES.filter((t) => t.k === size).map((t) => t.name);
    throw new NnmotifsError(
      `invalid --instances "${spec}". Should be a class key or ${size} rows of ${size} digits 0..7` +
        (names.length > 0 ? `, or a motif name: ${names.join(", ")}` : "") +
        ".",
    );
  }
  let matrix = matrixFromRows(
    Array.from({ length: size }, (_, i) => digits.slice(i * size, (i + 1) * size)),
  );
  if (topologyFlag) matrix = matrix.map((c) => (c > 0 ? 1 : 0));
  for (let i = 0; i < size; i++) {
    if (matrix[i * size + i] !== 0) {
      throw new NnmotifsError(`invalid --instances "${spec}": row ${i + 1} has an edge to itself.`);
    }
  }
  return { key: canonicalKey(matrix, size), topology: topologyFlag };
}

function names(g: Digraph): string[] | null {
  const n = g.meta?.nodeNames;
  return Array.isArray(n) && n.length === g.nodeCount ? n.map(String) : null;
}

export function instancesOutput(
  g: Digraph,
  request: InstanceRequest,
  size: number,
  colours: boolean,
  vertexColours: Int32Array | null,
  format: "json" | "csv",
): { text: string; summary: string } {
  const { key, topology } = resolveClassSpec(request.spec, size, request.topology || !colours);
  const found = findInstances(g, key, {
    size,
    colours,
    vertexColours,
    topology,
    limit: request.limit,
  });
  const nodeNames = names(g);
  const summary =
    `${found.count} instance${found.count === 1 ? "" : "s"} of ${topology ? "topology" : "class"} ${key}` +
    (found.truncated ? ` (stopped at --limit ${request.limit}; there are more)` : "");
  if (format === "csv") {
    const header = ["instance", ...Array.from({ length: size }, (_, i) => `node${i + 1}`)];
    const rows = found.nodeSets.map((set, i) => [
      i + 1,
      ...set.map((v) => (nodeNames ? nodeNames[v] : v)),
    ]);
    return { text: toCsv(header, rows), summary };
  }
  const doc = {
    size,
    key,
    match: topology ? "topology" : "class",
    count: found.count,
    truncated: found.truncated,
    limit: Number.isFinite(request.limit) ? request.limit : null,
    nodeSets: found.nodeSets,
    ...(nodeNames ? { nodeNames: found.nodeSets.map((s) => s.map((v) => nodeNames[v])) } : {}),
  };
  return { text: JSON.stringify(doc, null, 1) + "\n", summary };
}

export function perNodeOutput(
  g: Digraph,
  size: number,
  colours: boolean,
  vertexColours: Int32Array | null,
  topology: boolean,
  format: "json" | "csv",
): { text: string; summary: string } {
  const columns = nodeParticipation(g, {
    size,
    colours,
    vertexColours,
    topology: topology || !colours,
  });
  const keys = [...columns.keys()].sort();
  const nodeNames = names(g);
  const layer = g.nodeLayer ?? null;
  const summary = `participation of ${g.nodeCount} nodes in ${keys.length} classes`;
  if (format === "csv") {
    const header = [
      "node",
      ...(nodeNames ? ["name"] : []),
      ...(layer ? ["layer"] : []),
      "class",
      "count",
    ];
    const rows: (string | number)[][] = [];
    for (let v = 0; v < g.nodeCount; v++) {
      for (const key of keys) {
        const c = columns.get(key)![v];
        if (c === 0) continue;
        rows.push([v, ...(nodeNames ? [nodeNames[v]] : []), ...(layer ? [layer[v]] : []), key, c]);
      }
    }
    return { text: toCsv(header, rows), summary };
  }
  const doc = {
    size,
    match: topology || !colours ? "topology" : "class",
    classes: keys,
    nodes: Array.from({ length: g.nodeCount }, (_, v) => ({
      node: v,
      ...(nodeNames ? { name: nodeNames[v] } : {}),
      ...(layer ? { layer: layer[v] } : {}),
      counts: keys.map((k) => columns.get(k)![v]),
    })),
  };
  return { text: JSON.stringify(doc) + "\n", summary };
}
