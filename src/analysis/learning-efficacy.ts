/**
 * Learning efficacy per initialisation (SPEC §3, §8; issue 7 item 7): the learning curves, the
 * epochs each data set × init needs to reach a stated validation accuracy (95%, and 100%), and the
 * area under the validation-accuracy curve. `learningRanking` compares the inits of one data set
 * without false rankings: a tie is a tie, and "never reached" is not a number of epochs.
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
  /** First epoch (1-based) with val accuracy ≥ TARGET_VAL_ACCURACY (95%); null: never reached. */
  readonly epochsTo95: number | null;
  readonly epochsTo100: number | null;
  readonly finalValAccuracy: number | null;
  /** Sum over epochs of the training loss (area under the curve with unit epoch steps). */
  readonly lossArea: number;
  readonly valLossArea: number;
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly seconds: number;
  /**
   * Area under the validation-accuracy curve, unit epoch steps (the sum over epochs, as the loss
   * areas): `epochs` when every epoch is at 100%.
   */
  readonly valAccuracyArea: number;
}

/** The validation accuracy the efficacy findings are stated at. */
export const TARGET_VAL_ACCURACY = 0.95;

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
      epochsTo95: reach(TARGET_VAL_ACCURACY),
      epochsTo100: reach(1),
      finalValAccuracy: last?.valAccuracy ?? null,
      lossArea: t.history.reduce((s, e) => s + e.loss, 0),
      valLossArea: t.history.reduce((s, e) => s + e.valLoss, 0),
      testAccuracy: t.testAccuracy,
      testLoss: t.testLoss,
      seconds: t.seconds,
      valAccuracyArea: t.history.reduce((s, e) => s + e.valAccuracy, 0),
    };
  });
}

/** How the inits of one data set compare on the epochs to the target accuracy. */
export interface LearningRanking {
  readonly dataset: string;
  readonly target: number;
  /** Most epochs any run of this data set trained for. */
  readonly epochs: number;
  /** Every init that reached the target, fastest first (ties share a place). */
  readonly reached: readonly { readonly init: string; readonly epochs: number }[];
  readonly neverReached: readonly string[];
  /** The inits that share the fewest epochs: one init is a fastest; several are a tie. */
  readonly fastest: readonly string[];
  /** Area under the validation-accuracy curve per init (no ranking is made on it). */
  readonly valAccuracyArea: readonly { readonly init: string; readonly area: number }[];
}

/** One ranking per data set, in the order of `datasets`. */
export function learningRanking(
  rows: readonly LearningEfficacyRow[],
  datasets: readonly string[],
): LearningRanking[] {
  return datasets.flatMap((dataset) => {
    const runs = rows.filter((r) => r.dataset === dataset);
    if (runs.length === 0) return [];
    const reached = runs
      .filter((r) => r.epochsTo95 !== null)
      .map((r) => ({ init: r.init, epochs: r.epochsTo95 as number }))
      .sort((a, b) => a.epochs - b.epochs);
    const best = reached[0]?.epochs;
    return [
      {
        dataset,
        target: TARGET_VAL_ACCURACY,
        epochs: Math.max(...runs.map((r) => r.epochs)),
        reached,
        neverReached: runs.filter((r) => r.epochsTo95 === null).map((r) => r.init),
        fastest: reached.filter((r) => r.epochs === best).map((r) => r.init),
        valAccuracyArea: runs.map((r) => ({ init: r.init, area: r.valAccuracyArea })),
      },
    ];
  });
}
