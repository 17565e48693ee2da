/**
 * The coloured directed graph: the one data structure the motif engine reads, and the bridge
 * between the neural-network side and the engine (the engine never sees a network).
 *
 * Nodes are 0..nodeCount-1. Edges are parallel typed arrays in a fixed order (for graphs built from
 * a network: SPEC §4.1 order, layer by layer, i then j). Colour 0 never appears on an edge: it
 * means "no edge" in adjacency matrices. Uncoloured graphs use colour 1 on every edge.
 */
export interface Digraph {
  readonly nodeCount: number;
  readonly edgeSrc: Int32Array;
  readonly edgeTrg: Int32Array;
  /** Edge colour, 1..7. */
  readonly edgeColour: Uint8Array;
  /** Optional per-node layer index (0 = input layer); needed by the layered null model. */
  readonly nodeLayer?: Int32Array;
  /** Optional per-edge weight (the network's kernel entry), kept for analyses. */
  readonly edgeWeight?: Float64Array;
  /** Optional per-node bias (NaN for input units). */
  readonly nodeBias?: Float64Array;
  /** Optional free-form provenance (source file, binning, …) carried by the native JSON format. */
  readonly meta?: Record<string, unknown>;
  /**
   * The file's own id of each node, increasing, when the file's ids were sparse and are mapped to
   * the dense index 0..nodeCount-1 (see `denseNodeIds`); absent when ids are the indices.
   */
  readonly nodeIds?: Float64Array;
}

export const MAX_COLOUR = 7;

export function edgeCount(g: Digraph): number {
  return g.edgeSrc.length;
}

/** Number of distinct edge colours present (FANMOD's "Number of edge colors"). */
export function colourCount(g: Digraph): number {
  const seen = new Set<number>();
  for (let e = 0; e < g.edgeColour.length; e++) seen.add(g.edgeColour[e]);
  return seen.size;
}

/** A copy of `g` with every edge colour set to 1 (the `--no-colours` census). */
export function withoutColours(g: Digraph): Digraph {
  return { ...g, edgeColour: new Uint8Array(g.edgeSrc.length).fill(1) };
}

/** Build a Digraph from plain arrays, checking ids and colours (throws RangeError on bad input). */
export function makeDigraph(
  nodeCount: number,
  edges: ReadonlyArray<readonly [number, number, number?]>,
  extra: Partial<Pick<Digraph, "nodeLayer" | "edgeWeight" | "nodeBias" | "meta">> = {},
): Digraph {
  const m = edges.length;
  const edgeSrc = new Int32Array(m);
  const edgeTrg = new Int32Array(m);
  const edgeColour = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const [s, t, c = 1] = edges[e];
    if (
      !Number.isInteger(s) ||
      !Number.isInteger(t) ||
      s < 0 ||
      t < 0 ||
      s >= nodeCount ||
      t >= nodeCount
    ) {
      throw new RangeError(
        `makeDigraph: edge ${e} (${s} → ${t}) has a node id outside 0..${nodeCount - 1}.`,
      );
    }
    if (!Number.isInteger(c) || c < 1 || c > MAX_COLOUR) {
      throw new RangeError(
        `makeDigraph: edge ${e} has colour ${c}. Should be an integer 1..${MAX_COLOUR}.`,
      );
    }
    edgeSrc[e] = s;
    edgeTrg[e] = t;
    edgeColour[e] = c;
  }
  return { nodeCount, edgeSrc, edgeTrg, edgeColour, ...extra };
}

/**
 * File ids are used as node indices (FANMOD's convention: nodes = max id + 1, isolated ids
 * included) while the id range is at most SPARSE_ID_FACTOR × the ids used, or below
 * DENSE_ID_RANGE. Beyond that, allocating per id would cost memory and time for nodes that have
 * no edge (one edge `0 2000000000` would need 2·10⁹ slots), so the ids are mapped to 0..n-1 in
 * increasing order, `nodeCount` is the number of ids used and `nodeIds` keeps the file's ids.
 */
export const SPARSE_ID_FACTOR = 4;
export const DENSE_ID_RANGE = 2 ** 16;

export interface DenseNodes {
  readonly nodeCount: number;
  readonly edgeSrc: Int32Array;
  readonly edgeTrg: Int32Array;
  readonly nodeIds?: Float64Array;
}

/**
 * Edge endpoints given as file ids → dense node indices (see SPARSE_ID_FACTOR). `idRange` is the
 * number of ids the file declares (max id + 1 for an edge list, `nodeCount` for graph JSON).
 */
export function denseNodeIds(
  src: ArrayLike<number>,
  trg: ArrayLike<number>,
  idRange: number,
): DenseNodes {
  const m = src.length;
  if (idRange <= DENSE_ID_RANGE) {
    return { nodeCount: idRange, edgeSrc: Int32Array.from(src), edgeTrg: Int32Array.from(trg) };
  }
  const ends = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    ends[2 * e] = src[e];
    ends[2 * e + 1] = trg[e];
  }
  ends.sort();
  let distinct = 0;
  for (let i = 0; i < ends.length; i++)
    if (i === 0 || ends[i] !== ends[i - 1]) ends[distinct++] = ends[i];
  if (idRange <= SPARSE_ID_FACTOR * distinct) {
    return { nodeCount: idRange, edgeSrc: Int32Array.from(src), edgeTrg: Int32Array.from(trg) };
  }
  const nodeIds = ends.slice(0, distinct);
  const index = (id: number): number => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodeIds[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const edgeSrc = new Int32Array(m);
  const edgeTrg = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    edgeSrc[e] = index(src[e]);
    edgeTrg[e] = index(trg[e]);
  }
  return { nodeCount: distinct, edgeSrc, edgeTrg, nodeIds };
}

/** The id node `v` has in the graph's file (its index unless ids were mapped). */
export function fileNodeId(g: Digraph, v: number): number {
  return g.nodeIds !== undefined ? g.nodeIds[v] : v;
}

/** The number of ids the graph's file spans: max file id + 1 (nodeCount when ids are indices). */
export function nodeIdRange(g: Digraph): number {
  const ids = g.nodeIds;
  return ids !== undefined && ids.length > 0 ? ids[ids.length - 1] + 1 : g.nodeCount;
}

/** Nodes with at least one edge: the only ones a connected k-subgraph can contain. */
export function connectedNodeCount(g: Digraph): number {
  const touched = new Uint8Array(g.nodeCount);
  let count = 0;
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    if (touched[s] === 0) {
      touched[s] = 1;
      count++;
    }
    if (touched[t] === 0) {
      touched[t] = 1;
      count++;
    }
  }
  return count;
}
