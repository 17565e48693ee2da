/**
 * When does a motif appear, and does it precede the gain in accuracy? (SPEC §10.2.) Per trajectory
 * (architecture × init × data set × null × size × topology):
 * - onset: the first snapshot epoch after 0 whose change since epoch 0 (paired across seeds) has a
 *   t-interval excluding 0; it happened after the previous snapshot epoch and by the onset epoch;
 * - accuracy epoch: the first epoch at which the mean validation accuracy reaches its epoch-1 value
 *   plus ACCURACY_GAIN_SHARE of its gain up to the last epoch (none without a gain);
 * - order, only when both exist and the snapshot resolution separates them.
 */
import { excludesZero, groupBy, keyOf } from "./across-seeds.js";
import type { LearningRow } from "./learning-across-seeds.js";
import type { TrajectoryCoordinates, TrajectoryPoint } from "./trajectories.js";

export const ACCURACY_GAIN_SHARE = 0.9;

export type OnsetOrder = "motif first" | "accuracy first" | "same snapshot interval";

export interface MotifOnsetRow extends TrajectoryCoordinates {
  readonly architecture: string;
  readonly seeds: number;
  readonly snapshotEpochs: string;
  readonly onsetEpoch: number | null;
  /** The snapshot before the onset: the motif appeared after it. */
  readonly previousEpoch: number | null;
  readonly onsetDirection: "above" | "below" | null;
  readonly onsetChange: number | null;
  readonly onsetLo: number | null;
  readonly onsetHi: number | null;
  readonly accuracyEpoch: number | null;
  readonly order: OnsetOrder | null;
}

/** The first epoch the mean validation accuracy reaches start + share × gain (null: no gain). */
export function accuracyGainEpoch(
  curve: readonly { epoch: number; mean: number | null }[],
  share: number = ACCURACY_GAIN_SHARE,
): number | null {
  const points = curve
    .filter((c): c is { epoch: number; mean: number } => c.mean !== null)
    .sort((a, b) => a.epoch - b.epoch);
  if (points.length < 2) return null;
  const start = points[0].mean;
  const gain = (points.at(-1) as { mean: number }).mean - start;
  if (!(gain > 0)) return null;
  const target = start + share * gain;
  return points.find((p) => p.mean >= target - 1e-12)?.epoch ?? null;
}

export function orderOf(
  onset: number | null,
  previous: number | null,
  accuracy: number | null,
): OnsetOrder | null {
  if (onset === null || accuracy === null) return null;
  if (onset < accuracy) return "motif first";
  if (previous !== null && accuracy <= previous) return "accuracy first";
  return "same snapshot interval";
}

export function motifOnsets(
  points: readonly TrajectoryPoint[],
  learning: readonly LearningRow[],
): MotifOnsetRow[] {
  const curves = groupBy(learning, (l) => keyOf(l.architecture, l.init, l.dataset));
  const groups = groupBy(points, (p) =>
    keyOf(p.architecture, p.init, p.dataset, p.nullModel, p.size, p.topology),
  );
  const out: MotifOnsetRow[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.epoch - b.epoch);
    const first = sorted[0];
    let onset: TrajectoryPoint | null = null;
    let previous: number | null = null;
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i].sinceStart;
      if (sorted[i].epoch > 0 && s !== null && excludesZero(s) !== null) {
        onset = sorted[i];
        previous = i > 0 ? sorted[i - 1].epoch : null;
        break;
      }
    }
    const curve = (curves.get(keyOf(first.architecture, first.init, first.dataset)) ?? []).map(
      (l) => ({ epoch: l.epoch, mean: l.valAccuracy.mean }),
    );
    const accuracyEpoch = accuracyGainEpoch(curve);
    const s = onset?.sinceStart ?? null;
    out.push({
      architecture: first.architecture,
      init: first.init,
      dataset: first.dataset,
      nullModel: first.nullModel,
      size: first.size,
      topology: first.topology,
      topologyName: first.topologyName,
      seeds: Math.max(...sorted.map((p) => p.z.seeds)),
      snapshotEpochs: sorted.map((p) => p.epoch).join(" "),
      onsetEpoch: onset?.epoch ?? null,
      previousEpoch: onset === null ? null : previous,
      onsetDirection: s === null ? null : excludesZero(s),
      onsetChange: s?.mean ?? null,
      onsetLo: s?.lo ?? null,
      onsetHi: s?.hi ?? null,
      accuracyEpoch,
      order: orderOf(onset?.epoch ?? null, previous, accuracyEpoch),
    });
  }
  return out;
}
