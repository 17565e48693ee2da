/**
 * Edges per colour across seeds (SPEC §8): per architecture × init × network × colour, the mean
 * edge count with its t-interval; a seed whose graph has no edge of a colour counts 0 (a count,
 * unlike a Z, is defined whenever the graph is).
 */
import { edgesPerColour } from "../edges-per-colour.js";
import { alignBySeed, keyOf, summarise, type SeedSummary } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

export interface EdgesCoordinates {
  readonly init: string;
  readonly network: string;
  readonly colour: string;
}

export interface EdgesRow extends EdgesCoordinates, SeedSummary {
  readonly architecture: string;
}

export interface EdgesSeedRow extends EdgesCoordinates {
  readonly architecture: string;
  readonly seed: number;
  readonly edges: number;
}

export function edgesSeeds(ensemble: EnsembleResults): EdgesSeedRow[] {
  return ensemble.replicates.flatMap((rep) =>
    edgesPerColour(rep.results).map((r) => ({
      architecture: rep.architecture,
      seed: rep.seed,
      init: r.init,
      network: r.network,
      colour: r.colour,
      edges: r.edges,
    })),
  );
}

export function edgesAcrossSeeds(ensemble: EnsembleResults): EdgesRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const reps = replicatesOf(ensemble, architecture);
    const aligned = alignBySeed(
      reps.map((rep) =>
        edgesPerColour(rep.results).map((r) => {
          const meta: EdgesCoordinates = { init: r.init, network: r.network, colour: r.colour };
          return { key: keyOf(r.init, r.network, r.colour), meta, value: r.edges };
        }),
      ),
    );
    return [...aligned.values()].map((a) => ({
      architecture,
      ...a.meta,
      ...summarise(a.values.map((v) => v ?? 0)),
    }));
  });
}
