/**
 * The across-seed findings (issue 9 items 1, 2, 4 and 7): typed records with every number their
 * sentence states, the sentence generated from those fields alone (as findings.ts does for one
 * seed). Intervals are 95 % t-intervals across seeds; with one seed a sentence says "one seed: no
 * interval" instead of inventing one.
 */
import type { FindingSection } from "../findings.js";
import { SIGNIFICANCE } from "../significance.js";
import { smallestSignFlipP, type PairedSummary, type SeedSummary } from "./across-seeds.js";
import { POOLED_DATASETS, type DeltaZRow } from "./delta-z.js";
import type { InitComparisonRow } from "./init-comparison.js";
import type { TestAccuracyRow } from "./learning-across-seeds.js";
import { ACCURACY_GAIN_SHARE, type MotifOnsetRow, type OnsetOrder } from "./motif-onset.js";
import { NULL_SEPARATION_FAMILY, type NullSeparationRow } from "./null-separation.js";
import { samplingSentence, type EnsembleSamplingFinding } from "./sampled-censuses.js";

/** The topologies of the first screen (SPEC §9). */
export const ENSEMBLE_KEY_TOPOLOGIES: readonly string[] = ["diamond", "bi-fan"];

/** What every across-seed finding states (the fields of findings.ts, plus its replicates). */
interface EnsembleFindingFields {
  readonly id: string;
  readonly section: FindingSection;
  readonly null: string | null;
  readonly size: number | null;
  readonly topology: string | null;
  readonly statistic: string;
  readonly value: number | null;
  readonly networks: number | null;
  readonly significant: number | null;
  readonly family: string | null;
  readonly alpha: number | null;
  readonly architecture: string;
  /** Seeds the numbers are computed over. */
  readonly seeds: number;
}

/** A paired difference as the records carry it. */
export interface IntervalNumbers {
  readonly seeds: number;
  readonly mean: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly pT: number | null;
  readonly pSignFlip: number | null;
}

/** Per null and key topology: training ΔZ per init, each seed's data sets averaged. */
export interface EnsembleHeadlineFinding extends EnsembleFindingFields {
  readonly kind: "ensemble-headline";
  /** Data sets averaged within each seed. */
  readonly datasets: number;
  readonly perInit: readonly (IntervalNumbers & { readonly init: string })[];
}

/** Training ΔZ of one key topology for one init × data set, paired across seeds. */
export interface EnsembleDeltaZFinding extends EnsembleFindingFields, IntervalNumbers {
  readonly kind: "ensemble-delta-z";
  readonly init: string;
  readonly dataset: string;
  readonly meanInitial: number | null;
  readonly meanTrained: number | null;
}

/** ΔZ(initB) − ΔZ(initA) of a key topology, paired by seed, data sets averaged per seed. */
export interface EnsembleInitFinding extends EnsembleFindingFields, IntervalNumbers {
  readonly kind: "ensemble-init";
  readonly initA: string;
  readonly initB: string;
  readonly dataset: string;
}

/** Per null and size: which named topologies the trained networks separate from the null. */
export interface EnsembleSeparationFinding extends EnsembleFindingFields {
  readonly kind: "ensemble-null-separation";
  readonly tests: number;
  readonly above: readonly { readonly topology: string; readonly networks: number }[];
  readonly below: readonly { readonly topology: string; readonly networks: number }[];
  /** Tests whose t-interval excludes 0 (unadjusted; the decision is the BH one). */
  readonly intervalExcludesZero: number;
  /** Decided tests whose BH-adjusted sign-flip p is below alpha too. */
  readonly signFlipAgree: number;
  /** 2/2^n: the smallest sign-flip p the seeds allow. */
  readonly smallestP: number;
}

/** When a key topology's Z first moves from epoch 0, and when accuracy makes its gain. */
export interface EnsembleOnsetFinding extends EnsembleFindingFields {
  readonly kind: "ensemble-onset";
  readonly init: string;
  readonly dataset: string;
  readonly snapshotEpochs: string;
  readonly onsetEpoch: number | null;
  readonly previousEpoch: number | null;
  readonly onsetChange: number | null;
  readonly onsetLo: number | null;
  readonly onsetHi: number | null;
  readonly accuracyEpoch: number | null;
  readonly accuracyShare: number;
  readonly order: OnsetOrder | null;
}

/** Test accuracy of one init × data set across seeds. */
export interface EnsembleLearningFinding extends EnsembleFindingFields, SeedSummary {
  readonly kind: "ensemble-learning";
  readonly init: string;
  readonly dataset: string;
}

