/** Edges per colour of every graph (SPEC §8), and the share of weights kept as edges. */
import { networkLabel } from "./study-results.js";
import type { StudyResults } from "./study-results.js";

export interface EdgesPerColourRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly colour: string;
  readonly edges: number;
  /** edges / number of weights of the network. */
  readonly share: number;
}

export function edgesPerColour(results: StudyResults): EdgesPerColourRow[] {
  const rows: EdgesPerColourRow[] = [];
  for (const g of results.graphs) {
    let counts: Record<string, number> = { ...g.edgesPerColour };
    if (Object.keys(counts).length === 0) {
      counts = {};
      for (const c of g.weightColours) if (c > 0) counts[String(c)] = (counts[String(c)] ?? 0) + 1;
    }
    for (const colour of Object.keys(counts).sort()) {
      rows.push({
        graphId: g.id,
        init: g.init,
        network: networkLabel(g),
        colour,
        edges: counts[colour],
        share: g.weights.length > 0 ? counts[colour] / g.weights.length : 0,
      });
    }
  }
  return rows;
}
