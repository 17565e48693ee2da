/**
 * Motif instances and per-node participation (igraph#1246: "save the found triads so I can plot
 * them"; networkx#4104: per-node counts). Both walk every k-subgraph once with ESU (`esuVisit`) and
 * classify it by its canonical key; the counting census (`countSubgraphs`) stays the fast path and
 * these answer the questions it cannot: which node sets, and which nodes take part how often.
 *
 * A class is matched by its canonical key (coloured, as in the census JSON `key`), or, with
 * `topology: true`, by its uncoloured topology (every coloured variant of it).
 */
import type { Digraph } from "../graph/digraph.js";
import { canonicalKeyOfMatrix } from "./canonical-label.js";
import { buildCensusGraph } from "./census-graph.js";
import { esuVisit } from "./esu.js";

export interface InstanceOptions {
  readonly size: number;
  /** Use edge colours (default true). */
  readonly colours?: boolean;
  readonly vertexColours?: Int32Array | null;
}

/** Classifies node sets of one graph: the k×k induced matrix (colours or 0/1), then its key. */
function classifier(g: Digraph, options: InstanceOptions) {
  const k = options.size;
  const colours = options.colours ?? true;
  const n = g.nodeCount;
  const colourOf = new Map<number, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    colourOf.set(g.edgeSrc[e] * n + g.edgeTrg[e], colours ? g.edgeColour[e] : 1);
  }
  const matrix = new Uint8Array(k * k);
  const vc = options.vertexColours ?? null;
  const nodeColours = vc ? new Int32Array(k) : null;
  return (vertices: ArrayLike<number>, uncoloured: boolean): string => {
    for (let i = 0; i < k; i++) {
      if (nodeColours) nodeColours[i] = vc![vertices[i]];
      for (let j = 0; j < k; j++) {
        const c = i === j ? 0 : (colourOf.get(vertices[i] * n + vertices[j]) ?? 0);
        matrix[i * k + j] = uncoloured && c > 0 ? 1 : c;
      }
    }
    return canonicalKeyOfMatrix(matrix, k, nodeColours);
  };
}

export interface Instances {
  /** Instances found (all of them when `limit` was not reached). */
  readonly count: number;
  /** True when the search stopped at `limit`. */
  readonly truncated: boolean;
  /** Node sets, each sorted ascending, in ESU order. */
  readonly nodeSets: number[][];
}

/**
 * The node sets of the k-subgraphs in class `key` (a canonical key; with `topology`, an uncoloured
 * key matched against each subgraph's topology), at most `limit` of them.
 */
export function findInstances(
  g: Digraph,
  key: string,
  options: InstanceOptions & { readonly topology?: boolean; readonly limit?: number },
): Instances {
  const classify = classifier(g, options);
  const limit = options.limit ?? Infinity;
  const topology = options.topology ?? false;
  const nodeSets: number[][] = [];
  let truncated = false;
  esuVisit(buildCensusGraph(g, true, null), options.size, (vertices) => {
    if (classify(vertices, topology) !== key) return true;
    if (nodeSets.length >= limit) {
      truncated = true;
      return false;
    }
    nodeSets.push(Array.from(vertices).sort((a, b) => a - b));
    return true;
  });
  return { count: nodeSets.length, truncated, nodeSets };
}

/**
 * Per node and class, the number of k-subgraphs of that class the node belongs to. Classes are
 * coloured keys, or uncoloured topologies with `topology`. Each subgraph adds 1 to each of its k
 * nodes, so a class's column sums to k × its census count.
 */
export function nodeParticipation(
  g: Digraph,
  options: InstanceOptions & { readonly topology?: boolean },
): Map<string, Float64Array> {
  const classify = classifier(g, options);
  const topology = options.topology ?? false;
  const byClass = new Map<string, Float64Array>();
  esuVisit(buildCensusGraph(g, true, null), options.size, (vertices) => {
    const key = classify(vertices, topology);
    let column = byClass.get(key);
    if (column === undefined) {
      column = new Float64Array(g.nodeCount);
      byClass.set(key, column);
    }
    for (let i = 0; i < vertices.length; i++) column[vertices[i]]++;
  });
  return byClass;
}
