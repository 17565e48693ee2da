/**
 * Motif trajectories through training (SPEC §10.2, issue 9 item 2): from the snapshot censuses
 * (uncoloured, one per epoch of the config's `snapshots`), per architecture × init × data set ×
 * null × size × named topology × epoch, the mean Z with its t-interval across seeds, the change
 * since epoch 0 paired by seed, and the mean validation accuracy at that epoch (none at epoch 0:
 * the curve starts after the first epoch).
 */
import { motifName, topologyKey, topologyLabel } from "../motif-names.js";
import { isConstrained } from "../significance.js";
import {
  alignBySeed,
  keyOf,
  pairedSummary,
  summarise,
  type PairedSummary,
  type SeedSummary,
  type SeedValue,
} from "./across-seeds.js";
import type { LearningRow } from "./learning-across-seeds.js";
import {
  architecturesOf,
  replicatesOf,
  type EnsembleResults,
  type ReplicateResults,
} from "./replicates.js";

export interface TrajectoryCoordinates {
  readonly init: string;
  readonly dataset: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
}

export interface TrajectoryPoint extends TrajectoryCoordinates {
  readonly architecture: string;
  readonly epoch: number;
  readonly z: SeedSummary;
  /** Z(epoch) − Z(epoch 0), paired by seed; null at epoch 0 or without an epoch-0 census. */
  readonly sinceStart: PairedSummary | null;
  /** Mean validation accuracy after this epoch; null at epoch 0. */
  readonly valAccuracy: SeedSummary | null;
}

/** The CSV form. */
export interface TrajectoryTableRow extends TrajectoryCoordinates {
  readonly architecture: string;
  readonly epoch: number;
  readonly seeds: number;
  readonly zMean: number | null;
  readonly zLo: number | null;
  readonly zHi: number | null;
  readonly sinceStartMean: number | null;
  readonly sinceStartLo: number | null;
  readonly sinceStartHi: number | null;
  readonly sinceStartPSignFlip: number | null;
  readonly valAccuracyMean: number | null;
  readonly valAccuracyLo: number | null;
  readonly valAccuracyHi: number | null;
}

export interface TrajectorySeedRow extends TrajectoryCoordinates {
  readonly architecture: string;
  readonly seed: number;
  readonly epoch: number;
  readonly edges: number;
  readonly z: number | null;
}

interface PointMeta extends TrajectoryCoordinates {
  readonly epoch: number;
}

function seedSnapshots(rep: ReplicateResults): (SeedValue<PointMeta> & { edges: number })[] {
  return rep.snapshots.flatMap((s) =>
    s.census.motifs
      .filter((m) => motifName(m.adjacency) !== null)
      .map((m) => {
        const meta: PointMeta = {
          init: s.init,
          dataset: s.dataset,
          nullModel: s.census.nullModel,
          size: s.census.size,
          topology: topologyKey(m.adjacency),
          topologyName: topologyLabel(m.adjacency),
          epoch: s.epoch,
        };
        return {
          key: pointKey(meta, s.epoch),
          meta,
          value: isConstrained(m) ? null : m.z,
          edges: s.edges,
        };
      }),
  );
}

function pointKey(m: TrajectoryCoordinates, epoch: number): string {
  return keyOf(m.init, m.dataset, m.nullModel, m.size, m.topology, epoch);
}

export function trajectorySeeds(ensemble: EnsembleResults): TrajectorySeedRow[] {
  return ensemble.replicates.flatMap((rep) =>
    seedSnapshots(rep).map((v) => ({
      architecture: rep.architecture,
      seed: rep.seed,
      ...v.meta,
      edges: v.edges,
      z: v.value,
    })),
  );
}

export function trajectories(
  ensemble: EnsembleResults,
  learning: readonly LearningRow[],
): TrajectoryPoint[] {
  const accuracy = new Map(
    learning.map((l) => [keyOf(l.architecture, l.init, l.dataset, l.epoch), l.valAccuracy]),
  );
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const aligned = alignBySeed(reps.map(seedSnapshots));
    const points: TrajectoryPoint[] = [];
    for (const a of aligned.values()) {
      const m = a.meta;
      const start = m.epoch === 0 ? undefined : aligned.get(pointKey(m, 0));
      points.push({
        architecture,
        init: m.init,
        dataset: m.dataset,
        nullModel: m.nullModel,
        size: m.size,
        topology: m.topology,
        topologyName: m.topologyName,
        epoch: m.epoch,
        z: summarise(a.values),
        sinceStart: start ? pairedSummary(start.values, a.values) : null,
        valAccuracy: accuracy.get(keyOf(architecture, m.init, m.dataset, m.epoch)) ?? null,
      });
    }
    return points.sort(
      (p, q) =>
        p.init.localeCompare(q.init) ||
        p.dataset.localeCompare(q.dataset) ||
        p.nullModel.localeCompare(q.nullModel) ||
        p.size - q.size ||
        p.topologyName.localeCompare(q.topologyName) ||
        p.epoch - q.epoch,
    );
  });
}

export function trajectoryTable(points: readonly TrajectoryPoint[]): TrajectoryTableRow[] {
  return points.map((p) => ({
    architecture: p.architecture,
    init: p.init,
    dataset: p.dataset,
    nullModel: p.nullModel,
    size: p.size,
    topology: p.topology,
    topologyName: p.topologyName,
    epoch: p.epoch,
    seeds: p.z.seeds,
    zMean: p.z.mean,
    zLo: p.z.lo,
    zHi: p.z.hi,
    sinceStartMean: p.sinceStart?.mean ?? null,
    sinceStartLo: p.sinceStart?.lo ?? null,
    sinceStartHi: p.sinceStart?.hi ?? null,
    sinceStartPSignFlip: p.sinceStart?.pSignFlip ?? null,
    valAccuracyMean: p.valAccuracy?.mean ?? null,
    valAccuracyLo: p.valAccuracy?.lo ?? null,
    valAccuracyHi: p.valAccuracy?.hi ?? null,
  }));
}
