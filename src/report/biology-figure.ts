/**
 * The study graphs' topology-level significance profiles against each reference network's
 * (SPEC §10.3): per topology the reference's SP (a point), and per network kind (initial, each
 * data set) the mean SP over its graphs with a Student-t 95 % interval (error bars), one panel per
 * reference network.
 */
import { topologyProfile, type ProfileEntry } from "../analysis/biological-comparison.js";
import type { CensusRecord, ReferenceCensus } from "../analysis/study-results.js";
import { meanInterval } from "../stats/confidence.js";
import { networkScale, topLevel, type Figure } from "./figure-spec.js";

/** A study graph's uncoloured census with the network kind it stands for. */
export interface ProfiledGraph {
  /** "initial" or the data set. */
  readonly network: string;
  readonly census: CensusRecord;
}

export interface BiologyProfilePoint {
  readonly reference: string;
  readonly topology: string;
  readonly topologyName: string;
  /** The reference's own name, or the network kind of the study graphs. */
  readonly series: string;
  readonly sp: number;
  /** Interval of the mean over `n` graphs (equal to sp for the reference; NaN below 2 graphs). */
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

/**
 * The figure's points at one size: for each reference, its SP over its topologies, and for each
 * network kind the mean SP of its graphs on the topologies it shares with the reference.
 */
export function biologyProfilePoints(
  graphs: readonly ProfiledGraph[],
  references: readonly ReferenceCensus[],
  size: number,
): BiologyProfilePoint[] {
  const out: BiologyProfilePoint[] = [];
  for (const ref of references) {
    if (ref.census.size !== size) continue;
    const refProfile = topologyProfile(ref.census);
    const refTopologies = new Set(refProfile.map((e) => e.topology));
    const bySeries = new Map<string, Map<string, { name: string; sps: number[] }>>();
    for (const g of graphs) {
      if (g.census.size !== size || g.census.nullModel !== ref.census.nullModel) continue;
      const series = bySeries.get(g.network) ?? new Map<string, { name: string; sps: number[] }>();
      for (const e of topologyProfile(g.census)) {
        if (!refTopologies.has(e.topology)) continue;
        const cell = series.get(e.topology) ?? { name: e.topologyName, sps: [] };
        cell.sps.push(e.sp);
        series.set(e.topology, cell);
      }
      bySeries.set(g.network, series);
    }
    const shared = new Set([...bySeries.values()].flatMap((s) => [...s.keys()]));
    for (const e of refProfile as ProfileEntry[]) {
      if (!shared.has(e.topology)) continue;
      out.push({
        reference: ref.name,
        topology: e.topology,
        topologyName: e.topologyName,
        series: ref.name,
        sp: e.sp,
        lo: e.sp,
        hi: e.sp,
        n: 1,
      });
    }
    for (const [series, cells] of bySeries) {
      for (const [topology, cell] of cells) {
        const m = meanInterval(cell.sps);
        out.push({
          reference: ref.name,
          topology,
          topologyName: cell.name,
          series,
          sp: m.mean,
          lo: m.lo,
          hi: m.hi,
          n: m.n,
        });
      }
    }
  }
  return out;
}

function shortName(name: string): string {
  return name.split(" #")[0] === name ? name : `#${name.split(" #")[1]}`;
}

export function biologyProfileFigure(
  points: readonly BiologyProfilePoint[],
  o: { readonly size: number; readonly datasets: readonly string[]; readonly nullModel: string },
): Figure {
  const references = [...new Set(points.map((p) => p.reference))];
  const seriesScale = networkScale(o.datasets) as { domain: string[]; range: string[] };
  const series = ["reference", ...seriesScale.domain];
  const colours = ["#000000", ...seriesScale.range];
  // One topology order for every panel; series side by side within a topology (numeric x, so
  // that the offsets do not depend on the renderer's support for offset channels).
  const names = [...new Set(points.map((p) => shortName(p.topologyName)))];
  const slot = (s: string): number => Math.max(0, series.indexOf(s));
  const width = 0.7 / series.length;
  const values = points.map((p) => {
    const kind = p.series === p.reference ? "reference" : p.series;
    return {
      ...p,
      topologyName: shortName(p.topologyName),
      kind,
      x: names.indexOf(shortName(p.topologyName)) + (slot(kind) - (series.length - 1) / 2) * width,
      lo: Number.isNaN(p.lo) ? p.sp : p.lo,
      hi: Number.isNaN(p.hi) ? p.sp : p.hi,
    };
  });
  const labels = `[${names.map((n) => JSON.stringify(n)).join(",")}][datum.value]`;
  const x = {
    field: "x",
    type: "quantitative",
    title: null,
    scale: { domain: [-0.5, names.length - 0.5], nice: false, zero: false },
    axis: {
      values: names.map((_, i) => i),
      labelExpr: labels,
      labelAngle: -35,
      labelLimit: 200,
      labelOverlap: false,
      grid: false,
    },
  };
  const colour = {
    field: "kind",
    type: "nominal",
    title: null,
    scale: { domain: series, range: colours },
  };
  return {
    name: `biology-profiles-size-${o.size}`,
    title: `${o.size}-node significance profiles against the reference networks (${o.nullModel} null)`,
    caption:
      "SP = Z / √ΣZ² with Z on counts, from uncoloured censuses. Black: the reference network's SP " +
      "(panel); coloured: the mean SP of the study's graphs of each kind (initial, or trained on a " +
      "data set) with its Student-t 95 % interval over those graphs (seeds × initialisations). " +
      "Only topologies with a defined Z in the reference and in the study's graphs are shown.",
    spec: {
      ...topLevel(values),
      facet: {
        column: {
          field: "reference",
          type: "nominal",
          title: "reference network",
          sort: references,
        },
      },
      spec: {
        width: Math.max(240, 44 * names.length),
        height: 170,
        layer: [
          { mark: { type: "rule", color: "#bbbbbb" }, encoding: { y: { datum: 0 } } },
          {
            mark: { type: "rule", strokeWidth: 1.5 },
            encoding: {
              x,
              y: { field: "lo", type: "quantitative", title: "SP" },
              y2: { field: "hi" },
              color: colour,
            },
          },
          {
            mark: { type: "point", filled: true, size: 40 },
            encoding: {
              x,
              y: { field: "sp", type: "quantitative", title: "SP" },
              color: colour,
              tooltip: [
                { field: "kind" },
                { field: "topologyName" },
                { field: "sp", format: ".3f" },
                { field: "n" },
              ],
            },
          },
        ],
      },
    },
  };
}
