/**
 * The census tables (SPEC §5, §7): one row per coloured class of each census, with its uncoloured
 * topology, a name when it has one, and a Benjamini–Hochberg q-value across the coloured variants
 * of the same topology in the same census.
 */
import { benjaminiHochberg } from "../stats/fdr.js";
import { networkLabel, graphById } from "./lookup.js";
import { colouredKey, motifName, topologyKey, topologyLabel } from "./motif-names.js";
import type { StudyResults } from "./study-results.js";

export interface CensusClassRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly nullModel: string;
  /** Canonical coloured key (k*k digits, row by row) — matches classes across censuses. */
  readonly motif: string;
  /** Canonical uncoloured key of the class's topology. */
  readonly topology: string;
  readonly topologyName: string;
  readonly named: boolean;
  readonly count: number;
  readonly frequency: number;
  readonly randomMean: number;
  readonly randomSd: number;
  readonly z: number | null;
  readonly pOver: number;
  readonly pUnder: number;
  /** BH-adjusted pOver across the variants of this topology in this census. */
  readonly qOver: number | null;
  readonly sp: number | null;
}

export function censusClasses(results: StudyResults): CensusClassRow[] {
  const graphs = graphById(results);
  const rows: CensusClassRow[] = [];
  for (const census of results.censuses) {
    const g = graphs.get(census.graphId);
    const byTopology = new Map<string, number[]>();
    const base = census.motifs.map((m, i) => {
      const topology = topologyKey(m.adjacency);
      const list = byTopology.get(topology) ?? [];
      list.push(i);
      byTopology.set(topology, list);
      return { m, topology };
    });
    const q = new Array<number | null>(census.motifs.length).fill(null);
    for (const indices of byTopology.values()) {
      const adjusted = benjaminiHochberg(indices.map((i) => census.motifs[i].pOver));
      indices.forEach((i, j) => (q[i] = adjusted[j]));
    }
    base.forEach(({ m, topology }, i) => {
      rows.push({
        graphId: census.graphId,
        init: g?.init ?? "",
        network: g ? networkLabel(g) : "",
        stage: g?.stage ?? "",
        size: census.size,
        nullModel: census.nullModel,
        motif: colouredKey(m.adjacency),
        topology,
        topologyName: topologyLabel(m.adjacency),
        named: motifName(m.adjacency) !== null,
        count: m.count,
        frequency: m.frequency,
        randomMean: m.randomMean,
        randomSd: m.randomSd,
        z: m.z,
        pOver: m.pOver,
        pUnder: m.pUnder,
        qOver: q[i],
        sp: m.sp,
      });
    });
  }
  return rows;
}
