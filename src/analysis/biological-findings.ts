/**
 * Findings of the comparison with biological networks (biological-comparison.ts) as typed records
 * whose sentences are generated from their fields. One seed: per data set, size and reference, the
 * r of each initialisation's trained network with its Fisher-z interval, beside its initial
 * network's. Several seeds: per architecture, init, data set, size and reference, the mean r across
 * seeds with its t-interval, the initial networks' mean r, and the paired change.
 */
import type { BiologyEnsembleRow, BiologyRow } from "./biological-comparison.js";
import { PROFILE_STATISTIC } from "./biological-comparison.js";
import type { FindingFields } from "./findings.js";

interface Interval {
  readonly r: number;
  readonly lo: number;
  readonly hi: number;
}

/** One seed: a data set's trained networks (one per init) and their initial networks. */
export interface BiologyFinding extends FindingFields {
  readonly kind: "biology";
  readonly reference: string;
  readonly dataset: string;
  /** Topologies in both profiles (the smallest over the networks listed). */
  readonly topologies: number;
  readonly trained: ReadonlyArray<Interval & { readonly init: string }>;
  readonly initial: ReadonlyArray<Interval & { readonly init: string }>;
}

/** Across seeds: one architecture × init × data set. */
export interface BiologyEnsembleFinding extends FindingFields {
  readonly kind: "biology-ensemble";
  readonly reference: string;
  readonly dataset: string;
  readonly architecture: string;
  readonly init: string;
  readonly seeds: number;
  readonly interval: { readonly lo: number; readonly hi: number };
  readonly initial: { readonly mean: number; readonly lo: number; readonly hi: number } | null;
  readonly change: BiologyEnsembleRow["change"];
}

const REFERENCE_NAMES: Readonly<Record<string, string>> = {
  celegans: "the C. elegans neuronal network",
  "celegans-all": "the C. elegans neuronal network (every synapse)",
  ecoli: "the E. coli transcription network",
};

/** How a sentence names a reference network. */
export function referenceName(name: string): string {
  return REFERENCE_NAMES[name] ?? name;
}

function num(x: number): string {
  if (Number.isNaN(x)) return "n/a";
  // −0.004 prints as 0.00, not −0.00.
  const text = x.toFixed(2);
  return Number(text) === 0 ? "0.00" : text.replace(/^-/, "−");
}

function interval(lo: number, hi: number): string {
  return Number.isNaN(lo) || Number.isNaN(hi) ? "" : ` [${num(lo)}, ${num(hi)}]`;
}

function signedNum(x: number): string {
  return Number.isNaN(x) ? "n/a" : `${x >= 0 ? "+" : ""}${num(x)}`;
}

const STATISTIC = `Pearson r of the ${PROFILE_STATISTIC === "zCount" ? "count-Z" : "Z"} significance profiles`;

function common(network: string, size: number, nul: string, reference: string) {
  return {
    section: "biology" as const,
    null: nul,
    size,
    topology: null,
    statistic: `${STATISTIC} (${size}-node, ${nul} null) with ${reference}`,
    significant: null,
    family: null,
    alpha: null,
    reference,
    dataset: network,
  };
}

/** The sentence of a one-seed finding, from its fields only. */
export function biologySentence(f: BiologyFinding): string {
  const each = (xs: BiologyFinding["trained"]) =>
    xs.map((t) => `${num(t.r)}${interval(t.lo, t.hi)} (${t.init})`).join(", ");
  return (
    `With one seed, the trained ${f.dataset} networks' ${f.size ?? "n/a"}-node significance ` +
    `profile (${f.null ?? "n/a"} null, Z on counts) correlates with the profile of ` +
    `${referenceName(f.reference)} at r = ${each(f.trained)}` +
    (f.initial.length > 0 ? `; the initial networks' at r = ${each(f.initial)}` : "") +
    ([...f.trained, ...f.initial].some((t) => !Number.isNaN(t.lo))
      ? ` (Fisher-z 95 % intervals over ${f.topologies} shared topologies).`
      : ` (over ${f.topologies} shared topologies: too few for a Fisher-z interval, which needs 4).`)
  );
}

