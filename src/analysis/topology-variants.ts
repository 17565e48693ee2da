/**
 * Per topology, the "most significant" (max Z, the authors' default) and the "most typical" (Z
 * closest to the group mean) coloured variant, with BH-adjusted p-values across variants (SPEC §7).
 */
import type { CensusClassRow } from "./census-classes.js";

/** Shown next to every table that picks one variant per topology. */
export const SELECTION_BIAS_NOTE =
  "Taking the maximum Z over the coloured variants of a topology is a selection: with many " +
  "variants, the largest Z is large by chance alone. The q-values are Benjamini–Hochberg " +
  "adjusted across the variants of the topology in the same census; judge significance by q, " +
  "and compare with the most typical variant.";

export interface TopologyVariantRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly nullModel: string;
  readonly topology: string;
  readonly topologyName: string;
  readonly variants: number;
  /** Variants with pOver < 0.05 (unadjusted), and with q < 0.05 (BH). */
  readonly significantRaw: number;
  readonly significantFdr: number;
  readonly meanZ: number | null;
  readonly maxMotif: string;
  readonly maxZ: number | null;
  readonly maxP: number;
  readonly maxQ: number | null;
  readonly typicalMotif: string;
  readonly typicalZ: number | null;
  readonly typicalQ: number | null;
  /** The max-Z variant is over-represented with q < 0.05. */
  readonly significant: boolean;
}

export const ALPHA = 0.05;

/** Groups census rows by census × topology and picks the two variants. */
export function topologyVariants(classes: readonly CensusClassRow[]): TopologyVariantRow[] {
  const groups = new Map<string, CensusClassRow[]>();
  for (const row of classes) {
    const key = `${row.graphId}\u0000${row.size}\u0000${row.nullModel}\u0000${row.topology}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const out: TopologyVariantRow[] = [];
  for (const rows of groups.values()) {
    const withZ = rows.filter((r) => r.z !== null);
    const meanZ = withZ.length
      ? withZ.reduce((s, r) => s + (r.z as number), 0) / withZ.length
      : null;
    // Max Z; without any Z fall back to the smallest p.
    const best = withZ.length
      ? withZ.reduce((a, b) => ((b.z as number) > (a.z as number) ? b : a))
      : rows.reduce((a, b) => (b.pOver < a.pOver ? b : a));
    const typical =
      meanZ === null
        ? best
        : withZ.reduce((a, b) =>
            Math.abs((b.z as number) - meanZ) < Math.abs((a.z as number) - meanZ) ? b : a,
          );
    const first = rows[0];
    out.push({
      graphId: first.graphId,
      init: first.init,
      network: first.network,
      stage: first.stage,
      size: first.size,
      nullModel: first.nullModel,
      topology: first.topology,
      topologyName: first.topologyName,
      variants: rows.length,
      significantRaw: rows.filter((r) => r.pOver < ALPHA).length,
      significantFdr: rows.filter((r) => r.qOver !== null && r.qOver < ALPHA).length,
      meanZ,
      maxMotif: best.motif,
      maxZ: best.z,
      maxP: best.pOver,
      maxQ: best.qOver,
      typicalMotif: typical.motif,
      typicalZ: typical.z,
      typicalQ: typical.qOver,
      significant: best.z !== null && best.z > 0 && best.qOver !== null && best.qOver < ALPHA,
    });
  }
  return out;
}
