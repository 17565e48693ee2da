/**
 * Z of every named topology at the topology level (the uncoloured censuses, SPEC §7 "Topology
 * first") across the seeds of an architecture: per init × network (initial or data set) × null ×
 * size, the mean Z with its t-interval, and the per-seed values beside it.
 */
import { motifName } from "../motif-names.js";
import { topologyLevel } from "../topology-level.js";
import { alignBySeed, keyOf, summarise, type SeedSummary, type SeedValue } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

/** Where a topology-level Z sits in a replicate. */
export interface TopologyCoordinates {
  readonly init: string;
  /** "initial" or the data set. */
  readonly network: string;
  readonly stage: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
}

export interface TopologyZSeedRow extends TopologyCoordinates {
  readonly architecture: string;
  readonly seed: number;
  readonly z: number | null;
}

export interface TopologyZRow extends TopologyCoordinates, SeedSummary {
  readonly architecture: string;
}

/** One replicate's topology-level Z of the named topologies (null: undefined Z). */
export function seedTopologyZ(
  results: Parameters<typeof topologyLevel>[0],
): SeedValue<TopologyCoordinates>[] {
  return topologyLevel(results)
    .filter((r) => motifName(r.topology) !== null)
    .map((r) => {
      const meta: TopologyCoordinates = {
        init: r.init,
        network: r.network,
        stage: r.stage,
        nullModel: r.nullModel,
        size: r.size,
        topology: r.topology,
        topologyName: r.topologyName,
      };
      return { key: topologyKeyOf(meta), meta, value: r.z };
    });
}

export function topologyKeyOf(m: TopologyCoordinates): string {
  return keyOf(m.init, m.network, m.nullModel, m.size, m.topology);
}

/** Per architecture, its seeds' topology-level Z aligned by coordinates. */
export function alignedTopologyZ(ensemble: EnsembleResults) {
  return architecturesOf(ensemble).map((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    return {
      architecture,
      seeds: reps.map((r) => r.seed),
      aligned: alignBySeed(reps.map((r) => seedTopologyZ(r.results))),
    };
  });
}

export function topologyZSeeds(ensemble: EnsembleResults): TopologyZSeedRow[] {
  return ensemble.replicates.flatMap((rep) =>
    seedTopologyZ(rep.results).map((v) => ({
      architecture: rep.architecture,
      seed: rep.seed,
      ...v.meta,
      z: v.value,
    })),
  );
}

export function topologyZ(ensemble: EnsembleResults): TopologyZRow[] {
  return alignedTopologyZ(ensemble).flatMap(({ architecture, aligned }) =>
    [...aligned.values()].map((a) => ({ architecture, ...a.meta, ...summarise(a.values) })),
  );
}
