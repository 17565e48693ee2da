/**
 * The weighted-motif table (issue 9 item 5, SPEC §10.1): one row per network × size × topology of
 * the threshold-free weighted censuses, with the network's total intensity, mean coherence and
 * the share of its intensity in subgraphs of sign product +1, each against the weight-shuffle null
 * (mean, sd, Z, permutation p). No cut-off c enters any of these numbers.
 */
import { networkLabel, type CensusCoordinates, type StudyResults } from "./study-results.js";

export interface WeightedMotifRow extends CensusCoordinates {
  /** Canonical uncoloured key (engine format) and name of the topology. */
  readonly topology: string;
  readonly topologyName: string;
  readonly count: number;
  readonly randomNetworks: number;
  readonly meanIntensity: number | null;
  readonly intensity: number | null;
  readonly intensityNullMean: number | null;
  readonly intensityNullSd: number | null;
  readonly intensityZ: number | null;
  readonly intensityPOver: number;
  readonly intensityPUnder: number;
  readonly coherence: number | null;
  readonly coherenceNullMean: number | null;
  readonly coherenceNullSd: number | null;
  readonly coherenceZ: number | null;
  readonly coherencePOver: number;
  readonly coherencePUnder: number;
  /** Share of ΣI in subgraphs whose sign product is +1, and the same share by count. */
  readonly evenShare: number | null;
  readonly evenShareNullMean: number | null;
  readonly evenShareZ: number | null;
  readonly evenSharePOver: number;
  readonly evenSharePUnder: number;
  readonly evenCountShare: number | null;
  /** False when some of the network's sums were sampled. */
  readonly exact: boolean;
}

/** Two-sided permutation p from the two one-sided ones: min(1, 2·min(over, under)), never 0. */
export function twoSidedP(pOver: number, pUnder: number): number {
  return Math.min(1, 2 * Math.min(pOver, pUnder));
}

/** The weighted-motif rows of a study, in the order of its weighted records; empty when off. */
export function weightedMotifs(results: StudyResults): WeightedMotifRow[] {
  return (results.weighted ?? []).flatMap((w) =>
    w.topologies.map((t): WeightedMotifRow => ({
      graphId: w.graphId,
      init: w.init,
      network: networkLabel(w),
      stage: w.stage,
      size: w.size,
      nullModel: w.nullModel,
      topology: t.key,
      topologyName: t.topology,
      count: t.count,
      randomNetworks: w.randomNetworks,
      meanIntensity: t.meanIntensity,
      intensity: t.intensity.value,
      intensityNullMean: t.intensity.nullMean,
      intensityNullSd: t.intensity.nullSd,
      intensityZ: t.intensity.z,
      intensityPOver: t.intensity.pOver,
      intensityPUnder: t.intensity.pUnder,
      coherence: t.coherence.value,
      coherenceNullMean: t.coherence.nullMean,
      coherenceNullSd: t.coherence.nullSd,
      coherenceZ: t.coherence.z,
      coherencePOver: t.coherence.pOver,
      coherencePUnder: t.coherence.pUnder,
      evenShare: t.evenShare.value,
      evenShareNullMean: t.evenShare.nullMean,
      evenShareZ: t.evenShare.z,
      evenSharePOver: t.evenShare.pOver,
      evenSharePUnder: t.evenShare.pUnder,
      evenCountShare: t.evenCountShare,
      exact: t.exact,
    })),
  );
}
