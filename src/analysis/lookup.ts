/** Small shared lookups over StudyResults (internal to the analyses). */
import type { CensusRecord, GraphRecord, StudyResults } from "./study-results.js";

/** The network a graph stands for: its data set, or "initial" for the untrained network. */
export function networkLabel(g: GraphRecord): string {
  return g.stage === "initial" ? "initial" : (g.dataset ?? "trained");
}

export function graphById(results: StudyResults): Map<string, GraphRecord> {
  return new Map(results.graphs.map((g) => [g.id, g]));
}

/** The census of a graph × size × null, or undefined. */
export function findCensus(
  results: StudyResults,
  graphId: string,
  size: number,
  nullModel: string,
): CensusRecord | undefined {
  return results.censuses.find(
    (c) => c.graphId === graphId && c.size === size && c.nullModel === nullModel,
  );
}

/** The initial graph of an init scheme, or undefined. */
export function initialGraph(results: StudyResults, init: string): GraphRecord | undefined {
  return results.graphs.find((g) => g.init === init && g.stage === "initial");
}

/** The trained graph of an init scheme on a data set, or undefined. */
export function trainedGraph(
  results: StudyResults,
  init: string,
  dataset: string,
): GraphRecord | undefined {
  return results.graphs.find(
    (g) => g.init === init && g.stage === "trained" && g.dataset === dataset,
  );
}

/** Median of the finite values, or null when there are none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v));
  return xs.length === 0 ? null : xs.reduce((s, v) => s + v, 0) / xs.length;
}
