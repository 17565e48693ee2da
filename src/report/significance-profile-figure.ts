/**
 * Significance profiles: per topology, the Z (or the normalised SP) of its most significant
 * variant, one line per initialisation (by init) or per network (by data set), the null models
 * side by side.
 */
import type { ProfileRow } from "../analysis/significance-profiles.js";
import { NAMED_TOPOLOGIES } from "../analysis/motif-names.js";
import { initScale, networkScale, topLevel, type Figure } from "./figure-spec.js";

export interface ProfileFigureOptions {
  readonly size: number;
  /** "init": colour = init, rows = network; "dataset": colour = network, rows = init. */
  readonly by: "init" | "dataset";
  /** "z": raw Z as the authors plotted; "sp": normalised significance profile. */
  readonly value: "z" | "sp";
  readonly inits: readonly string[];
  readonly datasets: readonly string[];
  readonly nullModels: readonly string[];
}

export function significanceProfileFigure(
  rows: readonly ProfileRow[],
  o: ProfileFigureOptions,
): Figure {
  const values = rows
    .filter((r) => r.size === o.size && (o.value === "z" || r.sp !== null))
    .map((r) => ({
      ...r,
      topologyName:
        r.topologyName.split(" #")[0] === r.topologyName ? r.topologyName : `#${r.topology}`,
    }));
  // Named topologies in the order of NAMED_TOPOLOGIES (simple to dense), then the others.
  const present = new Set(values.map((v) => v.topologyName));
  const named = NAMED_TOPOLOGIES.map((t) => t.name).filter((n) => present.has(n));
  const xOrder = [...named, ...[...present].filter((n) => !named.includes(n)).sort()];
  const byInit = o.by === "init";
  const what = o.value === "z" ? "Z" : "SP";
  return {
    name: `profile-${o.value}-by-${o.by}-size-${o.size}`,
    title: `${o.size}-node significance profile (${what}) by ${byInit ? "initialisation" : "data set"}`,
    caption:
      (o.value === "z"
        ? "Z of each topology's most significant coloured variant (as the authors plotted; a maximum over variants, so biased upwards). "
        : "Normalised significance profile SP = Z / √ΣZ² over the topologies of a census. ") +
      (byInit
        ? "One line per initialisation; rows: the network."
        : "One line per network; rows: the initialisation."),
    spec: {
      ...topLevel(values),
      facet: {
        column: {
          field: "nullModel",
          type: "nominal",
          title: "null model",
          sort: [...o.nullModels],
        },
        row: byInit
          ? { field: "network", type: "nominal", title: null, sort: ["initial", ...o.datasets] }
          : { field: "init", type: "nominal", title: null, sort: [...o.inits] },
      },
      spec: {
        width: 260,
        height: 130,
        layer: [
          { mark: { type: "rule", color: "#bbbbbb" }, encoding: { y: { datum: 0 } } },
          {
            mark: { type: "line", point: true, strokeWidth: 1.5 },
            encoding: {
              x: {
                field: "topologyName",
                type: "nominal",
                title: null,
                sort: xOrder,
                axis: { labelAngle: -35, labelLimit: 240 },
              },
              y: { field: o.value, type: "quantitative", title: what },
              color: byInit
                ? { field: "init", type: "nominal", title: "init", scale: initScale(o.inits) }
                : {
                    field: "network",
                    type: "nominal",
                    title: "network",
                    scale: networkScale(o.datasets),
                  },
            },
          },
        ],
      },
    },
  };
}
