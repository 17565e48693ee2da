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
  const values = points.map((p) => ({
    ...p,
    topologyName: shortName(p.topologyName),
    lo: Number.isNaN(p.lo) ? p.sp : p.lo,
    hi: Number.isNaN(p.hi) ? p.sp : p.hi,
    kind: p.series === p.reference ? "reference" : "study graphs",
  }));
  const references = [...new Set(points.map((p) => p.reference))];
  const seriesScale = networkScale(o.datasets) as { domain: string[]; range: string[] };
  const domain = [...references, ...seriesScale.domain];
  const range = [...references.map(() => "#000000"), ...seriesScale.range];
  const x = {
    field: "topologyName",
    type: "nominal",
    title: null,
    axis: { labelAngle: -35, labelLimit: 200 },
  };
  return {
    name: `biology-profiles-size-${o.size}`,
    title: `${o.size}-node significance profiles against the reference networks (${o.nullModel} null)`,
    caption:
      "SP = Z / √ΣZ² with Z on counts, from uncoloured censuses. Black: the reference network's SP; " +
      "coloured: the mean SP of the study's graphs of each kind (initial, or trained on a data " +
      "set) with its Student-t 95 % interval over those graphs (seeds × initialisations). Only " +
      "topologies with a defined Z in the reference and in the study's graphs are shown.",
    spec: {
      ...topLevel(values),
      facet: { column: { field: "reference", type: "nominal", title: "reference network" } },
      resolve: { scale: { x: "independent" } },
      spec: {
        width: 300,
        height: 170,
        layer: [
          { mark: { type: "rule", color: "#bbbbbb" }, encoding: { y: { datum: 0 } } },
          {
            mark: { type: "rule", strokeWidth: 1.5 },
            encoding: {
              x,
              xOffset: { field: "series", type: "nominal", sort: domain },
              y: { field: "lo", type: "quantitative", title: "SP" },
              y2: { field: "hi" },
              color: { field: "series", type: "nominal", title: null, scale: { domain, range } },
            },
          },
          {
            mark: { type: "point", filled: true, size: 45 },
            encoding: {
              x,
              xOffset: { field: "series", type: "nominal", sort: domain },
              y: { field: "sp", type: "quantitative", title: "SP" },
              shape: { field: "kind", type: "nominal", title: null },
              color: { field: "series", type: "nominal", title: null, scale: { domain, range } },
              tooltip: [
                { field: "series" },
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
