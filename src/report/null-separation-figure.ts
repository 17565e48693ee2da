/**
 * Per named topology and null, the trained networks' mean Z across seeds with its t-interval,
 * coloured by the decision (BH over the stated family): does the trained network differ from the
 * null? One panel per null (columns) and initialisation (rows), the data sets offset.
 */
import type { NullSeparationRow, Separation } from "../analysis/ensemble/null-separation.js";
import { topLevel, type Figure } from "./figure-spec.js";
import { shortTopology } from "./html.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";

const DECISIONS: readonly Separation[] = ["above", "below", "not separated", "no test"];
const DECISION_COLOURS = ["#d7191c", "#2c7bb6", "#999999", "#dddddd"];

export function nullSeparationFigure(
  rows: readonly NullSeparationRow[],
  architecture: string,
  size: number,
  datasets: readonly string[],
): Figure {
  const own = rows.filter(
    (r) => r.architecture === architecture && r.size === size && r.mean !== null,
  );
  const values = own.map((r) => ({ ...r, label: shortTopology(r.topologyName) }));
  const topologies = [...new Set(values.map((v) => v.label))];
  const seeds = Math.max(0, ...own.map((r) => r.seeds));
  return {
    name: `null-separation-${architecture}-size-${size}`,
    title: `Trained networks against each null, ${size}-node, ${architecture}`,
    caption:
      `Mean Z of each named ${size}-node topology in the trained networks (data sets offset); ` +
      `${seedsPhrase(seeds)}. Colour: the decision, BH over each null × size at q < 0.05.`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "init", type: "nominal", title: "initialisation" },
        column: { field: "nullModel", type: "nominal", title: "null" },
      },
      resolve: { scale: { x: "independent" } },
      spec: {
        width: 240,
        height: Math.max(60, topologies.length * 20),
        layer: intervalLayers({
          y: { field: "label", type: "nominal", title: null, sort: topologies },
          yOffset: { field: "dataset", type: "nominal", sort: [...datasets] },
          color: {
            field: "decision",
            type: "nominal",
            title: "decision",
            scale: { domain: [...DECISIONS], range: DECISION_COLOURS },
          },
          xTitle: "mean Z (trained)",
          zeroRule: true,
          tooltip: [
            { field: "label", title: "topology" },
            { field: "dataset" },
            { field: "mean", format: ".2f" },
            { field: "lo", format: ".2f" },
            { field: "hi", format: ".2f" },
            { field: "q", format: ".3g" },
            { field: "pSignFlip", title: "sign-flip p", format: ".3g" },
          ],
        }),
      },
    },
  };
}
