/**
 * The replicate axis of a study (issue 9): the contract between the study runner (src/study) and
 * the across-seed analyses and report sections.
 *
 * A replicate is one architecture × one seed. Each seed draws its own initial networks (one per
 * initialisation scheme) and trains them, so a replicate is the unit of replication: every
 * across-seed interval and paired test treats replicates of one architecture as independent draws.
 * Inside a replicate everything is as in a one-seed study: `results` is its StudyResults, analysed
 * by analyseStudy exactly as before.
 */
import type {
  CensusRecord,
  ReferenceCensus,
  StudyResults,
  StudyResultsConfig,
} from "../study-results.js";

export interface ReplicateKey {
  /** The hidden layers as a label, "30-30" (the data sets' input and output sizes are their own). */
  readonly architecture: string;
  /** The replicate's seed: it seeds the initial networks, the data, the split and the training. */
  readonly seed: number;
}

/**
 * The census of one training snapshot (issue 9 item 2): a network at an epoch, binned with its
 * group's bin edges (so epoch 0 is the initial graph and the last epoch the trained graph) and
 * counted without colours (the topology level) under one null.
 */
export interface SnapshotCensus {
  readonly init: string;
  readonly dataset: string;
  /** 0 = the initial network; otherwise after this many epochs of training. */
  readonly epoch: number;
  /**
   * The epoch whose weights the snapshot holds: `epoch`, or the last epoch run when early
   * stopping ended the training before it (the final network). Absent: `epoch`.
   */
  readonly weightsEpoch?: number;
  readonly graphId: string;
  /** Edges kept in the snapshot's graph. */
  readonly edges: number;
  readonly census: CensusRecord;
}

export interface ReplicateResults extends ReplicateKey {
  readonly hidden: readonly number[];
  /** Everything of this replicate, as a one-seed study has it. */
  readonly results: StudyResults;
  /** The snapshot censuses; empty when the config has no snapshots. */
  readonly snapshots: readonly SnapshotCensus[];
}

/** A whole study: its replicates, in config order (architectures, then seeds). */
export interface EnsembleResults {
  readonly config: StudyResultsConfig;
  readonly replicates: readonly ReplicateResults[];
  /**
   * The reference networks' censuses (config `biology`), counted once for the whole study (they do
   * not depend on a seed's networks); absent when off. A replicate's `results.references`, when
   * present, are the same censuses.
   */
  readonly references?: readonly ReferenceCensus[];
}

/** The replicates of one architecture, in seed order. */
export function replicatesOf(ensemble: EnsembleResults, architecture: string): ReplicateResults[] {
  return ensemble.replicates.filter((r) => r.architecture === architecture);
}

/** The architectures of the study, in config order. */
export function architecturesOf(ensemble: EnsembleResults): string[] {
  return [...new Set(ensemble.replicates.map((r) => r.architecture))];
}
