/**
 * A colour rule: how one network's kernel weights became edge colours (SPEC §4.2–4.3), frozen so
 * that other weights can be coloured the same way. The weight-shuffle and re-initialisation nulls
 * (SPEC §6.3–6.4) bin their random networks with the original's rule — the paper's bins are the
 * original group's bin edges, not bins fitted again to the random weights.
 *
 *   paper     the group's bin edges (paper-binning.ts)      colour of each weight alone
 *   sign      1 negative, 3 positive, 0 removed              colour of each weight alone
 *   none      every edge colour 1                            (uncoloured)
 *   quantile  per layer, the top q by |w|, coloured by sign  ranks within each layer
 *   matched   per layer, n₁, n₂, n₃ edges by weight rank     ranks within each layer
 *             (matched-binning.ts; the counts are the original graph's)
 *
 * A rule is plain data (it travels to worker threads). A weight may be NaN: a position the original
 * binning removed whose value the input did not keep (a binned graph file). Every rule removes NaN,
 * so a removed weight stays removed wherever a shuffle moves it — the same graph as shuffling the
 * full weights, because a removed weight is removed whatever its value.
 */
import { NnmotifsError } from "../core/errors.js";
import { paperColour } from "./paper-binning.js";
import { matchedColours } from "./matched-binning.js";

export type ColourRule =
  | { readonly kind: "paper"; readonly binEdges: readonly number[] }
  | { readonly kind: "sign" }
  | { readonly kind: "none" }
  | { readonly kind: "quantile"; readonly quantile: number }
  /** counts[layer] = [n₁, n₂, n₃]: kept edges of colours 1, 2, 3 in that layer. */
  | { readonly kind: "matched"; readonly counts: ReadonlyArray<readonly number[]> };

export type ColourRuleKind = ColourRule["kind"];

function signColour(w: number): number {
  return w < 0 ? 1 : w > 0 ? 3 : 0;
}

/** NaN (unknown, removed) as 0, which every rank rule below never keeps ahead of a real weight. */
function knownOrZero(weights: Float64Array): Float64Array {
  return weights.map((w) => (Number.isNaN(w) ? 0 : w));
}

/**
 * The colours of one layer's kernel weights (row-major, SPEC §4.1 order) under `rule`; 0 = the
 * edge is removed. `layer` is the kernel's index (0 = input → first hidden), for per-layer rules.
 */
export function colourLayer(rule: ColourRule, weights: Float64Array, layer: number): Uint8Array {
  const n = weights.length;
  const colours = new Uint8Array(n);
  switch (rule.kind) {
    case "paper":
      for (let e = 0; e < n; e++)
        colours[e] = Number.isNaN(weights[e]) ? 0 : paperColour(weights[e], rule.binEdges);
      return colours;
    case "sign":
      for (let e = 0; e < n; e++) colours[e] = signColour(weights[e]);
      return colours;
    case "none":
      for (let e = 0; e < n; e++) colours[e] = Number.isNaN(weights[e]) ? 0 : 1;
      return colours;
    case "quantile": {
      const w = knownOrZero(weights);
      const order = Array.from({ length: n }, (_, e) => e);
      // Stable: equal |w| keep SPEC §4.1 order, as binning.ts's quantile scheme.
      order.sort((x, y) => Math.abs(w[y]) - Math.abs(w[x]));
      const keep = Math.round(rule.quantile * n);
      for (let r = 0; r < keep; r++) colours[order[r]] = signColour(w[order[r]]);
      return colours;
    }
    case "matched": {
      const [n1 = 0, n2 = 0, n3 = 0] = rule.counts[layer] ?? [];
      const target = new Map([
        [
          0,
          new Map([
            [1, n1],
            [2, n2],
            [3, n3],
          ]),
        ],
      ]);
      return matchedColours(knownOrZero(weights), undefined, target);
    }
  }
}

/**
 * The rule a binned graph was made with, from its `meta.binning` (binning.ts writes it) — or null
 * when the graph does not say. `layerOfEdge` (the source node's layer of each edge) is needed for
 * the matched rule, whose counts are the graph's own kept edges per layer and colour.
 */
export function colourRuleOfGraph(
  meta: Readonly<Record<string, unknown>> | undefined,
  edgeColour: Uint8Array,
  layerOfEdge: Int32Array,
  file?: string,
): ColourRule | null {
  const binning = meta?.binning as Record<string, unknown> | undefined;
  if (binning === undefined || typeof binning !== "object" || binning === null) return null;
  const bad = (what: string): NnmotifsError =>
    new NnmotifsError(`invalid meta.binning of the graph: ${what}`, { file });
  switch (binning.scheme) {
    case "paper": {
      const edges = binning.binEdges;
      if (!Array.isArray(edges) || edges.length !== 6 || !edges.every(Number.isFinite)) {
        throw bad("the paper scheme needs binEdges, 6 finite numbers.");
      }
      return { kind: "paper", binEdges: edges as number[] };
    }
    case "sign":
    case "none":
      return { kind: binning.scheme };
    case "quantile": {
      const q = binning.quantile;
      if (typeof q !== "number" || !(q > 0 && q <= 1)) {
        throw bad("the quantile scheme needs quantile, a fraction in (0, 1].");
      }
      return { kind: "quantile", quantile: q };
    }
    case "matched": {
      const counts: number[][] = [];
      for (let e = 0; e < edgeColour.length; e++) {
        const layer = layerOfEdge[e];
        while (counts.length <= layer) counts.push([0, 0, 0]);
        const c = edgeColour[e];
        if (c >= 1 && c <= 3) counts[layer][c - 1]++;
      }
      return { kind: "matched", counts };
    }
    default:
      throw bad(`unknown scheme ${JSON.stringify(binning.scheme)}.`);
  }
}

/** A one-line account of a rule, for notes and reports. */
export function describeColourRule(rule: ColourRule): string {
  switch (rule.kind) {
    case "paper":
      return `paper bins [${rule.binEdges.map((x) => x.toPrecision(4)).join(", ")}]`;
    case "quantile":
      return `top ${rule.quantile} of each layer by |w|, coloured by sign`;
    case "matched":
      return "matched counts per layer and colour";
    default:
      return `${rule.kind} colours`;
  }
}
