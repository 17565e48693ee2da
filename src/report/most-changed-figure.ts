/** The coloured classes whose Z changed most through training, per null model. */
import type { MostChangedRow } from "../analysis/z-changes.js";
import { colourKeyText, initScale, topLevel, type Figure } from "./figure-spec.js";

/** The colours of a class's edges in key order, e.g. "2212": tells apart variants of one topology. */
export function edgeColourDigits(motif: string): string {
  return motif.split("/")[0].replace(/[^1-9]/g, "");
}

export function mostChangedFigure(
  rows: readonly MostChangedRow[],
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
  binning?: string,
): Figure {
  const sized = rows.filter((r) => r.size === size);
  const base = (r: MostChangedRow): string =>
    `${r.topologyName.split(" #")[0]} ${edgeColourDigits(r.motif)} (${r.init}/${r.dataset})`;
  const group = (r: MostChangedRow): string => `${r.nullModel}\u0000${base(r)}`;
  // Two colourings of a topology can list the same digits: then the class key tells them apart.
  const times = new Map<string, number>();
  for (const r of sized) times.set(group(r), (times.get(group(r)) ?? 0) + 1);
  const values = sized.map((r) => ({
    ...r,
    label: `${r.rank}. ${base(r)}${(times.get(group(r)) ?? 0) > 1 ? ` [${r.motif}]` : ""}`,
  }));
  const drawn = nullModels.filter((n) => values.some((v) => v.nullModel === n));
  return {
    name: `most-changed-size-${size}`,
    title: `Most changed ${size}-node classes`,
    caption:
      "The classes with the largest |ΔZ| under each null model: rank, topology, the colours of its " +
      `edges (${colourKeyText(binning)}) and the network; the table below draws each class.`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "nullModel", type: "nominal", title: "null model", sort: drawn },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 300,
        mark: { type: "bar" },
        encoding: {
          y: {
            field: "label",
            type: "nominal",
            title: null,
            sort: { field: "rank" },
            axis: { labelLimit: 0 },
          },
          x: { field: "deltaZ", type: "quantitative", title: "ΔZ" },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
        },
      },
    },
  };
}