/** The sentence of an across-seed finding, from its fields only. */
export function biologyEnsembleSentence(f: BiologyEnsembleFinding): string {
  const seeds = `${f.seeds} seed${f.seeds === 1 ? "" : "s"}`;
  const initial =
    f.initial === null
      ? ""
      : `; the initial networks' at r = ${num(f.initial.mean)}${interval(f.initial.lo, f.initial.hi)}` +
        (f.change === null
          ? ""
          : `, so training changes r by ${signedNum(f.change.mean)}${interval(f.change.lo, f.change.hi)}` +
            ` (paired, sign-flip p = ${f.change.pSignFlip.toPrecision(2)})`);
  return (
    `Across ${seeds}, the trained ${f.dataset} networks' ${f.size ?? "n/a"}-node significance profile ` +
    `(${f.architecture}, ${f.init} init, ${f.null ?? "n/a"} null, Z on counts) correlates with the ` +
    `profile of ${referenceName(f.reference)} at r = ${num(f.value ?? NaN)}` +
    `${interval(f.interval.lo, f.interval.hi)}${initial} (r averaged on Fisher's z scale with ` +
    `t 95 % intervals; the change is the paired difference of r).`
  );
}

/** One-seed findings from biologicalComparison rows: per data set, size, null and reference. */
export function biologyFindings(
  rows: readonly BiologyRow[],
): Array<BiologyFinding & { sentence: string }> {
  const groups = new Map<string, BiologyRow[]>();
  for (const r of rows) {
    if (r.stage !== "trained") continue;
    const key = [r.network, r.size, r.nullModel, r.reference].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Array<BiologyFinding & { sentence: string }> = [];
  for (const list of groups.values()) {
    const first = list[0];
    const initials = rows.filter(
      (r) =>
        r.stage === "initial" &&
        r.size === first.size &&
        r.nullModel === first.nullModel &&
        r.reference === first.reference &&
        list.some((t) => t.init === r.init),
    );
    const pick = (r: BiologyRow) => ({ init: r.init, r: r.r, lo: r.lo, hi: r.hi });
    const trained = list.map(pick);
    const defined = trained.filter((t) => !Number.isNaN(t.r));
    const record: BiologyFinding = {
      kind: "biology",
      id: `biology-${first.reference}-${first.network}-${first.size}-${first.nullModel}`,
      ...common(first.network, first.size, first.nullModel, first.reference),
      value: defined.length > 0 ? defined.reduce((s, t) => s + t.r, 0) / defined.length : null,
      networks: trained.length,
      topologies: Math.min(...[...list, ...initials].map((r) => r.topologies)),
      trained,
      initial: initials.map(pick),
    };
    out.push({ ...record, sentence: biologySentence(record) });
  }
  return out;
}

/** Across-seed findings from ensembleBiologicalComparison rows (trained rows only). */
export function biologyEnsembleFindings(
  rows: readonly BiologyEnsembleRow[],
): Array<BiologyEnsembleFinding & { sentence: string }> {
  return rows
    .filter((r) => r.stage === "trained")
    .map((r) => {
      const record: BiologyEnsembleFinding = {
        kind: "biology-ensemble",
        id: `biology-${r.reference}-${r.architecture}-${r.init}-${r.network}-${r.size}-${r.nullModel}`,
        ...common(r.network, r.size, r.nullModel, r.reference),
        value: r.r.mean,
        networks: r.seeds.length,
        architecture: r.architecture,
        init: r.init,
        seeds: r.seeds.length,
        interval: { lo: r.r.lo, hi: r.r.hi },
        initial:
          r.initial === null ? null : { mean: r.initial.mean, lo: r.initial.lo, hi: r.initial.hi },
        change: r.change,
      };
      return { ...record, sentence: biologyEnsembleSentence(record) };
    });
}
