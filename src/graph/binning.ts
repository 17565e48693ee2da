/**
 * Weights → edge colours for a group of networks (SPEC §4.2–4.3). A scheme sees every graph of
 * the group at once, because the paper's bins are shared by the initial network and the networks
 * trained from it. Colour 0 from a scheme means "drop this edge"; the graphs keep the SPEC §4.1
 * order of the remaining edges.
 *
 * BINNING_SCHEMES is the registry the CLI and the study read: adding a scheme name without its
 * implementation (or the reverse) is a type error.
 */
import { NnmotifsError } from "../core/errors.js";
import type { DenseNetwork } from "../model/network.js";
import type { Digraph } from "./digraph.js";
import { networkToDigraph } from "./from-network.js";
import { countsByLayerAndColour, matchedColours } from "./matched-binning.js";
import { paperBinEdges, paperColour } from "./paper-binning.js";

export interface BinningOptions {
  /** Paper scheme: T = cutoff · max f (SPEC §4.2; 0.55 for the synthetic sets, 0.1 for MNIST). */
  cutoff?: number;
  /** Quantile scheme: fraction of each layer's edges kept, the largest |w| first. */
  quantile?: number;
  /** Matched scheme: index in the group of the graph whose edge counts the others match. */
  reference?: number;
}

export const BINNING_DEFAULTS: Required<BinningOptions> = {
  cutoff: 0.55,
  quantile: 0.2,
  reference: 0,
};

interface SchemeResult {
  /** One array per graph: the colour of each edge, 0 = removed. */
  readonly colours: Uint8Array[];
  /** Shared bin edges, for schemes that have them. */
  readonly binEdges?: readonly number[];
  /** Anything else worth reporting (fitted μ and σ, threshold, …). */
  readonly details?: Record<string, unknown>;
}

interface BinningSchemeDef {
  readonly description: string;
  /** The colours the scheme can give, for reports. */
  readonly colours: readonly number[];
  /** The options it reads (recorded in the graphs' meta). */
  readonly options: ReadonlyArray<keyof BinningOptions>;
  apply(
    weights: readonly Float64Array[],
    layers: readonly (Int32Array | undefined)[],
    o: Required<BinningOptions>,
  ): SchemeResult;
}

function signColour(w: number): number {
  return w < 0 ? 1 : w > 0 ? 3 : 0;
}

export const BINNING_SCHEMES = {
  paper: {
    description:
      "the authors' five bins from a normal fit to the group's pooled weights (SPEC §4.2): 1 strong negative, 2 mild, 3 strong positive, near-zero removed",
    colours: [1, 2, 3],
    options: ["cutoff"],
    apply: (weights, _layers, o) => paperScheme(weights, o.cutoff),
  },
  sign: {
    description:
      "colour 1 for negative weights, 3 for positive (the paper's strong colours); exact zeros removed",
    colours: [1, 3],
    options: [],
    apply: (weights) => ({ colours: weights.map((w) => Uint8Array.from(w, signColour)) }),
  },
  quantile: {
    description:
      "per layer, keep the top fraction q of edges by |w| (ties: earlier edge first), coloured by sign (1 negative, 3 positive)",
    colours: [1, 3],
    options: ["quantile"],
    apply(weights, layers, o) {
      if (!(o.quantile > 0 && o.quantile <= 1)) {
        throw new NnmotifsError(
          `invalid quantile ${o.quantile}. Should be a fraction in (0, 1], e.g. 0.2.`,
        );
      }
      return { colours: weights.map((w, g) => quantileColours(w, layers[g], o.quantile)) };
    },
  },
  none: {
    description: "uncoloured: every edge kept with colour 1",
    colours: [1],
    options: [],
    apply: (weights) => ({ colours: weights.map((w) => new Uint8Array(w.length).fill(1)) }),
  },
  matched: {
    description:
      "matched density: the reference graph keeps its paper colours; every other graph keeps, per layer, as many edges of each colour, by weight rank (1 the most negative, 3 the most positive, 2 the next largest |w|; matched-binning.ts)",
    colours: [1, 2, 3],
    options: ["cutoff", "reference"],
    apply(weights, layers, o) {
      const paper = paperScheme(weights, o.cutoff);
      const ref = o.reference;
      if (!(Number.isInteger(ref) && ref >= 0 && ref < weights.length)) {
        throw new NnmotifsError(
          `invalid matched-binning reference ${ref}. Should be the index of a graph of the group (0..${weights.length - 1}).`,
        );
      }
      const target = countsByLayerAndColour(paper.colours[ref], layers[ref]);
      return {
        ...paper,
        colours: weights.map((w, g) =>
          g === ref ? paper.colours[g] : matchedColours(w, layers[g], target),
        ),
      };
    },
  },
} as const satisfies Record<string, BinningSchemeDef>;

