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
