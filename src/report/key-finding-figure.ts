/**
 * The first-screen figure: Z of the diamond and the bi-fan (most significant variant) in every
 * network, the null models side by side. Solid bars are significant (BH q < 0.05).
 */
import type { TopologyVariantRow } from "../analysis/topology-variants.js";
import { namedTopologyKey } from "../analysis/motif-names.js";
import { topLevel, type Figure } from "./figure-spec.js";

export function keyFindingFigure(
  variants: readonly TopologyVariantRow[],
  inits: readonly string[],
  datasets: readonly string[],
  nullModels: readonly string[],
): Figure {
  const keys = new Map([
    [namedTopologyKey("diamond"), "diamond"],
    [namedTopologyKey("bi-fan"), "bi-fan"],
  ]);
  const values = variants
    .filter((v) => keys.has(v.topology) && v.maxZ !== null)
    .map((v) => ({
      motif: keys.get(v.topology),
      network: `${v.init}/${v.network}`,
      nullModel: v.nullModel,
      z: v.maxZ,
      significance: v.significant ? "q < 0.05" : "not significant",
    }));
  const order = inits.flatMap((i) => ["initial", ...datasets].map((n) => `${i}/${n}`));
  return {
    name: "key-finding",
    title: "Diamond and bi-fan: Z under each null model",
    caption:
      "Z of the most significant coloured variant of the diamond and the bi-fan in every network " +
      "(init/network). Faded bars are not significant after FDR control.",
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "nullModel", type: "nominal", title: "null model", sort: [...nullModels] },
      },
      spec: {
        width: 250,
        height: 220,
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "network",
            type: "nominal",
            title: null,
            sort: order,
            axis: { labelAngle: -40 },
          },
          xOffset: { field: "motif", type: "nominal" },
          y: { field: "z", type: "quantitative", title: "Z (max over variants)" },
          color: {
            field: "motif",
            type: "nominal",
            title: "motif",
            scale: { domain: ["diamond", "bi-fan"], range: ["#7b3294", "#008837"] },
          },
          opacity: {
            field: "significance",
            type: "ordinal",
            title: "BH q",
            scale: { domain: ["q < 0.05", "not significant"], range: [1, 0.3] },
          },
        },
      },
    },
  };
}
