/**
 * Significance profiles: per topology, the Z (or the normalised SP) of its most significant
 * variant, one line per initialisation (by init) or per network (by data set), the null models
 * side by side.
 */
import type { ProfileRow } from "../analysis/significance-profiles.js";
import { NAMED_TOPOLOGIES } from "../analysis/motif-names.js";
import { initScale, networkScale, referenceLayer, topLevel, type Figure } from "./figure-spec.js";

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

/** Below this many px per topology, labels at -90° would touch; panels widen to keep it. */
const LABEL_STEP_PX = 16;
const PANEL_WIDTH = 260;
/** The widest a figure may be and still fit the report's column at 1400 px without scrolling. */
const MAX_FIGURE_WIDTH = 1060;

/**
 * The x order and label of each topology of a size: named topologies by name, in the order of
 * NAMED_TOPOLOGIES (simple to dense), then the unnamed ones as #1, #2, … by key (the profiles
 * section prints the key with each one's pictogram).
 */
export function profileTopologies(
  rows: readonly ProfileRow[],
  size: number,
): { readonly topology: string; readonly label: string; readonly named: boolean }[] {
  const names = new Map<string, string>();
  for (const r of rows) if (r.size === size) names.set(r.topology, r.topologyName);
  const isNamed = (name: string): boolean => name.split(" #")[0] === name;
  const order = NAMED_TOPOLOGIES.map((t) => t.name);
  const named = [...names]
    .filter(([, n]) => isNamed(n))
    .sort(([, a], [, b]) => order.indexOf(a) - order.indexOf(b) || a.localeCompare(b))
    .map(([topology, label]) => ({ topology, label, named: true }));
  const unnamed = [...names.keys()]
    .filter((t) => !isNamed(names.get(t) as string))
    .sort()
    .map((topology, i) => ({ topology, label: `#${i + 1}`, named: false }));
  return [...named, ...unnamed];
}

export function significanceProfileFigure(
  rows: readonly ProfileRow[],
  o: ProfileFigureOptions,
): Figure {
  const topologies = profileTopologies(rows, o.size);
  const labels = new Map(topologies.map((t) => [t.topology, t.label]));
  const xOrder = topologies.map((t) => t.label);
  const byInit = o.by === "init";
  // Wide panels when the labels need it; then the nulls go into rows so the figure still fits.
  const width = Math.max(PANEL_WIDTH, LABEL_STEP_PX * xOrder.length);
  const stacked = o.nullModels.length * (width + 20) + 180 > MAX_FIGURE_WIDTH;
  const rowField = byInit ? "network" : "init";
  const rowOrder = byInit ? ["initial", ...o.datasets] : [...o.inits];
  const values = rows
    .filter((r) => r.size === o.size && (o.value === "z" || r.sp !== null))
    .map((r) => ({
      ...r,
      topologyName: labels.get(r.topology) as string,
      panel: `${byInit ? r.network : r.init} · ${r.nullModel}`,
    }));
  const what = o.value === "z" ? "Z" : "SP";
  const unnamed = topologies.some((t) => !t.named);
  const facet = stacked
    ? {
        row: {
          field: "panel",
          type: "nominal",
          title: null,
          sort: rowOrder.flatMap((r) => o.nullModels.map((n) => `${r} · ${n}`)),
          // Horizontal: "orthogonal · layered" is longer than a 90 px row is high.
          header: { labelAngle: 0, labelAlign: "left", labelLimit: 0 },
        },
      }
    : {
        column: {
          field: "nullModel",
          type: "nominal",
          title: "null model",
          sort: [...o.nullModels],
        },
        row: { field: rowField, type: "nominal", title: null, sort: rowOrder },
      };
  return {
    name: `profile-${o.value}-by-${o.by}-size-${o.size}`,
    title: `${o.size}-node significance profile (${what}) by ${byInit ? "initialisation" : "data set"}`,
    caption:
      (o.value === "z"
        ? "Z of each topology's most significant coloured variant (as the authors plotted; a maximum over variants, so biased upwards). "
        : "Normalised significance profile SP = Z / √ΣZ² over the topologies of a census. ") +
      (byInit
        ? `One line per initialisation; rows: the network${stacked ? " · null model, each with its own ${what} scale" : ""}.`
        : `One line per network; rows: the initialisation${stacked ? " · null model, each with its own ${what} scale" : ""}.`) +
      (unnamed
        ? " Unnamed topologies are numbered #1, #2, …; the key below the figures draws each."
        : ""),
    spec: {
      ...topLevel(values),
      facet,
      // Stacked rows mix the nulls, whose Z differ by orders of magnitude: each row its own scale.
      ...(stacked ? { resolve: { scale: { y: "independent" } } } : {}),
      spec: {
        width,
        height: stacked ? 90 : 130,
        layer: [
          {
            name: referenceLayer("zero"),
            mark: { type: "rule", color: "#bbbbbb" },
            encoding: { y: { datum: 0 } },
          },
          {
            mark: { type: "line", point: true, strokeWidth: 1.5 },
            encoding: {
              x: {
                field: "topologyName",
                type: "nominal",
                title: null,
                sort: xOrder,
                axis: { labelAngle: xOrder.length > 8 ? -90 : -35, labelLimit: 160 },
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
