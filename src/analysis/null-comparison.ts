/**
 * The nulls side by side (SPEC §6, §9): for every graph × size × topology, the most significant
 * variant's Z and q under the reference null (the study's first) and under each other null the
 * study ran, and whether the topology stays significant.
 */
import type { TopologyVariantRow } from "./topology-variants.js";

export interface NullComparisonRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
  readonly referenceNull: string;
  readonly otherNull: string;
  readonly zReference: number | null;
  readonly qReference: number | null;
  readonly zOther: number | null;
  readonly qOther: number | null;
  readonly significantReference: boolean;
  readonly significantOther: boolean;
  /** "both", "reference only", "other only" or "neither". */
  readonly verdict: string;
}

/**
 * The null every other one is compared with: the first the study ran (config order; the default
 * study lists switch, then layered). Null when the study ran none.
 */
export function referenceNull(nullModels: readonly string[]): string | null {
  return nullModels[0] ?? null;
}

export function nullComparison(
  variants: readonly TopologyVariantRow[],
  nullModels: readonly string[],
): NullComparisonRow[] {
  const ref = referenceNull(nullModels);
  if (ref === null) return [];
  const index = new Map<string, TopologyVariantRow>();
  for (const v of variants)
    index.set(`${v.graphId}\u0000${v.size}\u0000${v.topology}\u0000${v.nullModel}`, v);
  const out: NullComparisonRow[] = [];
  for (const other of nullModels.filter((n) => n !== ref)) {
    const keys = new Set(
      variants
        .filter((v) => v.nullModel === ref || v.nullModel === other)
        .map((v) => `${v.graphId}\u0000${v.size}\u0000${v.topology}`),
    );
    for (const key of keys) {
      const a = index.get(`${key}\u0000${ref}`);
      const b = index.get(`${key}\u0000${other}`);
      const any = (a ?? b) as TopologyVariantRow;
      const sa = a?.significant ?? false;
      const sb = b?.significant ?? false;
      out.push({
        graphId: any.graphId,
        init: any.init,
        network: any.network,
        stage: any.stage,
        size: any.size,
        topology: any.topology,
        topologyName: any.topologyName,
        referenceNull: ref,
        otherNull: other,
        zReference: a?.maxZ ?? null,
        qReference: a?.maxQ ?? null,
        zOther: b?.maxZ ?? null,
        qOther: b?.maxQ ?? null,
        significantReference: sa,
        significantOther: sb,
        verdict: sa && sb ? "both" : sa ? "reference only" : sb ? "other only" : "neither",
      });
    }
  }
  return out;
}
