/**
 * Density control (SPEC §7 "Density", issue 7 item 5): initial vs trained at the paper binning and
 * at matched density (the initial network binned so each layer keeps the trained network's edges
 * per colour, binning.ts "matched"), both counted without colours. Per trained network, null, size
 * and named topology: Z of the trained network, of the initial at paper binning and of the initial
 * at matched density, and ΔZ = Z(trained) − Z(initial) at both densities. Beside it, Z against
 * edge count for every graph counted (the figure of the density section).
 */
import { namedTopologyKey } from "./motif-names.js";
import { topologyLevelRows, type TopologyLevelRow } from "./topology-level.js";
import type { StudyResults } from "./study-results.js";

/** The named topologies whose ΔZ the density control reports. */
export const DENSITY_TOPOLOGIES = ["diamond", "bi-fan"] as const;

export interface MatchedDensityRow {
  readonly init: string;
  readonly dataset: string;
  readonly trainedId: string;
  /** The matched initial graph's id. */
  readonly matchedId: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly trainedEdges: number;
  readonly initialEdges: number;
  readonly matchedEdges: number;
  readonly trainedZ: number | null;
  readonly initialZ: number | null;
  readonly matchedZ: number | null;
  /** Z(trained) − Z(initial, paper binning). */
  readonly deltaZPaper: number | null;
  /** Z(trained) − Z(initial, matched density). */
  readonly deltaZMatched: number | null;
}

export interface ZEdgesRow {
  readonly graphId: string;
  readonly stage: "initial" | "trained" | "matched";
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly edges: number;
  readonly z: number | null;
}

const total = (perColour: Readonly<Record<string, number>>): number =>
  Object.values(perColour).reduce((a, n) => a + n, 0);

const diff = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : a - b;

function zOf(
  rows: readonly TopologyLevelRow[],
  graphId: string,
  nullModel: string,
  size: number,
  key: string,
): number | null {
  return (
    rows.find(
      (r) =>
        r.graphId === graphId && r.nullModel === nullModel && r.size === size && r.topology === key,
    )?.z ?? null
  );
}

export function matchedDensity(results: StudyResults): MatchedDensityRow[] {
  const topo = topologyLevelRows(results.topologyCensuses ?? [], results.graphs);
  const graphs = new Map(results.graphs.map((g) => [g.id, g]));
  const out: MatchedDensityRow[] = [];
  for (const m of results.matched ?? []) {
    const matchedRows = topologyLevelRows(m.censuses, []);
    const initialId = `${m.init}-initial`;
    for (const c of m.censuses) {
      for (const name of DENSITY_TOPOLOGIES) {
        const key = namedTopologyKey(name);
        if (Math.round(Math.sqrt(key.length)) !== c.size) continue;
        const trainedZ = zOf(topo, m.trainedId, c.nullModel, c.size, key);
        const initialZ = zOf(topo, initialId, c.nullModel, c.size, key);
        const matchedZ = zOf(matchedRows, m.graphId, c.nullModel, c.size, key);
        out.push({
          init: m.init,
          dataset: m.dataset,
          trainedId: m.trainedId,
          matchedId: m.graphId,
          nullModel: c.nullModel,
          size: c.size,
          topology: name,
          trainedEdges: total(m.trainedEdgesPerColour),
          initialEdges: total(graphs.get(initialId)?.edgesPerColour ?? {}),
          matchedEdges: total(m.initialEdgesPerColour),
          trainedZ,
          initialZ,
          matchedZ,
          deltaZPaper: diff(trainedZ, initialZ),
          deltaZMatched: diff(trainedZ, matchedZ),
        });
      }
    }
  }
  return out;
}

/** Z of the named topologies against each graph's edge count (paper and matched graphs). */
export function zAgainstEdges(rows: readonly MatchedDensityRow[]): ZEdgesRow[] {
  const seen = new Set<string>();
  const out: ZEdgesRow[] = [];
  const add = (r: Omit<ZEdgesRow, "nullModel" | "size" | "topology">, of: MatchedDensityRow) => {
    const id = `${r.graphId}\u0000${r.stage}\u0000${of.nullModel}\u0000${of.size}\u0000${of.topology}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ ...r, nullModel: of.nullModel, size: of.size, topology: of.topology });
  };
  for (const r of rows) {
    add({ graphId: r.trainedId, stage: "trained", edges: r.trainedEdges, z: r.trainedZ }, r);
    add(
      { graphId: `${r.init}-initial`, stage: "initial", edges: r.initialEdges, z: r.initialZ },
      r,
    );
    add({ graphId: r.matchedId, stage: "matched", edges: r.matchedEdges, z: r.matchedZ }, r);
  }
  return out;
}
