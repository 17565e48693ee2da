/**
 * Figures of the threshold-free weighted motifs (issue 9 item 5): per topology, the Z of the total
 * intensity and of the mean coherence against the weight-shuffle null, for every network of one
 * size (points), and across seeds with 95 % t-interval error bars (initial and trained).
 */
import type { WeightedEnsembleRow } from "../analysis/ensemble/weighted-ensemble.js";
import type { WeightedMotifRow } from "../analysis/weighted-motifs.js";
import { networkScale, topLevel, type Figure } from "./figure-spec.js";

const STATISTICS = ["total intensity", "mean coherence"] as const;
const NO_CUTOFF =
  "No cut-off: the full weighted graph (every kernel weight an edge, its sign the colour).";

/** Z per topology for every network of one size, intensity and coherence side by side. */
export function weightedZFigure(
  rows: readonly WeightedMotifRow[],
  size: number,
  datasets: readonly string[],
): Figure {
  const values = rows
    .filter((r) => r.size === size)
    .flatMap((r) => [
      { ...r, statistic: "total intensity", z: r.intensityZ },
      { ...r, statistic: "mean coherence", z: r.coherenceZ },
    ])
    .filter((v) => v.z !== null)
    .map((v) => ({ ...v, label: v.topologyName.split(" #")[0] }));
  const shuffles = Math.max(0, ...rows.map((r) => r.randomNetworks));
  return {
    name: `weighted-z-size-${size}`,
    title: `Weighted motifs, ${size}-node topologies: Z against the weight shuffle`,
    caption:
      `${NO_CUTOFF} Each point is one network (colour: initial or the data set it was trained on, ` +
      `shape: init); Z of the topology's total intensity and mean coherence (Onnela et al. 2005) ` +
      `against ${shuffles} networks with each layer's weights permuted. Dashed lines: Z = ±2.`,
    spec: {
      // The ±2 guides once per panel (a row without the facet field would make a panel of its own).
      ...topLevel([
        ...values,
        ...STATISTICS.flatMap((statistic) => [-2, 2].map((rule) => ({ statistic, rule }))),
      ]),
      facet: {
        column: {
          field: "statistic",
          type: "nominal",
          title: null,
          sort: [...STATISTICS],
        },
      },
      spec: {
        width: 260,
        height: { step: 22 },
        layer: [
          {
            transform: [{ filter: "isValid(datum.rule)" }],
            mark: { type: "rule", color: "#999999", strokeDash: [4, 3] },
            encoding: { x: { field: "rule", type: "quantitative" } },
          },
          {
            transform: [{ filter: "!isValid(datum.rule)" }],
            mark: { type: "point", filled: true, size: 45, opacity: 0.8 },
            encoding: {
              y: { field: "label", type: "nominal", title: null },
              x: { field: "z", type: "quantitative", title: "Z (weight shuffle)" },
              color: {
                field: "network",
                type: "nominal",
                title: "network",
                scale: networkScale(datasets),
              },
              shape: { field: "init", type: "nominal", title: "init" },
            },
          },
        ],
      },
      resolve: { scale: { x: "independent" } },
    },
  };
}

/** Across seeds: mean Z with 95 % t-intervals, initial and trained, per topology of one size. */
export function weightedEnsembleFigure(
  rows: readonly WeightedEnsembleRow[],
  size: number,
  architecture: string,
): Figure {
  const values = rows
    .filter(
      (r) => r.size === size && r.architecture === architecture && r.statistic !== "evenShare",
    )
    .flatMap((r) => {
      const statistic = r.statistic === "intensity" ? "total intensity" : "mean coherence";
      const label = r.topologyName.split(" #")[0];
      const network = `${r.init} / ${r.dataset}`;
      return [
        {
          label,
          statistic,
          network,
          stage: "initial",
          mean: r.initialMean,
          lo: r.initialLo,
          hi: r.initialHi,
          seeds: r.seeds,
        },
        {
          label,
          statistic,
          network,
          stage: "trained",
          mean: r.trainedMean,
          lo: r.trainedLo,
          hi: r.trainedHi,
          seeds: r.seeds,
        },
      ];
    })
    .filter((v) => Number.isFinite(v.mean));
  const seeds = Math.max(0, ...values.map((v) => v.seeds));
  return {
    name: `weighted-ensemble-size-${size}-${architecture}`,
    title: `Weighted motifs across seeds (${architecture}), ${size}-node topologies`,
    caption:
      `${NO_CUTOFF} Mean Z against the weight shuffle over up to ${seeds} seeds, with 95 % ` +
      `Student-t intervals across seeds (no bar: one seed), in the initial and the trained network ` +
      `of each init and data set.`,
    spec: {
      ...topLevel(values),
      facet: {
        column: {
          field: "statistic",
          type: "nominal",
          title: null,
          sort: [...STATISTICS],
        },
        row: { field: "network", type: "nominal", title: null },
      },
      spec: {
        width: 240,
        height: { step: 22 },
        layer: [
          {
            mark: { type: "rule" },
            encoding: {
              y: { field: "label", type: "nominal", title: null },
              yOffset: { field: "stage" },
              x: { field: "lo", type: "quantitative", title: "mean Z (weight shuffle)" },
              x2: { field: "hi" },
              color: {
                field: "stage",
                type: "nominal",
                title: null,
                scale: { domain: ["initial", "trained"], range: ["#999999", "#e45756"] },
              },
            },
          },
          {
            mark: { type: "point", filled: true, size: 40 },
            encoding: {
              y: { field: "label", type: "nominal", title: null },
              yOffset: { field: "stage" },
              x: { field: "mean", type: "quantitative" },
              color: { field: "stage", type: "nominal", title: null },
            },
          },
        ],
      },
      resolve: { scale: { x: "independent" } },
    },
  };
}
