/**
 * Sensitivity to the binning cut-off c (SPEC §4.3): for every cut-off of the sweep × null ×
 * network, the edges kept per colour, the Z of the diamond and the bi-fan (their most significant
 * coloured variant, with its BH q across the variants, as in the topology tables) and how many
 * 4-node topologies are significantly over-represented.
 */
import { censusClasses } from "./census-classes.js";
import { median } from "./median.js";
import { namedTopologyKey } from "./motif-names.js";
import {
  networkLabel,
  type GraphRecord,
  type SensitivityRecord,
  type StudyResults,
} from "./study-results.js";
import { topologyVariants, type TopologyVariantRow } from "./topology-variants.js";

export interface CutoffSensitivityRow {
  readonly cutoff: number;
  /** This cut-off is the study's own (`graphs.cutoff`). */
  readonly isDefault: boolean;
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly nullModel: string;
  readonly edgesKept: number;
  /** Edges per colour, "1:103 2:398 3:49" (colours present only). */
  readonly edgesPerColour: string;
  readonly diamondZ: number | null;
  readonly diamondQ: number | null;
  readonly bifanZ: number | null;
  readonly bifanQ: number | null;
  /** The diamond's and the bi-fan's most significant variant is significant (significance.ts). */
  readonly diamondSignificant: boolean;
  readonly bifanSignificant: boolean;
  /** Topologies of this size whose most significant variant is over-represented (q < 0.05). */
  readonly significantTopologies: number;
  readonly topologies: number;
}

/** The study's own cut-off, or null when its binning has none. */
function studyCutoff(results: StudyResults): number | null {
  const graphs = results.config.graphs;
  return graphs?.binning === "paper" && typeof graphs.cutoff === "number" ? graphs.cutoff : null;
}

/** The sweep's graphs as GraphRecords (no weights: the census tables do not read them). */
function asGraphRecords(record: SensitivityRecord): GraphRecord[] {
  return record.graphs.map((g) => ({
    ...g,
    layerSizes: [],
    weights: [],
    weightColours: [],
    fit: null,
  }));
}

/** One row per cut-off × census of the sweep, in sweep order; empty when the sweep is off. */
export function cutoffSensitivity(results: StudyResults): CutoffSensitivityRow[] {
  const byDefault = studyCutoff(results);
  const diamond = namedTopologyKey("diamond");
  const bifan = namedTopologyKey("bi-fan");
  const rows: CutoffSensitivityRow[] = [];
  for (const record of results.sensitivity ?? []) {
    const graphs = asGraphRecords(record);
    const variants = topologyVariants(
      censusClasses({ ...results, graphs, censuses: record.censuses }),
    );
    const byCensus = new Map<string, TopologyVariantRow[]>();
    for (const v of variants) {
      const key = `${v.graphId}\u0000${v.size}\u0000${v.nullModel}`;
      const list = byCensus.get(key) ?? [];
      list.push(v);
      byCensus.set(key, list);
    }
    for (const census of record.censuses) {
      const g = graphs.find((x) => x.id === census.graphId);
      const list = byCensus.get(`${census.graphId}\u0000${census.size}\u0000${census.nullModel}`);
      const found = (key: string) => list?.find((v) => v.topology === key);
      const perColour = Object.entries(g?.edgesPerColour ?? {});
      rows.push({
        cutoff: record.cutoff,
        isDefault: record.cutoff === byDefault,
        graphId: census.graphId,
        init: g?.init ?? "",
        network: g ? networkLabel(g) : "",
        stage: g?.stage ?? "",
        size: census.size,
        nullModel: census.nullModel,
        edgesKept: perColour.reduce((s, [, n]) => s + n, 0),
        edgesPerColour: perColour.map(([c, n]) => `${c}:${n}`).join(" "),
        diamondZ: found(diamond)?.maxZ ?? null,
        diamondQ: found(diamond)?.maxQ ?? null,
        bifanZ: found(bifan)?.maxZ ?? null,
        bifanQ: found(bifan)?.maxQ ?? null,
        diamondSignificant: found(diamond)?.significant ?? false,
        bifanSignificant: found(bifan)?.significant ?? false,
        significantTopologies: (list ?? []).filter((v) => v.significant).length,
        topologies: list?.length ?? 0,
      });
    }
  }
  return rows;
}

/** The sweep in one plain sentence (null when it is off or has no 4-node census). */
export function cutoffSensitivityFinding(
  rows: readonly CutoffSensitivityRow[],
  nullModels: readonly string[],
): string | null {
  const sized = rows.filter((r) => r.size === 4);
  if (sized.length === 0) return null;
  const present = [...new Set(sized.map((r) => r.nullModel))];
  const ref = nullModels.find((n) => present.includes(n)) ?? present[0];
  const trained = sized.filter((r) => r.nullModel === ref && r.stage === "trained");
  const pool = trained.length > 0 ? trained : sized.filter((r) => r.nullModel === ref);
  const cutoffs = [...new Set(pool.map((r) => r.cutoff))].sort((a, b) => a - b);
  const part = (
    name: string,
    pick: (r: CutoffSensitivityRow) => boolean,
    z: (r: CutoffSensitivityRow) => number | null,
  ): string => {
    const medianAt = (c: number) =>
      median(pool.filter((r) => r.cutoff === c).map((r) => z(r) ?? NaN));
    const [first, last] = [medianAt(cutoffs[0]), medianAt(cutoffs[cutoffs.length - 1])];
    const trend =
      cutoffs.length > 1 && first !== null && last !== null
        ? ` (median Z ${first.toFixed(1)} at c = ${cutoffs[0]}, ${last.toFixed(1)} at c = ${cutoffs[cutoffs.length - 1]})`
        : "";
    const n = pool.filter(pick).length;
    const verdict =
      n === pool.length
        ? "at every c"
        : n === 0
          ? "at no c"
          : `in ${n} of ${pool.length} (${cutoffs
              .map((c) => `${pool.filter((r) => r.cutoff === c && pick(r)).length} at ${c}`)
              .join(", ")})`;
    return `the ${name} is significant ${verdict}${trend}`;
  };
  const range = cutoffs.length > 1 ? `${cutoffs[0]} to ${cutoffs.at(-1)}` : `${cutoffs[0]}`;
  const n = pool.length / cutoffs.length;
  const what = `${n} ${trained.length > 0 ? "trained " : ""}network${n === 1 ? "" : "s"}`;
  return (
    `Sensitivity to the cut-off c (${range}, ${ref} randomisation, ${what}): ` +
    `${part(
      "diamond",
      (r) => r.diamondSignificant,
      (r) => r.diamondZ,
    )}, and ` +
    `${part(
      "bi-fan",
      (r) => r.bifanSignificant,
      (r) => r.bifanZ,
    )}.`
  );
}
