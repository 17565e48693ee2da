/**
 * Between initialisations (issue 9 item 1): for each pair of init schemes A, B (study order), the
 * training ΔZ of B minus that of A, paired by seed — both networks of a seed are drawn from the
 * same seed and trained on the same data and split, so the seed pairs them.
 */
import { keyOf, pairedSummary, type PairedSummary } from "./across-seeds.js";
import { deltaZPairs } from "./delta-z.js";
import type { EnsembleResults } from "./replicates.js";

export interface InitComparisonRow extends PairedSummary {
  readonly architecture: string;
  readonly dataset: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
  /** The difference is ΔZ(initB) − ΔZ(initA). */
  readonly initA: string;
  readonly initB: string;
}

export function initComparison(ensemble: EnsembleResults): InitComparisonRow[] {
  const groups = new Map<string, { init: string; delta: (number | null)[] }[]>();
  const meta = new Map<string, Omit<InitComparisonRow, keyof PairedSummary | "initA" | "initB">>();
  for (const p of deltaZPairs(ensemble)) {
    const r = p.row;
    const k = keyOf(r.architecture, r.dataset, r.nullModel, r.size, r.topology);
    const delta = p.initial.map((a, i) => {
      const b = p.trained[i];
      return a === null || b === null ? null : b - a;
    });
    const list = groups.get(k) ?? [];
    list.push({ init: r.init, delta });
    groups.set(k, list);
    meta.set(k, {
      architecture: r.architecture,
      dataset: r.dataset,
      nullModel: r.nullModel,
      size: r.size,
      topology: r.topology,
      topologyName: r.topologyName,
    });
  }
  const out: InitComparisonRow[] = [];
  for (const [k, list] of groups) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        out.push({
          ...(meta.get(k) as Omit<InitComparisonRow, keyof PairedSummary | "initA" | "initB">),
          initA: list[i].init,
          initB: list[j].init,
          ...pairedSummary(list[i].delta, list[j].delta),
        });
      }
    }
  }
  return out;
}
