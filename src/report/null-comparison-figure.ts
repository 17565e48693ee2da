/** Switch vs layered null per topology: Z under the reference null vs Z under the other. */
import type { NullComparisonRow } from "../analysis/null-comparison.js";
import { extent, initScale, topLevel, type Figure } from "./figure-spec.js";

export function nullComparisonFigure(
  rows: readonly NullComparisonRow[],
  size: number,
  inits: readonly string[],
): Figure {
  const points = rows.filter((r) => r.size === size && r.zReference !== null && r.zOther !== null);
  const ref = points[0]?.referenceNull ?? "switch";
  const other = points[0]?.otherNull ?? "layered";
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
    name: `null-comparison-size-${size}`,
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
