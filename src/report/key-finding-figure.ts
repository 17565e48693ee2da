/**
 * The first-screen figure: Z of the diamond and the bi-fan (most significant variant) in every
 * network, the null models side by side; solid bars are significant (analysis/significance.ts). Without a
 * 4-node census it shows the named topologies of the largest motif size instead.
 */
import { median } from "../analysis/median.js";
import { namedTopologyKey } from "../analysis/motif-names.js";
import type { TopologyVariantRow } from "../analysis/topology-variants.js";
import { topLevel, type Figure } from "./figure-spec.js";

const PALETTE = ["#7b3294", "#008837", "#e08214", "#2166ac"];

/** The topologies the key figure shows: diamond and bi-fan when present, else up to 3 others. */
export function keyTopologies(variants: readonly TopologyVariantRow[]): Map<string, string> {
  const preferred = new Map([
    [namedTopologyKey("diamond"), "diamond"],
    [namedTopologyKey("bi-fan"), "bi-fan"],
  ]);
  if (variants.some((v) => preferred.has(v.topology))) return preferred;
  const largest = Math.max(...variants.map((v) => v.size));
  const byTopology = new Map<string, { name: string; z: number[] }>();
  for (const v of variants) {
    if (v.size !== largest || v.topologyName.includes("#")) continue;
    const t = byTopology.get(v.topology) ?? { name: v.topologyName, z: [] };
    if (v.stage === "trained" && v.maxZ !== null) t.z.push(v.maxZ);
    byTopology.set(v.topology, t);
  }
  const ranked = [...byTopology.entries()]
    .sort((a, b) => (median(b[1].z) ?? -Infinity) - (median(a[1].z) ?? -Infinity))
    .slice(0, 3);
  return new Map(ranked.map(([key, t]) => [key, t.name]));
}

export function keyFindingFigure(
  variants: readonly TopologyVariantRow[],
  inits: readonly string[],
  datasets: readonly string[],
  nullModels: readonly string[],
): Figure {
  const keys = keyTopologies(variants);
  const names = [...new Set(keys.values())];
  const values = variants
    .filter((v) => keys.has(v.topology))
    .map((v) => ({
      motif: keys.get(v.topology),
      network: `${v.init}/${v.network}`,
      nullModel: v.nullModel,
      z: v.maxZ ?? 0,
      significance:
        v.maxZ === null ? "Z undefined" : v.significant ? "significant" : "not significant",
    }));
  const order = inits.flatMap((i) => ["initial", ...datasets].map((n) => `${i}/${n}`));
  const title =
    names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  // A null under which no shown Z is defined (e.g. the layered null at size 3) would be an empty
  // panel: it gets none, and the caption says why. With no Z at all, every null keeps its panel.
  const withZ = nullModels.filter((n) =>
    values.some((v) => v.nullModel === n && v.significance !== "Z undefined"),
  );
  const shown = withZ.length > 0 ? withZ : [...nullModels];
  const omitted = nullModels.filter((n) => !shown.includes(n));
  const omittedNote =
    omitted.length === 0
      ? ""
      : ` No panel for the ${omitted.join(" and ")} null${omitted.length > 1 ? "s" : ""}: ` +
        `Z is undefined there for every network (the null's random networks all have the ` +
        `${names.length > 1 ? "same counts of these motifs" : "same count"}).`;
  return {
    name: "key-finding",
    title: `${title[0]?.toUpperCase() ?? ""}${title.slice(1)}: Z under each null model`,
    caption:
      `Z of the most significant coloured variant of the ${title} in every network ` +
      "(init/network). Faded bars are not significant (see the methods); where Z is undefined " +
      "(the null's random networks all have the same count) no bar is drawn." +
      omittedNote,
    spec: {
      ...topLevel(values.filter((v) => shown.includes(v.nullModel))),
      facet: {
        column: { field: "nullModel", type: "nominal", title: "null model", sort: shown },
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
          xOffset: { field: "motif", type: "nominal", sort: names },
          y: { field: "z", type: "quantitative", title: "Z (max over variants)" },
          color: {
            field: "motif",
            type: "nominal",
            title: "motif",
            scale: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length]) },
          },
          opacity: {
            field: "significance",
            type: "ordinal",
            title: "significance",
            scale: {
              domain: ["significant", "not significant", "Z undefined"],
              range: [1, 0.3, 0],
            },
          },
        },
      },
    },
  };
}