export type EnsembleFindingRecord =
  | EnsembleHeadlineFinding
  | EnsembleDeltaZFinding
  | EnsembleInitFinding
  | EnsembleSeparationFinding
  | EnsembleOnsetFinding
  | EnsembleLearningFinding
  | EnsembleSamplingFinding;

/** "+0.10", "−0.30" (typographic minus), "n/a". */
export function signedNumber(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `−${s}` : `+${s}`;
}

function plain(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `−${s}` : s;
}

export function pText(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "n/a";
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}

/** "+0.10 [−0.30, 0.60]" or "+0.10 (one seed: no interval)". */
export function intervalText(
  s: { mean: number | null; lo: number | null; hi: number | null; seeds: number },
  digits = 2,
  sign = true,
): string {
  const m = sign ? signedNumber(s.mean, digits) : plain(s.mean, digits);
  if (s.mean === null) return "n/a (no seed with a value)";
  if (s.lo === null || s.hi === null) return `${m} (one seed: no interval)`;
  return `${m} [${plain(s.lo, digits)}, ${plain(s.hi, digits)}]`;
}

function testsText(s: IntervalNumbers): string {
  return s.seeds < 2
    ? `sign-flip p = ${pText(s.pSignFlip)}`
    : `paired t p = ${pText(s.pT)}, sign-flip p = ${pText(s.pSignFlip)}`;
}

function seedsText(n: number): string {
  return n === 1 ? "one seed" : `${n} seeds`;
}

function listWithCounts(items: readonly { topology: string; networks: number }[]): string {
  return items.map((i) => `${i.topology} (${i.networks})`).join(", ");
}

/** The sentence of an across-seed finding, from its fields only. */
export function ensembleFindingSentence(f: EnsembleFindingRecord): string {
  switch (f.kind) {
    case "ensemble-sampling":
      return samplingSentence(f);
    case "ensemble-headline": {
      const parts = f.perInit.map((p) => `${intervalText(p)} for ${p.init} (${testsText(p)})`);
      return (
        `Under the ${f.null} null (architecture ${f.architecture}), training changes the ` +
        `${f.topology}'s Z (uncoloured, ${f.size} nodes` +
        (f.datasets > 1
          ? `; each seed's trained Z averaged over its ${f.datasets} data sets`
          : "") +
        `) by ${parts.join("; ")} — ΔZ with its t-interval across ` +
        `${seedsText(f.seeds)}.`
      );
    }
    case "ensemble-delta-z":
      return (
        `Under the ${f.null} null, training ${f.init} networks (${f.architecture}) on ${f.dataset} ` +
        `changes the ${f.topology}'s Z from ${plain(f.meanInitial)} to ${plain(f.meanTrained)}: ` +
        `ΔZ ${intervalText(f)} across ${seedsText(f.seeds)} (${testsText(f)}).`
      );
    case "ensemble-init":
      return (
        `Under the ${f.null} null (${f.architecture}, ${f.dataset === POOLED_DATASETS ? "data sets averaged per seed" : f.dataset}), ` +
        `the ${f.topology}'s training ΔZ with ${f.initB} minus that with ${f.initA} is ` +
        `${intervalText(f)} across ${seedsText(f.seeds)} (${testsText(f)}).`
      );
    case "ensemble-null-separation": {
      const where = `Under the ${f.null} null (${f.architecture}, ${f.size} nodes`;
      if (f.tests === 0) {
        return `${where}), no (named topology, trained network) has a Z defined in two or more seeds with any spread: no test.`;
      }
      const rule = `BH q < ${f.alpha} on the one-sample t p of mean Z = 0, family ${f.family}`;
      const cannot =
        f.smallestP >= (f.alpha ?? SIGNIFICANCE.alpha)
          ? `; with ${seedsText(f.seeds)} no sign-flip p falls below ${pText(f.smallestP)}, so the sign-flip check cannot confirm any`
          : "";
      const above =
        f.above.length > 0 ? `above the null: ${listWithCounts(f.above)}` : "none above";
      const below = f.below.length > 0 ? `below: ${listWithCounts(f.below)}` : "none below";
      return (
        `${where}, ${seedsText(f.seeds)}), ` +
        `${f.significant} of ${f.tests} (named topology, trained network) tests separate the ` +
        `trained networks from the null (${rule}) — ${above}; ${below} (trained networks in ` +
        `brackets). The unadjusted t-interval excludes 0 in ${f.intervalExcludesZero}` +
        (f.significant === 0
          ? "."
          : `; the exact sign-flip p (BH alike) confirms ${f.signFlipAgree} of the ${f.significant}${cannot}.`)
      );
    }
    case "ensemble-onset": {
      const where = `${f.init} on ${f.dataset}, ${f.architecture}, ${seedsText(f.seeds)}`;
      const motif =
        f.onsetEpoch === null
          ? `does not move from epoch 0 at any snapshot (epochs ${f.snapshotEpochs}; no t-interval of the change excludes 0)`
          : `first moves from epoch 0 at epoch ${f.onsetEpoch}` +
            (f.previousEpoch === null ? "" : ` (after epoch ${f.previousEpoch})`) +
            `: change ${intervalText({ mean: f.onsetChange, lo: f.onsetLo, hi: f.onsetHi, seeds: f.seeds })}`;
      const share = `${Math.round(100 * f.accuracyShare)} %`;
      const acc =
        f.accuracyEpoch === null
          ? `mean validation accuracy does not rise after epoch 1 (no ${share}-of-gain epoch)`
          : `mean validation accuracy reaches ${share} of its gain at epoch ${f.accuracyEpoch}`;
      const order = f.order === null ? "" : `: ${f.order}`;
      return `Under the ${f.null} null, the ${f.topology}'s Z (${where}) ${motif}; ${acc}${order}.`;
    }
    case "ensemble-learning":
      return (
        `${f.init} on ${f.dataset} (${f.architecture}): test accuracy ` +
        `${intervalText(f, 3, false)} across ${seedsText(f.seeds)}.`
      );
  }
}

