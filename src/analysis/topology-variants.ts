/**
 * Per topology, the "most significant" (max Z, the authors' default) and the "most typical" (Z
 * closest to the group mean) coloured variant (SPEC §7), with the census's q-values and the
 * decisions of significance.ts. Constrained variants (count fixed by the null) are counted but
 * never picked.
 */
import type { CensusClassRow } from "./census-classes.js";
import type { CensusCoordinates } from "./study-results.js";
import { SIGNIFICANCE } from "./significance.js";

/** Shown next to every table that picks one variant per topology. */
export const SELECTION_BIAS_NOTE =
  "Taking the maximum Z over the coloured variants of a topology is a selection: with many " +
  "variants, the largest Z is large by chance alone, and it is dominated by rare classes. The " +
  `q-values are Benjamini–Hochberg adjusted over ${SIGNIFICANCE.family}; judge significance by ` +
  "q and the count guards, and compare with the most typical variant.";

export interface TopologyVariantRow extends CensusCoordinates {
  readonly topology: string;
  readonly topologyName: string;
  readonly variants: number;
  /** Variants whose count the null fixes (never significant). */
  readonly constrained: number;
  /** Variants with unadjusted pOver < alpha (descriptive only: no decision is taken on it). */
  readonly significantRaw: number;
  /** Variants significant by significance.ts (BH over the census, count guards). */
  readonly significantFdr: number;
  readonly meanZ: number | null;
  readonly maxMotif: string;
  readonly maxZ: number | null;
  readonly maxP: number | null;
  readonly maxQ: number | null;
  readonly typicalMotif: string;
  readonly typicalZ: number | null;
  readonly typicalQ: number | null;
  /** The max-Z variant is significantly over-represented (significance.ts). */
  readonly significant: boolean;
}

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
    const free = rows.filter((r) => !r.constrained);
    const withZ = free.filter((r) => r.z !== null);
    const meanZ = withZ.length
      ? withZ.reduce((s, r) => s + (r.z as number), 0) / withZ.length
      : null;
    // Max Z; without any Z fall back to the smallest p.
    const pool = free.length > 0 ? free : rows;
    const best = withZ.length
      ? withZ.reduce((a, b) => ((b.z as number) > (a.z as number) ? b : a))
      : pool.reduce((a, b) => ((b.pOver ?? 1) < (a.pOver ?? 1) ? b : a));
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
      constrained: rows.length - free.length,
      significantRaw: rows.filter((r) => r.pOver !== null && r.pOver < SIGNIFICANCE.alpha).length,
      significantFdr: rows.filter((r) => r.significant === "over").length,
      meanZ,
      maxMotif: best.key,
      maxZ: best.constrained ? null : best.z,
      maxP: best.pOver,
      maxQ: best.qOver,
      typicalMotif: typical.key,
      typicalZ: typical.constrained ? null : typical.z,
      typicalQ: typical.qOver,
      significant: best.significant === "over",
    });
  }
  return out;
}
