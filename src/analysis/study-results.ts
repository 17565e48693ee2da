/**
 * What a finished study hands to the analyses and the report: the contract between the runner
 * (src/study) and analysis/report. Everything is plain data (JSON-serialisable except typed arrays,
 * which the runner stores as number arrays on disk).
 */
import type { CensusMotif } from "../stats/census.js";

/** One epoch of a learning curve. */
export interface EpochRecord {
  readonly epoch: number; // 1-based
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number;
  readonly valAccuracy: number;
}

/** One training run: a data set × an initialisation scheme. */
export interface TrainingRecord {
  readonly dataset: string; // "tree" | "clusters" | "csv:…" | …
  readonly init: string; // "normal" | "orthogonal" | "glorot" | …
  readonly history: readonly EpochRecord[];
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly backend: string; // "wasm" | "cpu"
  readonly seconds: number;
}

/**
 * One network turned into a graph. `stage` "initial" is the untrained network of an init scheme
 * (shared by all data sets); "trained" has a data set.
 */
export interface GraphRecord {
  readonly id: string; // e.g. "normal-initial", "normal-tree"
  readonly init: string;
  readonly stage: "initial" | "trained";
  readonly dataset: string | null;
  readonly layerSizes: readonly number[];
  /** Every kernel weight of the network, SPEC §4.1 edge order. */
  readonly weights: readonly number[];
  /** Colour of each of those weights after binning; 0 = removed (excluded band). */
  readonly weightColours: readonly number[];
  /** The bin edges of this init scheme's group (SPEC §4.2: 6 numbers), or null for other schemes. */
  readonly binEdges: readonly number[] | null;
  /** Fitted normal of the group's pooled weights (SPEC §4.2 step 2), when the scheme fits one. */
  readonly fit: { readonly mean: number; readonly sd: number; readonly threshold: number } | null;
  readonly edgesPerColour: Readonly<Record<string, number>>;
}

/**
 * One motif class in one census, exactly as the census JSON (`stats/census`) writes it: the class
 * key, the q-values and every statistic flow through unchanged. This is the only declaration of
 * the census row downstream of the census; the analysis rows extend it.
 */
export type MotifRecord = CensusMotif;

/** One census: a graph × a motif size × a null model. */
export interface CensusRecord {
  readonly graphId: string;
  readonly size: number;
  /** The null model's registry name ("switch", "layered", …): any null the study ran. */
  readonly nullModel: string;
  readonly randomNetworks: number;
  readonly subgraphs: number;
  readonly motifs: readonly MotifRecord[];
  readonly seconds: number;
  /** RAND-ESU's per-depth probabilities when the census was sampled (counts are estimates). */
  readonly sample?: readonly number[];
}

/** A graph re-binned at another cut-off (SPEC §4.3): which network it is and what was kept. */
export interface SensitivityGraph {
  readonly id: string; // the main graph's id: "normal-tree"
  readonly init: string;
  readonly stage: "initial" | "trained";
  readonly dataset: string | null;
  readonly binEdges: readonly number[] | null;
  readonly edgesPerColour: Readonly<Record<string, number>>;
}

/**
 * One trained network and its initial network binned at its density (binning.ts "matched"): each
 * layer keeps the trained network's number of edges per colour. Counted without colours; the
 * trained side's census is the trained network's own uncoloured census (topologyCensuses).
 */
export interface MatchedRecord {
  readonly init: string;
  readonly dataset: string;
  readonly trainedId: string;
  /** The matched initial graph's id ("normal-initial-matched-tree"). */
  readonly graphId: string;
  readonly initialEdgesPerColour: Readonly<Record<string, number>>;
  readonly trainedEdgesPerColour: Readonly<Record<string, number>>;
  readonly censuses: readonly CensusRecord[];
}

/** Everything counted at one cut-off c of the sensitivity sweep (config `sensitivity`). */
export interface SensitivityRecord {
  readonly cutoff: number;
  readonly graphs: readonly SensitivityGraph[];
  readonly censuses: readonly CensusRecord[];
}

/**
 * One statistic of a weighted census against its weight-shuffle null (SPEC §6.3): the network's
 * value, the null's mean and sd (n − 1), Z (null when sd = 0) and the permutation p-values
 * (b + 1)/(N + 1) of the shuffles at or above (over) and at or below (under) it: never 0.
 */
export interface WeightedNullStat {
  readonly value: number | null;
  readonly nullMean: number | null;
  readonly nullSd: number | null;
  readonly z: number | null;
  readonly pOver: number;
  readonly pUnder: number;
}

