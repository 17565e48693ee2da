/**
 * The topology level (SPEC §7 "Topology first", issue 7 item 4): one row per class of the
 * uncoloured censuses, i.e. per topology, with the census's own decision (significance.ts). This
 * is the primary result; the coloured variants (topology-variants.ts) refine it.
 */
import { topologyKey, topologyLabel } from "./motif-names.js";
import { isConstrained, significance, type Direction } from "./significance.js";
import {
  networkLabel,
  type CensusRecord,
  type StudyResults,
  type CensusCoordinates,
} from "./study-results.js";

export interface TopologyLevelRow extends CensusCoordinates {
  readonly topology: string;
  readonly topologyName: string;
  readonly count: number;
  readonly z: number | null;
  readonly pOver: number | null;
  readonly qOver: number | null;
  readonly constrained: boolean;
  readonly significant: Direction;
}

/** Rows of uncoloured censuses; `graphs` gives each census's network (absent: from the id). */
export function topologyLevelRows(
  censuses: readonly CensusRecord[],
  graphs: StudyResults["graphs"],
): TopologyLevelRow[] {
  const byId = new Map(graphs.map((g) => [g.id, g]));
  return censuses.flatMap((c) => {
    const g = byId.get(c.graphId);
    return c.motifs.map((m) => ({
      graphId: c.graphId,
      init: g?.init ?? "",
      network: g ? networkLabel(g) : "",
      stage: g?.stage ?? "",
      size: c.size,
      nullModel: c.nullModel,
      topology: topologyKey(m.adjacency),
      topologyName: topologyLabel(m.adjacency),
      count: m.count,
      z: isConstrained(m) ? null : m.z,
      pOver: m.pOver,
      qOver: m.qOver,
      constrained: isConstrained(m),
      significant: significance(m),
    }));
  });
}

/** The topology level of a study: its uncoloured censuses of the main graphs. */
export function topologyLevel(results: StudyResults): TopologyLevelRow[] {
  return topologyLevelRows(results.topologyCensuses ?? [], results.graphs);
}
