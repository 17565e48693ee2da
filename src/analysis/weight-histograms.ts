/**
 * Weight histograms of every network with the fitted normal of its init group and the colour
 * bands of the binning (SPEC §4.2, §8).
 */
import { normalPdf } from "../stats/normal-fit.js";
import { networkLabel } from "./study-results.js";
import type { StudyResults } from "./study-results.js";

export interface WeightHistogramRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly binStart: number;
  readonly binEnd: number;
  readonly count: number;
  /** count / (n · width): comparable with a density. */
  readonly density: number;
  /** The fitted normal's density at the bin's middle, null when the group has no fit. */
  readonly fittedDensity: number | null;
}

export interface ColourBandRow {
  readonly init: string;
  /** Bin 1..5 of SPEC §4.2. */
  readonly bin: number;
  /** Colour of the bin: 1 strong negative, 2 mild, 3 strong positive, 0 removed. */
  readonly colour: number;
  readonly start: number;
  readonly end: number;
}

const BIN_COLOURS = [1, 2, 0, 2, 3];

/** Histograms on a common grid per init scheme (`bins` equal bins over the group's range). */
export function weightHistograms(results: StudyResults, bins = 60): WeightHistogramRow[] {
  const rows: WeightHistogramRow[] = [];
  for (const init of results.inits) {
    const group = results.graphs.filter((g) => g.init === init);
    let lo = Infinity;
    let hi = -Infinity;
    for (const g of group) {
      for (const w of g.weights) {
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
    }
    if (!(hi > lo)) continue;
    const width = (hi - lo) / bins;
    for (const g of group) {
      const counts = new Array<number>(bins).fill(0);
      for (const w of g.weights) counts[Math.min(bins - 1, Math.floor((w - lo) / width))] += 1;
      counts.forEach((count, i) => {
        const start = lo + i * width;
        rows.push({
          graphId: g.id,
          init,
          network: networkLabel(g),
          binStart: start,
          binEnd: start + width,
          count,
          density: count / (g.weights.length * width),
          fittedDensity: g.fit ? normalPdf(start + width / 2, g.fit.mean, g.fit.sd) : null,
        });
      });
    }
  }
  return rows;
}

/** The five bands of each init scheme's bin edges. */
export function colourBands(results: StudyResults): ColourBandRow[] {
  const rows: ColourBandRow[] = [];
  for (const init of results.inits) {
    const edges = results.graphs.find((g) => g.init === init && g.binEdges)?.binEdges;
    if (!edges || edges.length !== 6) continue;
    for (let bin = 1; bin <= 5; bin++) {
      rows.push({
        init,
        bin,
        colour: BIN_COLOURS[bin - 1],
        start: edges[bin - 1],
        end: edges[bin],
      });
    }
  }
  return rows;
}
