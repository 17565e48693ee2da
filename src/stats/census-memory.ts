/**
 * The census's checks before any work (issue 13, items 1 and 3): a graph with too few nodes for
 * the subgraph size is refused, and the peak memory is estimated from nodes, edges, k, the number
 * of classes and the random networks (`core/memory-budget.ts`), refusing a job that would not fit
 * the machine or `--max-memory` with the estimate and what to do.
 *
 * The number of classes is the term that explodes (k = 8 on the anchor graph: ~6.7·10⁵ classes),
 * so it is estimated, not guessed: a RAND-ESU sample of ~SAMPLE_TARGET subgraphs of the graph,
 * and the Chao1 richness estimator on it (A. Chao, "Nonparametric estimation of the number of
 * classes in a population", Scand. J. Stat. 11, 1984) — distinct classes seen plus f1²/(2 f2)
 * from the classes seen once (f1) and twice (f2) — capped by the number of subgraphs.
 */
import { NnmotifsError } from "../core/errors.js";
import {
  availableMemoryBytes,
  checkMemoryBudget,
  estimateCensusMemory,
  type MemoryEstimate,
} from "../core/memory-budget.js";
import { Rng } from "../core/random.js";
import { connectedNodeCount, withoutColours, type Digraph } from "../graph/digraph.js";
import { estimateSubgraphCount, sampleSubgraphs } from "../motifs/rand-esu.js";
import { buildCensusGraph } from "../motifs/census-graph.js";
import { esuLevelsBound } from "./census-cost.js";

/** Subgraphs sampled for the class-count estimate (milliseconds of work). */
export const SAMPLE_TARGET = 20_000;

export interface CensusPlan {
  readonly size: number;
  readonly networks: number;
  readonly workers: number;
  readonly colours: boolean;
  /** Classes also split by vertex colour (layers): more classes. */
  readonly vertexColours: boolean;
  /** Output format (informational: every format streams, any size is written). */
  readonly format?: string;
  /** `--max-memory` in bytes. */
  readonly maxBytes?: number;
  readonly seed?: number;
  readonly file?: string;
}

export interface CensusSizeEstimate {
  readonly subgraphs: number;
  readonly classes: number;
  readonly memory: MemoryEstimate;
}

interface ClassSample {
  readonly seen: number;
  readonly once: number;
  readonly twice: number;
  readonly exact: boolean;
}

function sampleClasses(
  graph: Digraph,
  size: number,
  subgraphs: number,
  target: number,
  colours: boolean,
  seed: number,
): ClassSample {
  const p = Math.min(1, (target / subgraphs) ** (1 / size));
  const P = p ** size;
  const sample = sampleSubgraphs(graph, {
    size,
    colours,
    probabilities: Array.from({ length: size }, () => p),
    rng: new Rng(seed, 0xfffffffd),
  });
  let seen = 0;
  let once = 0;
  let twice = 0;
  for (const count of sample.counts.values()) {
    const raw = Math.round(count * P);
    if (raw <= 0) continue;
    seen++;
    if (raw === 1) once++;
    else if (raw === 2) twice++;
  }
  return { seen, once, twice, exact: p === 1 };
}

/**
 * An upper bound of the number of k-subgraph classes of `g` (vertex colours aside): the raw codes
 * a k-subgraph can have, P^(k(k−1)/2) for the P pair codes the graph has (no pair included), each
 * class having at least one. Small when colours and k are: 3^6 = 729 for k = 4 without colours or
 * mutual pairs, where the bound from the subgraphs is in the millions.
 */
export function codeSpaceClasses(g: Digraph, size: number, colours: boolean): number {
  const pairCodes = buildCensusGraph(g, colours, null).pairCodes.length;
  return pairCodes ** ((size * (size - 1)) / 2);
}

/**
 * Estimated number of k-subgraph classes of `g`: the larger of Chao1 on a sample of
 * SAMPLE_TARGET subgraphs and the power law D(s) ∝ s^β fitted to the distinct classes of two
 * samples (s/4 and s) and extrapolated to all subgraphs — Chao1 is a lower bound that is far low
 * when most classes are rare (k = 8: 2.6·10⁴ for 6.7·10⁵), the power law errs high — so their
 * geometric mean, capped by the number of subgraphs.
 */
