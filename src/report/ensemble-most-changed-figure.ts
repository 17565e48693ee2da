/**
 * The coloured classes whose Z changed most through training, across seeds (SPEC §8): per
 * architecture and size, a panel per null with the classes of largest |mean ΔZ| (ranked in
 * class-z-changes.ts), each a point at its mean ΔZ with its t-interval across seeds. Labels are
 * short and distinct: rank, topology (named, or "k-node e-edge"), the colours of its edges, and
 * the init and data set; the table under the figure gives each rank's class key.
 */
import type { MostChangedClassRow } from "../analysis/ensemble/class-z-changes.js";
import { colourKeyText, initScale, topLevel, type Figure } from "./figure-spec.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";
import { edgeColourDigits } from "./most-changed-figure.js";

/**
 * "diamond", or for a topology without a name "5-node 7-edge #1x3f": its uncoloured key (k²
 * adjacency bits) in base 36, a short id that tells two unnamed topologies apart.
 */
export function shortClassName(topologyName: string): string {
  const m = /^(\d+)-node, (\d+) edges #(\S+)$/.exec(topologyName);
  if (!m) return topologyName.split(" #")[0];
  const id = /^[01]+$/.test(m[3]) ? BigInt(`0b${m[3]}`).toString(36) : m[3];
  return `${m[1]}-node ${m[2]}-edge #${id}`;
}

/** The bar label of a ranked class: distinct within its panel (the rank leads). */
export function mostChangedLabel(r: MostChangedClassRow): string {
  return `${r.rank}. ${shortClassName(r.topologyName)} ${edgeColourDigits(r.motif)} (${r.init}/${r.dataset})`;
}

export function ensembleMostChangedFigure(
  rows: readonly MostChangedClassRow[],
  architecture: string,
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
  binning?: string,
): Figure {
  const own = rows.filter((r) => r.architecture === architecture && r.size === size);
  const values = own.map((r) => ({ ...r, label: mostChangedLabel(r) }));
  const drawn = nullModels.filter((n) => own.some((r) => r.nullModel === n));
  const perPanel = Math.max(1, ...drawn.map((n) => own.filter((r) => r.nullModel === n).length));
  const seeds = Math.max(0, ...own.map((r) => r.seeds + r.missing));
  return {
    name: `ensemble-most-changed-${architecture}-size-${size}`,
    title: `Most changed ${size}-node classes across seeds, ${architecture}`,
    caption:
      "The coloured classes with the largest |mean ΔZ| under each null model, among those with " +
      "a ΔZ in at least half the seeds: rank, topology, the colours of its edges " +
      `(${colourKeyText(binning)}) and the network; ${seedsPhrase(seeds)}. The dashed line is ` +
      "ΔZ = 0; the table below gives each rank's class.",
    spec: {
      ...topLevel(values),
      facet: { row: { field: "nullModel", type: "nominal", title: "null model", sort: drawn } },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 320,
        height: perPanel * 18 + 10,
        layer: intervalLayers({
          y: {
            field: "label",
            type: "nominal",
            title: null,
            sort: { field: "rank" },
            axis: { labelLimit: 0 },
          },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          xTitle: "mean ΔZ",
          zeroRule: true,
          tooltip: [
            { field: "label", title: "class" },
            { field: "motif", title: "key" },
            { field: "mean", title: "ΔZ", format: ".2f" },
            { field: "lo", format: ".2f" },
            { field: "hi", format: ".2f" },
            { field: "pSignFlip", title: "sign-flip p", format: ".3g" },
            { field: "seeds" },
          ],
        }),
      },
    },
  };
}
