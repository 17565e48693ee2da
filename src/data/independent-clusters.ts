/**
 * SPEC §2.2: the independent-clusters data set. 31 variables in 4 groups (8, 7, 9, 7); each group's
 * variables form a DAG, and a sample of class k sets every variable outside group k to −1 and every
 * variable v inside it to 1 if v has no ancestors, else to its number of ancestors. So each class
 * has exactly one input vector.
 *
 * The DAGs are built the authors' way (Zambra's `ClustersDS.py`): one 2-D point per variable, drawn
 * from N(centre_k, 8·I) with group centres 50 apart; the complete graph over all points, edges
 * (i, j) with i < j in lexicographic order, strength 1/distance; then "melting": for 15 thresholds T
 * evenly spaced from the shortest to the longest distance, every edge longer than T is removed while
 * walking the edge list — reproducing their in-place list removal, which skips the edge right after
 * each removed one, so a sparse random graph of short edges survives. Edges are oriented i → j
 * (index order is a topological order); only edges inside a group count.
 */
import { Rng } from "../core/random.js";
import type { Dataset } from "./dataset.js";

export interface IndependentClustersOptions {
  /** Number of samples (2000 in the paper). */
  samples?: number;
  /** Variables per group = classes; their sum is the number of features. */
  groupSizes?: readonly number[];
  /** Number of melting thresholds. */
  meltingSteps?: number;
}

export const INDEPENDENT_CLUSTERS_DEFAULTS: Required<IndependentClustersOptions> = {
  samples: 2000,
  groupSizes: [8, 7, 9, 7],
  meltingSteps: 15,
};

/** The per-group DAG: `ancestors[v]` = number of ancestors of variable v within its group. */
export interface ClusterStructure {
  readonly group: Int32Array;
  readonly edges: ReadonlyArray<readonly [number, number]>;
  readonly ancestors: Int32Array;
  /** One input vector per class (row-major nClasses × nFeatures). */
  readonly prototypes: Float32Array;
}

/** Build the groups' DAGs and the class prototypes from a seed. */
export function clusterStructure(
  seed: number,
  options: IndependentClustersOptions = {},
): ClusterStructure {
  const sizes = options.groupSizes ?? INDEPENDENT_CLUSTERS_DEFAULTS.groupSizes;
  const steps = options.meltingSteps ?? INDEPENDENT_CLUSTERS_DEFAULTS.meltingSteps;
  if (sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new RangeError(
      "clusterStructure: invalid `groupSizes`. Should be at least two positive integers.",
    );
  }
  const rng = new Rng(seed, 0x636c7573); // "clus"
  const n = sizes.reduce((a, b) => a + b, 0);
  const group = new Int32Array(n);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const sd = Math.sqrt(8);
  for (let k = 0, v = 0; k < sizes.length; k++) {
    const cx = 1 + 50 * Math.floor(k / 2);
    const cy = 1 + 50 * (k % 2);
    for (let i = 0; i < sizes[k]; i++, v++) {
      group[v] = k;
      px[v] = cx + sd * rng.normal();
      py[v] = cy + sd * rng.normal();
    }
  }
  let edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) edges.push([i, j, Math.hypot(px[i] - px[j], py[i] - py[j])]);
  }
  let dMin = Infinity;
  let dMax = -Infinity;
  for (const e of edges) {
    dMin = Math.min(dMin, e[2]);
    dMax = Math.max(dMax, e[2]);
  }
  for (let s = 0; s < steps; s++) {
    const t = steps === 1 ? dMin : dMin + ((dMax - dMin) * s) / (steps - 1);
    const kept: Array<[number, number, number]> = [];
    // Python's `for e in list: if …: list.remove(e)` skips the element after each removal.
    for (let idx = 0; idx < edges.length; idx++) {
      if (edges[idx][2] > t) {
        if (idx + 1 < edges.length) kept.push(edges[idx + 1]);
        idx += 1;
      } else kept.push(edges[idx]);
    }
    edges = kept;
  }
  const dag = edges.filter(([i, j]) => group[i] === group[j]).map(([i, j]) => [i, j] as const);
  const ancestorSets: Array<Set<number>> = Array.from({ length: n }, () => new Set<number>());
  for (const [i, j] of dag) {
    ancestorSets[j].add(i);
    for (const a of ancestorSets[i]) ancestorSets[j].add(a);
  }
  const ancestors = Int32Array.from(ancestorSets, (s) => s.size);
  const prototypes = new Float32Array(sizes.length * n).fill(-1);
  for (let v = 0; v < n; v++) prototypes[group[v] * n + v] = Math.max(1, ancestors[v]);
  return { group, edges: dag, ancestors, prototypes };
}

/** Generate the independent-clusters data set; the same seed gives the same samples and DAGs. */
export function independentClustersDataset(
  seed: number,
  options: IndependentClustersOptions = {},
): Dataset {
  const samples = options.samples ?? INDEPENDENT_CLUSTERS_DEFAULTS.samples;
  const structure = clusterStructure(seed, options);
  const nClasses = options.groupSizes?.length ?? INDEPENDENT_CLUSTERS_DEFAULTS.groupSizes.length;
  const nFeatures = structure.group.length;
  const rng = new Rng(seed, 0x636c7573, 1);
  const x = new Float32Array(samples * nFeatures);
  const y = new Int32Array(samples);
  for (let s = 0; s < samples; s++) {
    const k = rng.int(nClasses);
    y[s] = k;
    x.set(structure.prototypes.subarray(k * nFeatures, (k + 1) * nFeatures), s * nFeatures);
  }
  return { name: "clusters", x, y, nFeatures, nClasses };
}
