/**
 * The weighted motifs across seeds (issue 9 items 1 and 5): per architecture, size, topology,
 * init and data set, the Z of the total intensity, mean coherence and even-sign share against the
 * weight shuffle, in the initial and the trained network of each seed, each as a mean with its
 * Student-t 95 % interval across seeds, and trained − initial as a paired comparison over the
 * seeds (t-interval and exact sign-flip p, never 0; stats/confidence.ts). A seed whose Z is
 * undefined on either side (the shuffle did not vary) drops out of that row; `seeds` says how many
 * pairs are left. No cut-off c is involved.
 *
 * (For the merger: `weightedEnsemble` is the table `weightedEnsemble` of EnsembleTables and
 * `weightedEnsembleFindings` its findings, both for analyseEnsemble.)
 */
import { meanInterval, pairedComparison, type MeanInterval } from "../../stats/confidence.js";
import type { Finding } from "../findings.js";
import {
  weightedEnsembleSentence,
  type SeedComparison,
  type WeightedEnsembleFinding,
} from "../weighted-findings.js";
import type { WeightedRecord } from "../study-results.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

export const WEIGHTED_STATISTICS = ["intensity", "coherence", "evenShare"] as const;
export type WeightedStatistic = (typeof WEIGHTED_STATISTICS)[number];

export interface WeightedEnsembleRow {
  readonly architecture: string;
  readonly size: number;
  /** Canonical uncoloured key and name. */
  readonly topology: string;
  readonly topologyName: string;
  readonly init: string;
  readonly dataset: string;
  readonly statistic: WeightedStatistic;
  /** Seeds with a defined Z on both sides. */
  readonly seeds: number;
  readonly initialMean: number;
  readonly initialLo: number;
  readonly initialHi: number;
  readonly trainedMean: number;
  readonly trainedLo: number;
  readonly trainedHi: number;
  /** Mean of Z(trained) − Z(initial) over the seeds, its t-interval, paired t and sign-flip p. */
  readonly deltaMean: number;
  readonly deltaLo: number;
  readonly deltaHi: number;
  readonly pT: number;
  readonly pSignFlip: number;
  readonly level: number;
  readonly method: "t";
}

function zOf(
  record: WeightedRecord | undefined,
  key: string,
  statistic: WeightedStatistic,
): number | null {
  return record?.topologies.find((t) => t.key === key)?.[statistic].z ?? null;
}

/** The across-seed rows of every architecture (empty when no replicate has weighted records). */
export function weightedEnsemble(ensemble: EnsembleResults, level = 0.95): WeightedEnsembleRow[] {
  const rows: WeightedEnsembleRow[] = [];
  for (const architecture of architecturesOf(ensemble)) {
    const reps = replicatesOf(ensemble, architecture);
    const all = reps.flatMap((r) => r.results.weighted ?? []);
    const trainedRecords = all.filter((w) => w.stage === "trained");
    // (size, topology, init, data set) in the order the records first list them.
    const cells = new Map<
      string,
      { size: number; key: string; name: string; init: string; dataset: string }
    >();
    for (const w of trainedRecords) {
      for (const t of w.topologies) {
        const id = JSON.stringify([w.size, t.key, w.init, w.dataset]);
        if (!cells.has(id)) {
          cells.set(id, {
            size: w.size,
            key: t.key,
            name: t.topology,
            init: w.init,
            dataset: w.dataset ?? "",
          });
        }
      }
    }
    const sizes = [...new Set([...cells.values()].map((c) => c.size))].sort((a, b) => a - b);
    for (const size of sizes) {
      for (const c of [...cells.values()].filter((x) => x.size === size)) {
        for (const statistic of WEIGHTED_STATISTICS) {
          const initial: number[] = [];
          const trained: number[] = [];
          for (const rep of reps) {
            const ws = rep.results.weighted ?? [];
            const of = (stage: string, dataset: string | null) =>
              ws.find(
                (w) =>
                  w.size === size &&
                  w.init === c.init &&
                  w.stage === stage &&
                  (stage === "initial" || w.dataset === dataset),
              );
            const a = zOf(of("initial", null), c.key, statistic);
            const b = zOf(of("trained", c.dataset), c.key, statistic);
            if (a === null || b === null) continue;
            initial.push(a);
            trained.push(b);
          }
          if (trained.length === 0) continue;
          const i: MeanInterval = meanInterval(initial, level);
          const t = meanInterval(trained, level);
          const d = pairedComparison(initial, trained, { level });
          rows.push({
            architecture,
            size,
            topology: c.key,
            topologyName: c.name,
            init: c.init,
            dataset: c.dataset,
            statistic,
            seeds: trained.length,
            initialMean: i.mean,
            initialLo: i.lo,
            initialHi: i.hi,
            trainedMean: t.mean,
            trainedLo: t.lo,
            trainedHi: t.hi,
            deltaMean: d.mean,
            deltaLo: d.lo,
            deltaHi: d.hi,
            pT: d.pT,
            pSignFlip: d.pSignFlip,
            level,
            method: "t",
          });
        }
      }
    }
  }
  return rows;
}

const pick = (r: WeightedEnsembleRow): SeedComparison => ({
  trainedMean: r.trainedMean,
  trainedLo: r.trainedLo,
  trainedHi: r.trainedHi,
  initialMean: r.initialMean,
  deltaMean: r.deltaMean,
  deltaLo: r.deltaLo,
  deltaHi: r.deltaHi,
  pSignFlip: r.pSignFlip,
});

/** Findings for the diamond and the bi-fan (k = 4) per architecture, init and data set. */
export function weightedEnsembleFindings(rows: readonly WeightedEnsembleRow[]): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    if (r.statistic !== "intensity" || !["diamond", "bi-fan"].includes(r.topologyName)) continue;
    const coherence = rows.find(
      (c) =>
        c.statistic === "coherence" &&
        c.architecture === r.architecture &&
        c.size === r.size &&
        c.topology === r.topology &&
        c.init === r.init &&
        c.dataset === r.dataset,
    );
    const f: WeightedEnsembleFinding = {
      kind: "weighted-ensemble",
      id: `weighted-ensemble-${r.architecture}-${r.size}-${r.topologyName}-${r.init}-${r.dataset}`,
      section: "weighted",
      null: "shuffle",
      size: r.size,
      topology: r.topologyName,
      statistic: "mean Z of the total intensity across seeds, trained",
      value: r.trainedMean,
      networks: r.seeds,
      significant: null,
      family: null,
      alpha: null,
      architecture: r.architecture,
      init: r.init,
      dataset: r.dataset,
      seeds: r.seeds,
      level: r.level,
      intensity: pick(r),
      coherence: coherence === undefined ? null : pick(coherence),
    };
    out.push({ ...f, sentence: weightedEnsembleSentence(f) });
  }
  return out;
}
