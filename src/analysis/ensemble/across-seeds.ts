/**
 * The two summaries every across-seed table uses (SPEC §7 "Replication"): a mean with its Student-t
 * 95 % interval over the seeds that have a value, and a paired comparison over the seeds that
 * have both values. A seed without a value (undefined Z: the census's random networks did not
 * vary, or the class does not occur) is counted as missing, never as 0.
 */
import { meanInterval, pairedComparison } from "../../stats/confidence.js";

/** A mean across seeds; interval bounds null below two seeds. */
export interface SeedSummary {
  /** Seeds with a value. */
  readonly seeds: number;
  /** Seeds without one. */
  readonly missing: number;
  readonly mean: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly sd: number | null;
}

/** A paired difference (b − a) across seeds with its paired t and exact sign-flip p. */
export interface PairedSummary extends SeedSummary {
  readonly pT: number | null;
  readonly pSignFlip: number | null;
}

/** What the methods and captions call the interval. */
export const INTERVAL_METHOD = "95 % Student-t interval across seeds (the seed is the unit)";

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Mean and t-interval of the non-null values. */
export function summarise(values: readonly (number | null)[]): SeedSummary {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const missing = values.length - present.length;
  if (present.length === 0) {
    return { seeds: 0, missing, mean: null, lo: null, hi: null, sd: null };
  }
  const m = meanInterval(present);
  return {
    seeds: m.n,
    missing,
    mean: m.mean,
    lo: finiteOrNull(m.lo),
    hi: finiteOrNull(m.hi),
    sd: finiteOrNull(m.sd),
  };
}

/** Paired comparison of b against a over the seeds where both are defined. */
export function pairedSummary(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
): PairedSummary {
  if (a.length !== b.length) {
    throw new RangeError(`pairedSummary: ${a.length} and ${b.length} values do not pair up`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    xs.push(x);
    ys.push(y);
  }
  const missing = a.length - xs.length;
  if (xs.length === 0) {
    return {
      seeds: 0,
      missing,
      mean: null,
      lo: null,
      hi: null,
      sd: null,
      pT: null,
      pSignFlip: null,
    };
  }
  const p = pairedComparison(xs, ys);
  return {
    seeds: p.n,
    missing,
    mean: p.mean,
    lo: finiteOrNull(p.lo),
    hi: finiteOrNull(p.hi),
    sd: finiteOrNull(p.sd),
    pT: finiteOrNull(p.pT),
    pSignFlip: p.pSignFlip,
  };
}

/** Whether the interval lies wholly above or below 0 (no interval: null). */
export function excludesZero(s: SeedSummary): "above" | "below" | null {
  if (s.lo === null || s.hi === null) return null;
  if (s.lo > 0) return "above";
  if (s.hi < 0) return "below";
  return null;
}

/** The smallest two-sided sign-flip p that n seeds can give: 2 of the 2^n patterns. */
export function smallestSignFlipP(seeds: number): number {
  return seeds < 1 ? 1 : Math.min(1, 2 / 2 ** seeds);
}

/** Rows grouped by a string key, groups and rows in first-seen order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A key from parts (NUL-separated, so no part can fake another's boundary). */
export function keyOf(...parts: readonly (string | number | null)[]): string {
  return parts.map((p) => String(p)).join("\u0000");
}

/** One value of one seed under a key, with what the key stands for. */
export interface SeedValue<M> {
  readonly key: string;
  readonly meta: M;
  readonly value: number | null;
}

/** A key's values aligned across the seeds (null where a seed has none), for pairing. */
export interface Aligned<M> {
  readonly meta: M;
  readonly values: (number | null)[];
}

/** Aligns the values of `perSeed[i]` (seed i's values) by key, keys in first-seen order. */
export function alignBySeed<M>(
  perSeed: readonly (readonly SeedValue<M>[])[],
): Map<string, Aligned<M>> {
  const out = new Map<string, Aligned<M>>();
  perSeed.forEach((rows, i) => {
    for (const r of rows) {
      let a = out.get(r.key);
      if (!a) {
        a = { meta: r.meta, values: new Array<number | null>(perSeed.length).fill(null) };
        out.set(r.key, a);
      }
      a.values[i] = r.value;
    }
  });
  return out;
}
