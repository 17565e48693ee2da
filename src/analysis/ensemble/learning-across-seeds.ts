/**
 * Learning curves across seeds (SPEC §8): per architecture × init × data set × epoch, the mean
 * validation accuracy and loss (and the training ones) with t-intervals; and the test accuracy
 * per run. A seed that stopped early (patience) has no value at the later epochs: those means are
 * over fewer seeds, and `seeds` says how many.
 */
import { alignBySeed, keyOf, summarise, type SeedSummary } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

export interface LearningRow {
  readonly architecture: string;
  readonly init: string;
  readonly dataset: string;
  readonly epoch: number;
  readonly valAccuracy: SeedSummary;
  readonly valLoss: SeedSummary;
  readonly accuracy: SeedSummary;
  readonly loss: SeedSummary;
}

/** The CSV form: one column per summary field. */
export interface LearningTableRow {
  readonly architecture: string;
  readonly init: string;
  readonly dataset: string;
  readonly epoch: number;
  readonly seeds: number;
  readonly valAccuracyMean: number | null;
  readonly valAccuracyLo: number | null;
  readonly valAccuracyHi: number | null;
  readonly valLossMean: number | null;
  readonly valLossLo: number | null;
  readonly valLossHi: number | null;
  readonly accuracyMean: number | null;
  readonly lossMean: number | null;
}

export interface TestAccuracyRow extends SeedSummary {
  readonly architecture: string;
  readonly init: string;
  readonly dataset: string;
}

export interface TestAccuracySeedRow {
  readonly architecture: string;
  readonly seed: number;
  readonly init: string;
  readonly dataset: string;
  readonly epochs: number;
  readonly finalValAccuracy: number | null;
  readonly testAccuracy: number;
}

const METRICS = ["valAccuracy", "valLoss", "accuracy", "loss"] as const;

interface CurveMeta {
  readonly init: string;
  readonly dataset: string;
  readonly epoch: number;
}

export function learningAcrossSeeds(ensemble: EnsembleResults): LearningRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const byMetric = METRICS.map((metric) =>
      alignBySeed<CurveMeta>(
        reps.map((rep) =>
          rep.results.trainings.flatMap((t) =>
            t.history.map((e) => ({
              key: keyOf(t.init, t.dataset, e.epoch),
              meta: { init: t.init, dataset: t.dataset, epoch: e.epoch },
              value: e[metric],
            })),
          ),
        ),
      ),
    );
    return [...byMetric[0].entries()].map(([k, a]) => {
      const [valAccuracy, valLoss, accuracy, loss] = byMetric.map((m) =>
        summarise(m.get(k)?.values ?? []),
      );
      return { architecture, ...a.meta, valAccuracy, valLoss, accuracy, loss };
    });
  });
}

export function learningTable(rows: readonly LearningRow[]): LearningTableRow[] {
  return rows.map((r) => ({
    architecture: r.architecture,
    init: r.init,
    dataset: r.dataset,
    epoch: r.epoch,
    seeds: r.valAccuracy.seeds,
    valAccuracyMean: r.valAccuracy.mean,
    valAccuracyLo: r.valAccuracy.lo,
    valAccuracyHi: r.valAccuracy.hi,
    valLossMean: r.valLoss.mean,
    valLossLo: r.valLoss.lo,
    valLossHi: r.valLoss.hi,
    accuracyMean: r.accuracy.mean,
    lossMean: r.loss.mean,
  }));
}

export function testAccuracySeeds(ensemble: EnsembleResults): TestAccuracySeedRow[] {
  return ensemble.replicates.flatMap((rep) =>
    rep.results.trainings.map((t) => ({
      architecture: rep.architecture,
      seed: rep.seed,
      init: t.init,
      dataset: t.dataset,
      epochs: t.history.length,
      finalValAccuracy: t.history.at(-1)?.valAccuracy ?? null,
      testAccuracy: t.testAccuracy,
    })),
  );
}

export function testAccuracy(ensemble: EnsembleResults): TestAccuracyRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const aligned = alignBySeed(
      reps.map((rep) =>
        rep.results.trainings.map((t) => ({
          key: keyOf(t.init, t.dataset),
          meta: { init: t.init, dataset: t.dataset },
          value: t.testAccuracy,
        })),
      ),
    );
    return [...aligned.values()].map((a) => ({
      architecture,
      ...a.meta,
      ...summarise(a.values),
    }));
  });
}
