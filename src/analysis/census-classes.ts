/**
 * The census tables (SPEC §5, §7): one row per coloured class of each census, the census row
 * unchanged (class key, statistics, q-value over the census's family) plus where it comes from,
 * its uncoloured topology with a name when it has one, and the two decisions of significance.ts.
 */
import { motifName, topologyKey, topologyLabel } from "./motif-names.js";
import { isConstrained, significance, type Direction } from "./significance.js";
import {
  networkLabel,
  type CensusCoordinates,
  type MotifRecord,
  type StudyResults,
} from "./study-results.js";

/** A census row with its coordinates in the study and what the analyses derive from it. */
export type CensusClassRow = CensusCoordinates &
  MotifRecord & {
    /** Canonical uncoloured key of the class's topology. */
    readonly topology: string;
    readonly topologyName: string;
    readonly named: boolean;
    /** Count fixed by the null model (significance.ts). */
    readonly constrained: boolean;
    readonly significant: Direction;
  };

export function censusClasses(
  results: Pick<StudyResults, "graphs" | "censuses">,
): CensusClassRow[] {
  const graphs = new Map(results.graphs.map((g) => [g.id, g]));
  const rows: CensusClassRow[] = [];
  for (const census of results.censuses) {
    const g = graphs.get(census.graphId);
    for (const m of census.motifs) {
      rows.push({
        graphId: census.graphId,
        init: g?.init ?? "",
        network: g ? networkLabel(g) : "",
        stage: g?.stage ?? "",
        size: census.size,
        nullModel: census.nullModel,
        ...m,
        topology: topologyKey(m.adjacency),
        topologyName: topologyLabel(m.adjacency),
        named: motifName(m.adjacency) !== null,
        constrained: isConstrained(m),
        significant: significance(m),
      });
    }
  }
  return rows;
}
