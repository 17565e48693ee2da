/**
 * The significance profile across seeds (SPEC §7, Milo et al. 2004): per seed and uncoloured
 * census, SP_i = Z_i / sqrt(Σ_j Z_j²) over every topology of the census with a defined Z (the
 * norm includes unnamed topologies), then per named topology the mean SP with its t-interval.
 */
import { motifName } from "../motif-names.js";
import { topologyLevel } from "../topology-level.js";
import { alignBySeed, keyOf, summarise, type SeedSummary, type SeedValue } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";
import type { TopologyCoordinates } from "./topology-z.js";

export interface ProfileRow extends TopologyCoordinates, SeedSummary {
  readonly architecture: string;
}

/** One replicate's SP entries of the named topologies. */
export function seedProfile(
  results: Parameters<typeof topologyLevel>[0],
): SeedValue<TopologyCoordinates>[] {
  const rows = topologyLevel(results);
  const norms = new Map<string, number>();
  for (const r of rows) {
    if (r.z === null) continue;
    const k = keyOf(r.graphId, r.nullModel, r.size);
    norms.set(k, (norms.get(k) ?? 0) + r.z * r.z);
  }
  return rows
    .filter((r) => motifName(r.topology) !== null)
    .map((r) => {
      const norm = Math.sqrt(norms.get(keyOf(r.graphId, r.nullModel, r.size)) ?? 0);
      const meta: TopologyCoordinates = {
        init: r.init,
        network: r.network,
        stage: r.stage,
        nullModel: r.nullModel,
        size: r.size,
        topology: r.topology,
        topologyName: r.topologyName,
      };
      return {
        key: keyOf(r.init, r.network, r.nullModel, r.size, r.topology),
        meta,
        value: r.z === null || norm === 0 ? null : r.z / norm,
      };
    });
}

export function significanceProfile(ensemble: EnsembleResults): ProfileRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const aligned = alignBySeed(reps.map((r) => seedProfile(r.results)));
    return [...aligned.values()].map((a) => ({
      architecture,
      ...a.meta,
      ...summarise(a.values),
    }));
  });
}
