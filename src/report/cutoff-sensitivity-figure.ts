/** Z of the diamond and the bi-fan against the binning cut-off c (SPEC §4.3), per init scheme. */
import type { CutoffSensitivityRow } from "../analysis/cutoff-sensitivity.js";
import { type Figure, initScale, referenceLayer, topLevel } from "./figure-spec.js";

const MOTIFS = ["diamond", "bi-fan"] as const;

/**
 * One panel per motif (rows) × null model (columns); x the cut-off, y the Z of the motif's most
 * significant coloured variant, one line per network coloured by init (dashed: the initial
 * network); a grey rule marks the study's own cut-off.
 */
export function cutoffSensitivityFigure(
  rows: readonly CutoffSensitivityRow[],
  inits: readonly string[],
  datasets: readonly string[],
  defaultCutoff: number | null,
): Figure {
  const sized = rows.filter((r) => r.size === 4);
  const nulls = [...new Set(sized.map((r) => r.nullModel))];
  const cutoffs = [...new Set(sized.map((r) => r.cutoff))].sort((a, b) => a - b);
  const values: object[] = [];
  for (const r of sized) {
    for (const motif of MOTIFS) {
      const z = motif === "diamond" ? r.diamondZ : r.bifanZ;
      const q = motif === "diamond" ? r.diamondQ : r.bifanQ;
      const significant = motif === "diamond" ? r.diamondSignificant : r.bifanSignificant;
      if (z === null) continue;
      values.push({
        kind: "point",
        motif,
        nullModel: r.nullModel,
        cutoff: r.cutoff,
        z,
        q,
        init: r.init,
        network: r.network,
        line: r.graphId,
        significant: significant ? "significant" : "not significant",
      });
    }
  }
  if (defaultCutoff !== null) {
    for (const motif of MOTIFS) {
      for (const nullModel of nulls)
        values.push({ kind: "default", motif, nullModel, cutoff: defaultCutoff });
    }
  }
  const lo = Math.min(...cutoffs, defaultCutoff ?? Infinity);
  const hi = Math.max(...cutoffs, defaultCutoff ?? -Infinity);
  const pad = Math.max((hi - lo) * 0.05, 0.01);
  const x = {
    field: "cutoff",
    type: "quantitative",
    title: "cut-off c",
    scale: { domain: [lo - pad, hi + pad], nice: false, zero: false },
  };
  return {
    name: "cutoff-sensitivity",
    title: "Sensitivity to the cut-off c: diamond and bi-fan",
    caption:
      "Z of the most significant coloured variant of the diamond and of the bi-fan (4-node) at each " +
      "cut-off c of the sweep, one line per network (colour: init; dashed: the initial network; " +
      "filled points: significant, see the methods). " +
      (defaultCutoff !== null
        ? `The grey rule marks the study's cut-off c = ${defaultCutoff}. `
        : "") +
      "Flat lines mean the finding does not depend on c.",
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "motif", type: "nominal", title: null, sort: [...MOTIFS] },
        column: { field: "nullModel", type: "nominal", title: "null model", sort: nulls },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 260,
        height: 170,
        layer: [
          {
            name: referenceLayer("study_cutoff"),
            transform: [{ filter: "datum.kind === 'default'" }],
            mark: { type: "rule", color: "#888888", strokeDash: [4, 3] },
            encoding: { x },
          },
          {
            transform: [{ filter: "datum.kind === 'point'" }],
            mark: { type: "line", strokeWidth: 1.5 },
            encoding: {
              x,
              y: { field: "z", type: "quantitative", title: "Z (max over variants)" },
              color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
              detail: { field: "line" },
              strokeDash: {
                field: "network",
                type: "nominal",
                title: "network",
                sort: ["initial", ...datasets],
                scale: {
                  domain: ["initial", ...datasets],
                  range: [[4, 3], ...datasets.map(() => [1, 0])],
                },
              },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'point'" }],
            mark: { type: "point", filled: true, size: 36, opacity: 1 },
            encoding: {
              x,
              y: { field: "z", type: "quantitative" },
              color: { field: "init", type: "nominal", scale: initScale(inits) },
              tooltip: [
                { field: "line", title: "network" },
                { field: "cutoff", title: "c" },
                { field: "z", title: "Z", format: ".2f" },
                { field: "q", title: "q", format: ".3f" },
              ],
            },
          },
          {
            // A white centre on the points that are not significant: hollow markers (size 0
            // elsewhere rather than a filter, which would leave some panels without data).
            transform: [{ filter: "datum.kind === 'point'" }],
            mark: { type: "point", filled: true, color: "white", opacity: 1 },
            encoding: {
              x,
              y: { field: "z", type: "quantitative" },
              size: {
                condition: { test: "datum.significant !== 'significant'", value: 10 },
                value: 0,
              },
            },
          },
        ],
      },
    },
  };
}
