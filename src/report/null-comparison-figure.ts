/**
 * The reference null vs another null per topology: Z under one against Z under the other. With
 * `otherNull` null the rows' first other null is drawn under the name null-comparison-size-k;
 * another null gets null-comparison-size-k-<null>.
 */
import type { NullComparisonRow } from "../analysis/null-comparison.js";
import { extent, initScale, referenceLayer, topLevel, type Figure } from "./figure-spec.js";

export function nullComparisonFigure(
  rows: readonly NullComparisonRow[],
  size: number,
  inits: readonly string[],
  otherNull: string | null = null,
): Figure {
  const sized = rows.filter((r) => r.size === size && r.zReference !== null && r.zOther !== null);
  const other = otherNull ?? sized[0]?.otherNull ?? "";
  const points = sized.filter((r) => r.otherNull === other);
  const ref = points[0]?.referenceNull ?? "";
  const zs = points.flatMap((p) => [p.zReference as number, p.zOther as number]);
  const [lo, hi] = extent(zs) ?? [-1, 1];
  const values: object[] = points.map((p) => ({
    kind: "point",
    ...p,
    label: p.topologyName.split(" #")[0],
    stageLabel: p.stage,
  }));
  values.push(
    { kind: "bisector", zReference: lo, zOther: lo },
    { kind: "bisector", zReference: hi, zOther: hi },
  );
  return {
    name: `null-comparison-size-${size}${otherNull === null ? "" : `-${otherNull}`}`,
    title: `The ${ref} vs the ${other} null, ${size}-node topologies`,
    caption:
      `Z of each topology's most significant variant in every network under the ${ref} null (x) and ` +
      `the ${other} null (y). Points far below the bisector lose their significance once the null ` +
      "keeps the layers.",
    spec: {
      ...topLevel(values),
      width: 340,
      height: 300,
      layer: [
        {
          name: referenceLayer("bisector"),
          transform: [{ filter: "datum.kind === 'bisector'" }],
          mark: { type: "line", color: "#999999", strokeDash: [4, 3] },
          encoding: {
            x: { field: "zReference", type: "quantitative" },
            y: { field: "zOther", type: "quantitative" },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'point'" }],
          mark: { type: "point", filled: true, size: 40, opacity: 0.75 },
          encoding: {
            x: {
              field: "zReference",
              type: "quantitative",
              title: `Z (${ref} null)`,
              scale: { domain: [lo, hi], zero: false },
            },
            y: {
              field: "zOther",
              type: "quantitative",
              title: `Z (${other} null)`,
              scale: { domain: [lo, hi], zero: false },
            },
            color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
            shape: { field: "stageLabel", type: "nominal", title: "stage" },
            tooltip: [
              { field: "label", title: "topology" },
              { field: "graphId" },
              { field: "verdict" },
            ],
          },
        },
      ],
    },
  };
}
