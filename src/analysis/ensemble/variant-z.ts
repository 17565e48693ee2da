/**
 * The coloured censuses across seeds, as the one-seed analysis reports them per topology
 * (topology-variants.ts): per named topology, the Z of its most significant coloured variant
 * (max Z: a biased selection, SPEC §7) and of its most typical one, mean and t-interval across
 * seeds. The selection is made in each seed separately, so the max-Z mean inherits its bias.
 */
import { censusClasses } from "../census-classes.js";
import { motifName } from "../motif-names.js";
import { topologyVariants } from "../topology-variants.js";
import { alignBySeed, keyOf, summarise } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";
import type { TopologyCoordinates } from "./topology-z.js";

/** Flattened for the CSV: one column per summary field. */
export interface VariantZTableRow extends TopologyCoordinates {
  readonly architecture: string;
  readonly seeds: number;
  readonly maxZMean: number | null;
  readonly maxZLo: number | null;
  readonly maxZHi: number | null;
  readonly typicalZMean: number | null;
  readonly typicalZLo: number | null;
  readonly typicalZHi: number | null;
}

export function variantZ(ensemble: EnsembleResults): VariantZTableRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const perSeed = reps.map((rep) =>
      topologyVariants(censusClasses(rep.results))
        .filter((v) => motifName(v.topology) !== null)
        .map((v) => {
          const meta: TopologyCoordinates = {
            init: v.init,
            network: v.network,
            stage: v.stage,
            nullModel: v.nullModel,
            size: v.size,
            topology: v.topology,
            topologyName: v.topologyName,
          };
          return { meta, max: v.maxZ, typical: v.typicalZ };
        }),
    );
    const key = (m: TopologyCoordinates) =>
      keyOf(m.init, m.network, m.nullModel, m.size, m.topology);
    const max = alignBySeed(
      perSeed.map((s) => s.map((v) => ({ key: key(v.meta), meta: v.meta, value: v.max }))),
    );
    const typical = alignBySeed(
      perSeed.map((s) => s.map((v) => ({ key: key(v.meta), meta: v.meta, value: v.typical }))),
    );
    return [...max.entries()].map(([k, a]) => {
      const m = summarise(a.values);
      const t = summarise(typical.get(k)?.values ?? []);
      return {
        architecture,
        ...a.meta,
        seeds: m.seeds,
        maxZMean: m.mean,
        maxZLo: m.lo,
        maxZHi: m.hi,
        typicalZMean: t.mean,
        typicalZLo: t.lo,
        typicalZHi: t.hi,
      };
    });
  });
}
