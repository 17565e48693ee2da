/**
 * Per motif and null, whether the trained network differs from that null across seeds (issue 9
 * item 4), generic over the study's nulls: Z measures the distance from the null, so the question
 * is whether mean Z differs from 0 across seeds. Per trained network (init × data set) and named
 * topology: the mean Z with its t-interval, the one-sample t p and the exact sign-flip p of
 * mean Z = 0. The decision follows the interval: BH over NULL_SEPARATION_FAMILY at alpha on the
 * t p (the test the t-interval inverts); the sign-flip p, BH-adjusted alike, is the
 * distribution-free check beside it. With n seeds the sign-flip p cannot fall below 2/2^n
 * (smallestSignFlipP: 0.0625 for 5 seeds), which the finding states.
 */
import { benjaminiHochberg } from "../../stats/fdr.js";
import { SIGNIFICANCE } from "../significance.js";
import { excludesZero, groupBy, keyOf, pairedSummary, type PairedSummary } from "./across-seeds.js";
import type { EnsembleResults } from "./replicates.js";
import { alignedTopologyZ, type TopologyCoordinates } from "./topology-z.js";

/** The BH family of the decisions, stated in the findings and the methods. */
export const NULL_SEPARATION_FAMILY =
  "per architecture × null × size: every (named topology, trained network) of that size";

export type Separation = "above" | "below" | "not separated" | "no test";

export interface NullSeparationRow extends Omit<TopologyCoordinates, "stage">, PairedSummary {
  readonly architecture: string;
  /** The data set the network was trained on. */
  readonly dataset: string;
  /** Where the t-interval of mean Z lies with respect to 0, or null when it includes 0. */
  readonly ciExcludesZero: "above" | "below" | null;
  /** BH-adjusted t p over NULL_SEPARATION_FAMILY: the decision's q. */
  readonly q: number | null;
  /** BH-adjusted sign-flip p over the same family. */
  readonly qSignFlip: number | null;
  /** The sign-flip q is below alpha too. */
  readonly signFlipAgrees: boolean;
  readonly decision: Separation;
}

export function nullSeparation(
  ensemble: EnsembleResults,
  alpha: number = SIGNIFICANCE.alpha,
): NullSeparationRow[] {
  const rows: Omit<NullSeparationRow, "q" | "qSignFlip" | "signFlipAgrees" | "decision">[] = [];
  for (const { architecture, aligned } of alignedTopologyZ(ensemble)) {
    for (const a of aligned.values()) {
      const m = a.meta;
      if (m.stage !== "trained") continue;
      // The one-sample test of mean Z = 0 is the paired test of Z against zeros.
      const s = pairedSummary(
        a.values.map((v) => (v === null ? null : 0)),
        a.values,
      );
      rows.push({
        architecture,
        init: m.init,
        network: m.network,
        dataset: m.network,
        nullModel: m.nullModel,
        size: m.size,
        topology: m.topology,
        topologyName: m.topologyName,
        ...s,
        ciExcludesZero: excludesZero(s),
      });
    }
  }
  const q = new Map<(typeof rows)[number], [number | null, number | null]>();
  for (const family of groupBy(rows, (r) => keyOf(r.architecture, r.nullModel, r.size)).values()) {
    const byT = benjaminiHochberg(family.map((r) => r.pT));
    const bySignFlip = benjaminiHochberg(family.map((r) => (r.pT === null ? null : r.pSignFlip)));
    family.forEach((r, i) => q.set(r, [byT[i], bySignFlip[i]]));
  }
  return rows.map((r) => {
    const [qr, qs] = q.get(r) ?? [null, null];
    const decision: Separation =
      qr === null || r.mean === null
        ? "no test"
        : qr < alpha
          ? r.mean > 0
            ? "above"
            : "below"
          : "not separated";
    return {
      ...r,
      q: qr,
      qSignFlip: qs,
      signFlipAgrees: qs !== null && qs < alpha && qr !== null && qr < alpha,
      decision,
    };
  });
}