export type BinningScheme = keyof typeof BINNING_SCHEMES;

export const BINNING_SCHEME_NAMES = Object.keys(BINNING_SCHEMES) as BinningScheme[];

export function isBinningScheme(name: string): name is BinningScheme {
  return Object.hasOwn(BINNING_SCHEMES, name);
}

/** The paper scheme: bins from the group's pooled weights, shared by every graph. */
function paperScheme(weights: readonly Float64Array[], cutoff: number): SchemeResult {
  const total = weights.reduce((a, w) => a + w.length, 0);
  const pooled = new Float64Array(total);
  let offset = 0;
  for (const w of weights) {
    pooled.set(w, offset);
    offset += w.length;
  }
  const bins = paperBinEdges(pooled, cutoff);
  return {
    binEdges: bins.binEdges,
    colours: weights.map((w) => Uint8Array.from(w, (x) => paperColour(x, bins.binEdges))),
    details: {
      mu: bins.mu,
      sigma: bins.sigma,
      threshold: bins.threshold,
      weightCount: bins.weightCount,
    },
  };
}

/** Top round(q · m) edges of each layer by |w|; the layer of an edge is its source's layer. */
function quantileColours(
  w: Float64Array,
  nodeLayerOfSource: Int32Array | undefined,
  q: number,
): Uint8Array {
  const colours = new Uint8Array(w.length);
  const byLayer = new Map<number, number[]>();
  for (let e = 0; e < w.length; e++) {
    const layer = nodeLayerOfSource?.[e] ?? 0;
    let list = byLayer.get(layer);
    if (list === undefined) byLayer.set(layer, (list = []));
    list.push(e);
  }
  for (const edges of byLayer.values()) {
    const keep = Math.round(q * edges.length);
    // Array.prototype.sort is stable: equal |w| keep SPEC §4.1 order.
    edges.sort((x, y) => Math.abs(w[y]) - Math.abs(w[x]));
    for (let r = 0; r < keep; r++) colours[edges[r]] = signColour(w[edges[r]]);
  }
  return colours;
}

export interface BinnedGroup {
  readonly scheme: BinningScheme;
  readonly options: Partial<BinningOptions>;
  /** Shared bin edges (paper scheme), else null. */
  readonly binEdges: readonly number[] | null;
  readonly details: Record<string, unknown>;
  /** One graph per input, removed edges dropped, SPEC §4.1 order kept. */
  readonly graphs: Digraph[];
  /** Per graph: kept edges per colour (every colour the scheme can give, zeros included). */
  readonly edgesPerColour: Array<Record<number, number>>;
  /** Per graph: edges removed by the binning. */
  readonly removedEdges: number[];
}

/** Bin a group of networks together (the models of one `nnmotifs graph` call). */
export function binGroup(
  nets: readonly DenseNetwork[],
  scheme: BinningScheme,
  options: BinningOptions = {},
): BinnedGroup {
  return binGraphs(nets.map(networkToDigraph), scheme, options);
}