const none = { significant: null, family: null, alpha: null } as const;

function numbers(s: PairedSummary): IntervalNumbers {
  return { seeds: s.seeds, mean: s.mean, lo: s.lo, hi: s.hi, pT: s.pT, pSignFlip: s.pSignFlip };
}

export interface EnsembleFindingInputs {
  readonly deltaZ: readonly DeltaZRow[];
  readonly initComparison: readonly InitComparisonRow[];
  readonly nullSeparation: readonly NullSeparationRow[];
  readonly onsets: readonly MotifOnsetRow[];
  readonly testAccuracy: readonly TestAccuracyRow[];
  /** The study's nulls in config order. */
  readonly nullModels: readonly string[];
}

/** Every across-seed finding record (sentences added by the caller), most important first. */
export function ensembleFindingRecords(t: EnsembleFindingInputs): EnsembleFindingRecord[] {
  const out: EnsembleFindingRecord[] = [];
  const isKey = (name: string) => ENSEMBLE_KEY_TOPOLOGIES.includes(name);
  const nullOrder = (n: string) => t.nullModels.indexOf(n);
  const architectures = [...new Set(t.deltaZ.map((r) => r.architecture))];

  // The first screen: per architecture, null and key topology, ΔZ per init with data sets pooled.
  for (const architecture of architectures) {
    const pooled = t.deltaZ.filter(
      (r) =>
        r.architecture === architecture && r.dataset === POOLED_DATASETS && isKey(r.topologyName),
    );
    const nulls = [...new Set(pooled.map((r) => r.nullModel))].sort(
      (a, b) => nullOrder(a) - nullOrder(b),
    );
    for (const nullModel of nulls) {
      for (const name of ENSEMBLE_KEY_TOPOLOGIES) {
        const rows = pooled.filter((r) => r.nullModel === nullModel && r.topologyName === name);
        if (rows.length === 0) continue;
        out.push({
          kind: "ensemble-headline",
          id: `ensemble-headline-${architecture}-${rows[0].size}-${name}-${nullModel}`,
          section: "seeds",
          null: nullModel,
          size: rows[0].size,
          topology: name,
          statistic: "mean ΔZ (trained − initial, uncoloured census) across seeds, per init",
          value: rows[0].mean,
          networks: rows.length,
          ...none,
          architecture,
          seeds: Math.max(...rows.map((r) => r.seeds)),
          datasets: rows[0].datasetsPooled,
          perInit: rows.map((r) => ({ init: r.init, ...numbers(r) })),
        });
      }
    }
  }

  for (const r of t.deltaZ) {
    if (r.dataset === POOLED_DATASETS || !isKey(r.topologyName)) continue;
    out.push({
      kind: "ensemble-delta-z",
      id: `ensemble-delta-z-${r.architecture}-${r.init}-${r.dataset}-${r.size}-${r.topologyName}-${r.nullModel}`,
      section: "seeds",
      null: r.nullModel,
      size: r.size,
      topology: r.topologyName,
      statistic: "mean ΔZ (trained − initial, uncoloured census), paired across seeds",
      value: r.mean,
      networks: 1,
      ...none,
      architecture: r.architecture,
      ...numbers(r),
      init: r.init,
      dataset: r.dataset,
      meanInitial: r.meanInitial,
      meanTrained: r.meanTrained,
    });
  }

  for (const r of t.initComparison) {
    if (r.dataset !== POOLED_DATASETS || !isKey(r.topologyName)) continue;
    out.push({
      kind: "ensemble-init",
      id: `ensemble-init-${r.architecture}-${r.initA}-${r.initB}-${r.size}-${r.topologyName}-${r.nullModel}`,
      section: "seeds",
      null: r.nullModel,
      size: r.size,
      topology: r.topologyName,
      statistic: "mean of ΔZ(initB) − ΔZ(initA), paired by seed",
      value: r.mean,
      networks: null,
      ...none,
      architecture: r.architecture,
      ...numbers(r),
      initA: r.initA,
      initB: r.initB,
      dataset: r.dataset,
    });
  }

  const families = new Map<string, NullSeparationRow[]>();
  for (const r of t.nullSeparation) {
    const k = `${r.architecture}\u0000${r.nullModel}\u0000${r.size}`;
    families.set(k, [...(families.get(k) ?? []), r]);
  }
  for (const rows of families.values()) {
    const first = rows[0];
    const tally = (d: "above" | "below") => {
      const m = new Map<string, number>();
      for (const r of rows.filter((x) => x.decision === d)) {
        m.set(r.topologyName, (m.get(r.topologyName) ?? 0) + 1);
      }
      return [...m].map(([topology, networks]) => ({ topology, networks }));
    };
    const tested = rows.filter((r) => r.decision !== "no test");
    const seeds = Math.max(0, ...rows.map((r) => r.seeds));
    const above = tally("above");
    const below = tally("below");
    out.push({
      kind: "ensemble-null-separation",
      id: `ensemble-null-separation-${first.architecture}-${first.size}-${first.nullModel}`,
      section: "null-separation",
      null: first.nullModel,
      size: first.size,
      topology: null,
      statistic: "(named topology, trained network) tests separated from the null across seeds",
      value: above.length + below.length,
      networks: new Set(rows.map((r) => `${r.init}/${r.dataset}`)).size,
      significant: tested.filter((r) => r.decision === "above" || r.decision === "below").length,
      family: NULL_SEPARATION_FAMILY,
      alpha: SIGNIFICANCE.alpha,
      architecture: first.architecture,
      seeds,
      tests: tested.length,
      above,
      below,
      intervalExcludesZero: rows.filter((r) => r.ciExcludesZero !== null).length,
      signFlipAgree: rows.filter((r) => r.signFlipAgrees).length,
      smallestP: smallestSignFlipP(seeds),
    });
  }

  for (const r of t.onsets) {
    if (!isKey(r.topologyName)) continue;
    out.push({
      kind: "ensemble-onset",
      id: `ensemble-onset-${r.architecture}-${r.init}-${r.dataset}-${r.size}-${r.topologyName}-${r.nullModel}`,
      section: "trajectories",
      null: r.nullModel,
      size: r.size,
      topology: r.topologyName,
      statistic:
        "first snapshot epoch whose change in Z since epoch 0 has a t-interval excluding 0",
      value: r.onsetEpoch,
      networks: 1,
      ...none,
      architecture: r.architecture,
      seeds: r.seeds,
      init: r.init,
      dataset: r.dataset,
      snapshotEpochs: r.snapshotEpochs,
      onsetEpoch: r.onsetEpoch,
      previousEpoch: r.previousEpoch,
      onsetChange: r.onsetChange,
      onsetLo: r.onsetLo,
      onsetHi: r.onsetHi,
      accuracyEpoch: r.accuracyEpoch,
      accuracyShare: ACCURACY_GAIN_SHARE,
      order: r.order,
    });
  }

  for (const r of t.testAccuracy) {
    out.push({
      kind: "ensemble-learning",
      id: `ensemble-learning-${r.architecture}-${r.init}-${r.dataset}`,
      section: "seeds",
      null: null,
      size: null,
      topology: null,
      statistic: "mean test accuracy across seeds",
      value: r.mean,
      networks: 1,
      ...none,
      ...r,
    });
  }
  return out;
}
