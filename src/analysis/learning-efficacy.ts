/**
 * Learning efficacy per initialisation (SPEC §3, §8): the learning curves, and how fast each
 * data set × init reaches 95% and 100% validation accuracy, with the area under the loss curves.
 */
import type { StudyResults } from "./study-results.js";

export interface LearningCurveRow {
  readonly dataset: string;
  readonly init: string;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number;
  readonly valAccuracy: number;
}

export interface LearningEfficacyRow {
  readonly dataset: string;
  readonly init: string;
  readonly epochs: number;
  /** First epoch (1-based) with validation accuracy ≥ 95%, null when never reached. */
  readonly epochsTo95: number | null;
  readonly epochsTo100: number | null;
  readonly finalValAccuracy: number | null;
  /** Sum over epochs of the training loss (area under the curve with unit epoch steps). */
  readonly lossArea: number;
  readonly valLossArea: number;
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly seconds: number;
}

/** Every epoch of every training run, long format. */
export function learningCurves(results: StudyResults): LearningCurveRow[] {
  return results.trainings.flatMap((t) =>
    t.history.map((e) => ({
      dataset: t.dataset,
      init: t.init,
      epoch: e.epoch,
      loss: e.loss,
      accuracy: e.accuracy,
      valLoss: e.valLoss,
      valAccuracy: e.valAccuracy,
    })),
  );
}

/** One row per training run. */
export function learningEfficacy(results: StudyResults): LearningEfficacyRow[] {
  return results.trainings.map((t) => {
    const reach = (level: number): number | null =>
      t.history.find((e) => e.valAccuracy >= level - 1e-12)?.epoch ?? null;
    const last = t.history.at(-1);
    return {
      dataset: t.dataset,
      init: t.init,
      epochs: t.history.length,
      epochsTo95: reach(0.95),
      epochsTo100: reach(1),
      finalValAccuracy: last?.valAccuracy ?? null,
      lossArea: t.history.reduce((s, e) => s + e.loss, 0),
      valLossArea: t.history.reduce((s, e) => s + e.valLoss, 0),
      testAccuracy: t.testAccuracy,
      testLoss: t.testLoss,
      seconds: t.seconds,
    };
  });
}