/** Bin weighted graphs (every graph needs edgeWeight) with one scheme, as one group. */
export function binGraphs(
  graphs: readonly Digraph[],
  scheme: BinningScheme,
  options: BinningOptions = {},
): BinnedGroup {
  if (graphs.length === 0) throw new NnmotifsError("binning needs at least one network.");
  const o: Required<BinningOptions> = {
    cutoff: options.cutoff ?? BINNING_DEFAULTS.cutoff,
    quantile: options.quantile ?? BINNING_DEFAULTS.quantile,
    reference: options.reference ?? BINNING_DEFAULTS.reference,
  };
  const def: BinningSchemeDef = BINNING_SCHEMES[scheme];
  const weights = graphs.map((g, k) => {
    if (g.edgeWeight === undefined) {
      throw new NnmotifsError(
        `graph ${k + 1} of the group has no edge weights. The ${scheme} binning needs weighted graphs (a model, or a native graph with weights).`,
      );
    }
    return g.edgeWeight;
  });
  const sourceLayers = graphs.map((g) =>
    g.nodeLayer === undefined ? undefined : Int32Array.from(g.edgeSrc, (s) => g.nodeLayer![s]),
  );
  const result = def.apply(weights, sourceLayers, o);
  const usedOptions: Partial<BinningOptions> = Object.fromEntries(
    def.options.map((k) => [k, o[k]]),
  );
  return assembleGroup(graphs, weights, result, scheme, usedOptions);
}

/**
 * Colour graphs with given paper bin edges (SPEC §4.2 step 6) instead of edges fitted to their own
 * pooled weights: a network saved during training, binned with the bins of the group of its
 * initial and trained networks, so that its colours mean what theirs mean.
 */
export function binGraphsWithEdges(
  graphs: readonly Digraph[],
  binEdges: readonly number[],
  cutoff: number,
): BinnedGroup {
  if (binEdges.length !== 6) {
    throw new NnmotifsError(`paper bin edges must be 6 numbers, not ${binEdges.length}.`);
  }
  const weights = graphs.map((g, k) => {
    if (g.edgeWeight === undefined) {
      throw new NnmotifsError(`graph ${k + 1} has no edge weights; binning needs weighted graphs.`);
    }
    return g.edgeWeight;
  });
  const colours = weights.map((w) => Uint8Array.from(w, (x) => paperColour(x, binEdges)));
  return assembleGroup(graphs, weights, { colours, binEdges }, "paper", { cutoff });
}

/** The binned graphs of a group from each edge's colour (0 = removed). */
function assembleGroup(
  graphs: readonly Digraph[],
  weights: readonly Float64Array[],
  result: SchemeResult,
  scheme: BinningScheme,
  usedOptions: Partial<BinningOptions>,
): BinnedGroup {
  const def: BinningSchemeDef = BINNING_SCHEMES[scheme];
  const edgesPerColour: Array<Record<number, number>> = [];
  const removedEdges: number[] = [];
  const binned = graphs.map((g, k) => {
    const colours = result.colours[k];
    const counts: Record<number, number> = Object.fromEntries(def.colours.map((c) => [c, 0]));
    let kept = 0;
    for (let e = 0; e < colours.length; e++) {
      if (colours[e] !== 0) {
        kept++;
        counts[colours[e]] = (counts[colours[e]] ?? 0) + 1;
      }
    }
    edgesPerColour.push(counts);
    removedEdges.push(colours.length - kept);
    const keep = new Int32Array(kept);
    for (let e = 0, r = 0; e < colours.length; e++) if (colours[e] !== 0) keep[r++] = e;
    return {
      nodeCount: g.nodeCount,
      edgeSrc: keep.map((e) => g.edgeSrc[e]),
      edgeTrg: keep.map((e) => g.edgeTrg[e]),
      edgeColour: Uint8Array.from(keep, (e) => colours[e]),
      edgeWeight: Float64Array.from(keep, (e) => weights[k][e]),
      ...(g.nodeLayer !== undefined ? { nodeLayer: g.nodeLayer } : {}),
      ...(g.nodeBias !== undefined ? { nodeBias: g.nodeBias } : {}),
      meta: {
        ...g.meta,
        binning: {
          scheme,
          ...usedOptions,
          ...(result.binEdges ? { binEdges: [...result.binEdges] } : {}),
        },
      },
    } satisfies Digraph;
  });
  return {
    scheme,
    options: usedOptions,
    binEdges: result.binEdges ? [...result.binEdges] : null,
    details: result.details ?? {},
    graphs: binned,
    edgesPerColour,
    removedEdges,
  };
}
