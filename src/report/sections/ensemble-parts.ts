/**
 * What the across-seed sections share: the ensemble's architectures and sizes, interval cells, a
 * capped table (the CSV under tables/ensemble/ has every row) and the method sentence.
 */
import { INTERVAL_METHOD, type SeedSummary } from "../../analysis/ensemble/across-seeds.js";
import { intervalText } from "../../analysis/ensemble/ensemble-findings.js";
import { architecturesOf } from "../../analysis/ensemble/replicates.js";
import type { Finding } from "../../analysis/findings.js";
import { escapeHtml, table, type Cell, type Column } from "../html.js";
import type { SectionInput } from "./section.js";

type Ensemble = NonNullable<SectionInput["ensemble"]>;

export function architectures(ensemble: Ensemble): string[] {
  return architecturesOf(ensemble.results);
}

/** The init schemes and data sets of every replicate, in first-seen order (architectures may differ). */
export function initsOf(ensemble: Ensemble): string[] {
  return [...new Set(ensemble.results.replicates.flatMap((r) => r.results.inits))];
}

export function datasetsOf(ensemble: Ensemble): string[] {
  return [...new Set(ensemble.results.replicates.flatMap((r) => r.results.datasets))];
}

export function sizesOf(
  rows: readonly { architecture: string; size: number }[],
  architecture: string,
): number[] {
  return [...new Set(rows.filter((r) => r.architecture === architecture).map((r) => r.size))].sort(
    (a, b) => a - b,
  );
}

export function seedCount(ensemble: Ensemble, architecture: string): number {
  return ensemble.results.replicates.filter((r) => r.architecture === architecture).length;
}

/** "+0.10 [−0.30, 0.60]", with the mean as the sort key. */
export function intervalCell(
  s: Pick<SeedSummary, "mean" | "lo" | "hi" | "seeds">,
  digits = 2,
): Cell {
  return { html: escapeHtml(intervalText(s, digits)), sort: s.mean };
}

/** A table of at most `max` rows, saying how many there are and where the rest is. */
export function cappedTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  caption: string,
  csv: string,
  max: number,
): string {
  const note =
    rows.length > max
      ? ` First ${max} of ${rows.length} rows; all in <code>tables/ensemble/${escapeHtml(csv)}.csv</code>.`
      : ` Also in <code>tables/ensemble/${escapeHtml(csv)}.csv</code>.`;
  return table(rows.slice(0, max), columns, caption + note);
}

/** The finding sentences of some kinds, as a list. */
export function findingsOf(ensemble: Ensemble, kinds: readonly string[]): Finding[] {
  return ensemble.analysis.findings.filter((f) => kinds.includes(f.kind));
}

export const METHOD_NOTE =
  `Intervals: ${INTERVAL_METHOD}; with one seed there is no interval. Initial vs trained and ` +
  "init vs init are paired by seed (paired t and exact sign-flip p, never 0).";
