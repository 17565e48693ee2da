/**
 * The contract of the motif engine (SPEC §5). Implementations live in the other files of this
 * folder; this file only fixes the shapes that the null models, statistics and CLI rely on.
 */

export interface SubgraphCountOptions {
  /** Subgraph size k (3..8; 3..6 is the supported core). */
  readonly size: number;
  /** Use edge colours (default true). When false every edge counts as colour 1. */
  readonly colours?: boolean;
  /** Optional vertex colour per node (e.g. its layer), a further invariant of the class. */
  readonly vertexColours?: Int32Array | null;
  /** Checked once per root vertex: when aborted, the census throws the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * The result of counting the k-subgraphs of one graph.
 *
 * A class key is the canonical form of the class: the k×k canonical adjacency matrix written row by
 * row as k*k digits (0 = no edge, else the colour of edge i→j), followed, when vertex colours are
 * used, by "/" and the k vertex colours of the canonical order, comma-separated. Two subgraphs are
 * in the same class exactly when their keys are equal.
 */
export interface SubgraphCounts {
  readonly size: number;
  /** Total number of k-subgraphs (connected induced k-node sets), or its estimate when sampled. */
  readonly total: number;
  /** Class key → count (an estimate of the count when sampled). */
  readonly counts: Map<string, number>;
  /** True when produced by RAND-ESU sampling rather than full enumeration. */
  readonly sampled: boolean;
}