/** One topology of a weighted census (SPEC §10.1; motifs/weighted-motifs.ts). */
export interface WeightedTopologyRecord {
  /** Canonical uncoloured key (engine format, k² digits). */
  readonly key: string;
  /** Its name ("diamond") or label ("4-node, 3 edges #…"). */
  readonly topology: string;
  /** k-subgraphs of this topology in the full graph (the shuffle keeps it). */
  readonly count: number;
  /** ΣI / count: the mean geometric mean of |w|. */
  readonly meanIntensity: number | null;
  /** Total intensity ΣI against the shuffle. */
  readonly intensity: WeightedNullStat;
  /** Mean coherence ΣQ / count against the shuffle. */
  readonly coherence: WeightedNullStat;
  /** Share of ΣI in subgraphs whose sign product is +1 (an even number of negative edges). */
  readonly evenShare: WeightedNullStat;
  /** Share of the subgraphs (by count) whose sign product is +1. */
  readonly evenCountShare: number | null;
  /** Standard errors of the network's own sums (0 when exact). */
  readonly totalIntensitySe: number;
  readonly meanCoherenceSe: number;
  readonly exact: boolean;
}

/** One network's weighted census at one size: the full weighted graph, no cut-off c. */
export interface WeightedRecord {
  readonly graphId: string;
  readonly init: string;
  readonly stage: "initial" | "trained";
  readonly dataset: string | null;
  readonly layerSizes: readonly number[];
  readonly size: number;
  /** Always "shuffle": the weights permuted within each layer. */
  readonly nullModel: "shuffle";
  readonly randomNetworks: number;
  readonly seed: number;
  /** "layered" (closed form on the complete layered graph) or "enumeration". */
  readonly method: string;
  /** False when some sums were sampled (their SEs say how well). */
  readonly exact: boolean;
  readonly topologies: readonly WeightedTopologyRecord[];
}

/**
 * A reference network's uncoloured census (SPEC §10.3: a real network counted like the study's
 * graphs, under the same null, with the study's random-network count), so that significance
 * profiles can be compared. `census.graphId` is the network's argument ("@celegans").
 */
export interface ReferenceCensus {
  /** As configured: "@celegans", or a graph file. */
  readonly network: string;
  /** Short name for tables and sentences ("celegans"). */
  readonly name: string;
  readonly description: string;
  readonly nodes: number;
  readonly arcs: number;
  readonly census: CensusRecord;
}

/**
 * The resolved configuration as the analyses see it: the fields they read are typed, every
 * other field is printed as it is in the methods section.
 */
export interface StudyResultsConfig {
  readonly graphs?: { readonly binning?: string; readonly cutoff?: number };
  readonly analysis?: { readonly participationSize?: number };
  readonly [field: string]: unknown;
}

export interface StudyResults {
  /** The resolved configuration (printed in the methods section). */
  readonly config: StudyResultsConfig;
  readonly datasets: readonly string[];
  readonly inits: readonly string[];
  readonly sizes: readonly number[];
  /** The nulls the study ran, in config order; the first is the reference of comparisons. */
  readonly nullModels: readonly string[];
  readonly trainings: readonly TrainingRecord[];
  readonly graphs: readonly GraphRecord[];
  readonly censuses: readonly CensusRecord[];
  /** Wall-clock seconds per stage, for the methods section. */
  readonly timings: Readonly<Record<string, number>>;
  /** Versions of nnmotifs, Node, tfjs backend… */
  readonly versions: Readonly<Record<string, string>>;
  /** The main graphs counted without colours (the topology level); absent when off. */
  readonly topologyCensuses?: readonly CensusRecord[];
  /** The BH family of the decisions: "census" (each census, the default) or "study" (all). */
  readonly statisticsFamily?: "census" | "study";
  /** Initial vs trained at matched density; absent when off. */
  readonly matched?: readonly MatchedRecord[];
  /** The cut-off sweep, one record per cut-off; absent or empty when the sweep is off. */
  readonly sensitivity?: readonly SensitivityRecord[];
  /** Threshold-free weighted motifs per network × size (issue 9 item 5); absent when off. */
  readonly weighted?: readonly WeightedRecord[];
  /** Reference (biological) networks' uncoloured censuses (config `biology`); absent when off. */
  readonly references?: readonly ReferenceCensus[];
}

/** The network a graph stands for: its data set, or "initial" for the untrained network. */
export function networkLabel(g: Pick<GraphRecord, "stage" | "dataset">): string {
  return g.stage === "initial" ? "initial" : (g.dataset ?? "trained");
}

/** Where a census row sits in the study: its graph, network, size and null (analysis tables). */
export interface CensusCoordinates {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly nullModel: string;
}
