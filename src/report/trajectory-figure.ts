/**
 * Motif trajectories: mean topology-level Z against the snapshot epoch, with t-interval bands, one
 * colour per initialisation, a panel per topology and null, and the mean validation accuracy in
 * the last panel of each row (one row per data set), so the two can be read side by side.
 */
import type { TrajectoryPoint } from "../analysis/ensemble/trajectories.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";
import { shortTopology } from "./html.js";
import { bandLayers, seedsPhrase } from "./interval-figure.js";

export const ACCURACY_PANEL = "val accuracy";

export function trajectoryFigure(
  points: readonly TrajectoryPoint[],
  architecture: string,
  size: number,
  topologies: readonly string[],
  inits: readonly string[],
): Figure {
  const own = points.filter(
    (p) =>
      p.architecture === architecture && p.size === size && topologies.includes(p.topologyName),
  );
  const panels: string[] = [];
  const values: object[] = own
    .filter((p) => p.z.mean !== null)
    .map((p) => {
      const panel = `${shortTopology(p.topologyName)} · ${p.nullModel}`;
      if (!panels.includes(panel)) panels.push(panel);
      return { init: p.init, dataset: p.dataset, epoch: p.epoch, panel, ...p.z };
    });
  // The accuracy of each (init, data set) at the snapshot epochs, once.
  const seen = new Set<string>();
  for (const p of own) {
    const k = `${p.init}\u0000${p.dataset}\u0000${p.epoch}`;
    if (p.valAccuracy === null || p.valAccuracy.mean === null || seen.has(k)) continue;
    seen.add(k);
    values.push({
      init: p.init,
      dataset: p.dataset,
      epoch: p.epoch,
      panel: ACCURACY_PANEL,
      ...p.valAccuracy,
    });
  }
  const seeds = Math.max(0, ...own.map((p) => p.z.seeds));
  return {
    name: `trajectories-${architecture}-size-${size}`,
    title: `Motif trajectories, ${size}-node, ${architecture}`,
    caption:
      "Mean topology-level Z at each snapshot epoch (epoch 0 = initial network) per topology and " +
      `null, and the mean validation accuracy at those epochs (last column); ${seedsPhrase(seeds)}.`,
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "panel", type: "nominal", title: null, sort: [...panels, ACCURACY_PANEL] },
        row: { field: "dataset", type: "nominal", title: "data set" },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 170,
        height: 130,
        layer: bandLayers({
          x: { field: "epoch", type: "quantitative", title: "epoch" },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          yTitle: null,
          tooltip: [
            { field: "panel" },
            { field: "init" },
            { field: "epoch" },
            { field: "mean", format: ".2f" },
            { field: "lo", format: ".2f" },
            { field: "hi", format: ".2f" },
          ],
        }),
      },
    },
  };
}