export function estimateClassCount(
  g: Digraph,
  size: number,
  subgraphs: number,
  options: { colours: boolean; seed?: number },
): number {
  if (subgraphs <= 0) return 0;
  const bound = Math.min(subgraphs, codeSpaceClasses(g, size, options.colours));
  const graph = options.colours ? g : withoutColours(g);
  const seed = options.seed ?? 1;
  const big = sampleClasses(graph, size, subgraphs, SAMPLE_TARGET, options.colours, seed);
  if (big.exact) return big.seen; // the sample was the whole census
  const chao1 = big.seen + (big.once * (big.once - 1)) / (2 * (big.twice + 1));
  const small = sampleClasses(graph, size, subgraphs, SAMPLE_TARGET / 4, options.colours, seed + 1);
  const beta =
    small.seen > 0 ? Math.max(0, Math.min(1, Math.log(big.seen / small.seen) / Math.log(4))) : 1;
  const powerLaw = big.seen * (subgraphs / SAMPLE_TARGET) ** beta;
  // Their geometric mean: within ~2× of the exact count on the anchor graphs for k = 4..8.
  return Math.min(bound, Math.max(big.seen, Math.sqrt(chao1 * Math.max(chao1, powerLaw))));
}

/**
 * Refuse, before any work, a census that cannot give an answer or would not fit in memory.
 * Returns the estimate (the command may print it).
 */
export function checkCensusPlan(g: Digraph, plan: CensusPlan): CensusSizeEstimate {
  const where = { file: plan.file };
  const active = connectedNodeCount(g);
  if (active < plan.size) {
    throw new NnmotifsError(
      `the graph has ${active} node${active === 1 ? "" : "s"} with edges, fewer than the subgraph size ${plan.size}: it has no ${plan.size}-node subgraphs. Give a smaller --size or a larger graph.`,
      where,
    );
  }
  const work = estimateSubgraphCount(g, plan.size, { rng: new Rng(plan.seed ?? 1, 0xfffffffc) });
  const subgraphs = work.estimate;
  const estimated = estimateClassCount(g, plan.size, subgraphs, plan);
  const { classes, memory } = planMemory(g, plan, estimated);
  const advice =
    plan.networks > 0
      ? "Use fewer --random networks, a smaller --size, or --threads 1; or raise --max-memory if the machine has more."
      : "Use a smaller --size, or raise --max-memory if the machine has more.";
  checkMemoryBudget(memory, {
    what: `the size-${plan.size} census (about ${formatCount(classes)} classes, ${formatCount(subgraphs)} subgraphs, ${plan.networks} random networks)`,
    maxBytes: plan.maxBytes,
    advice,
    file: plan.file,
  });
  return { subgraphs, classes, memory };
}

/** The memory of a plan whose graph has `estimated` classes (before the generous factors). */
function planMemory(
  g: Digraph,
  plan: CensusPlan,
  estimated: number,
): { classes: number; memory: MemoryEstimate } {
  // Vertex colours (layers) split a topology by where its nodes sit; generous factor.
  const classes = Math.ceil(1.25 * estimated * (plan.vertexColours ? 2 : 1));
  const memory = estimateCensusMemory({
    nodes: g.nodeCount,
    edges: g.edgeSrc.length,
    size: plan.size,
    classes,
    networks: plan.networks,
    workers: plan.workers,
  });
  return { classes, memory };
}

/**
 * `checkCensusPlan`'s verdict without its probes and class sample when an upper bound of its
 * memory estimate already fits (a small graph, or few pair codes; tens of milliseconds saved on
 * a short census): the classes it estimates are at most the subgraphs, and those at most the
 * leaves of `esuLevelsBound`; they are also at most `codeSpaceClasses`; and the memory grows with
 * the classes. Refuses exactly what `checkCensusPlan` refuses.
 */
export function checkCensusPlanQuickly(g: Digraph, plan: CensusPlan): void {
  const leaves = esuLevelsBound(g, plan.size)[plan.size - 1];
  const bound = Math.min(leaves, codeSpaceClasses(g, plan.size, plan.colours));
  const { memory } = planMemory(g, plan, bound);
  const limit = plan.maxBytes ?? availableMemoryBytes();
  if (memory.bytes > limit || connectedNodeCount(g) < plan.size) checkCensusPlan(g, plan);
}

function formatCount(x: number): string {
  return x < 1e5 ? String(Math.round(x)) : x.toExponential(1);
}
