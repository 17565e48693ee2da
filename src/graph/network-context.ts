/**
 * The null context of a network (src/nulls/null-model.ts `context`) for the nulls that redraw or
 * rearrange weights — `shuffle` (SPEC §6.3) and `reinit` (§6.4): the architecture, every kernel
 * weight of every layer, the rule that coloured them and, for re-initialisation, the scheme the
 * network was initialised with. Plain structured-clone data, so it reaches worker threads as is.
 *
 *   { layerSizes: [31, 30, 30, 4],
 *     layerWeights: [Float64Array(31·30), Float64Array(30·30), Float64Array(30·4)],  row-major
 *     colourRule: { kind: "paper", binEdges: [...] },
 *     init: "normal" | null }
 *
 * From a binned graph (native graph JSON: layers, weights of the kept edges, `meta.binning`) the
 * weights of removed edges are unknown and are NaN here; colour-rule.ts explains why that gives
 * exactly the same random networks as the full weights would.
 */
import { NnmotifsError } from "../core/errors.js";
import {
  colourLayer,
  colourRuleOfGraph,
  describeColourRule,
  type ColourRule,
} from "./colour-rule.js";
import type { Digraph } from "./digraph.js";
import { layerCounts } from "./layers.js";

// A type, not an interface: it must fit NullContext's index signature.
export type NetworkNullContext = {
  readonly layerSizes: readonly number[];
  /** Per kernel k (layer k → k+1), row-major [nIn, nOut]; NaN where a removed weight is unknown. */
  readonly layerWeights: readonly Float64Array[];
  readonly colourRule: ColourRule;
  /** The initialisation scheme (nn/initialisers.ts name), or null when the input does not say. */
  readonly init: string | null;
};

/** What to give instead, for the one-line errors of the nulls and the CLI. */
export const NETWORK_INPUT_HINT =
  "Give a model file (Keras .h5, .keras, safetensors, ONNX, TensorFlow.js, nnmotifs model JSON) or a native graph JSON with layers, weights and meta.binning (`nnmotifs graph MODEL --format json`); a plain edge list carries no weights";

export interface NetworkContextOptions {
  /** Overrides the graph's `meta.binning`. */
  readonly colourRule?: ColourRule;
  /** Overrides the graph's `meta.init`. */
  readonly init?: string | null;
  /** Only for messages. */
  readonly file?: string;
  /** The null that asks (for messages). */
  readonly nullName?: string;
}

/**
 * The context of a weighted, layered graph: a full network graph (networkToDigraph, every kernel
 * entry an edge) or a binned one. Throws one clear NnmotifsError when the graph has no weights,
 * no consecutive layers, edges that are not kernel entries, or no colour rule.
 */
export function networkNullContext(
  g: Digraph,
  options: NetworkContextOptions = {},
): NetworkNullContext {
  const who = options.nullName === undefined ? "this null" : `the ${options.nullName} null`;
  const fail = (what: string): NnmotifsError =>
    new NnmotifsError(`${who} needs a network: ${what}. ${NETWORK_INPUT_HINT}.`, {
      file: options.file,
    });
  const weights = g.edgeWeight;
  if (weights === undefined) throw fail("the graph has no edge weights");
  if (g.nodeLayer === undefined) throw fail("the graph has no node layers");
  const layerSizes = consecutiveLayerSizes(g.nodeLayer);
  if (layerSizes === undefined || layerSizes.length < 2) {
    throw fail("its node layers are not consecutive id ranges 0, 1, 2, …");
  }
  const starts: number[] = [];
  let offset = 0;
  for (const size of layerSizes) {
    starts.push(offset);
    offset += size;
  }
  const layerWeights = layerSizes
    .slice(1)
    .map((nOut, k) => new Float64Array(layerSizes[k] * nOut).fill(NaN));
  const layerOfEdge = new Int32Array(g.edgeSrc.length);
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    const k = g.nodeLayer[s];
    if (g.nodeLayer[t] !== k + 1) {
      throw fail(`edge ${s} → ${t} does not join consecutive layers, so it is no kernel entry`);
    }
    layerOfEdge[e] = k;
    layerWeights[k][(s - starts[k]) * layerSizes[k + 1] + (t - starts[k + 1])] = weights[e];
  }
  const colourRule =
    options.colourRule ?? colourRuleOfGraph(g.meta, g.edgeColour, layerOfEdge, options.file);
  if (colourRule === null) {
    throw fail("the graph does not say how it was binned (no meta.binning)");
  }
  const init = options.init !== undefined ? options.init : g.meta?.init;
  return {
    layerSizes,
    layerWeights,
    colourRule,
    init: typeof init === "string" ? init : null,
  };
}

/** Sizes of layers 0, 1, 2, … when each is one consecutive id range; else undefined. */
function consecutiveLayerSizes(nodeLayer: Int32Array): number[] | undefined {
  for (let v = 1; v < nodeLayer.length; v++) {
    if (nodeLayer[v] < nodeLayer[v - 1]) return undefined;
  }
  const sizes = layerCounts(nodeLayer);
  return sizes.every((n) => n > 0) ? sizes : undefined;
}

/** The colour rule of a binned, layered graph (its `meta.binning`), or null when it has none. */
export function colourRuleOfBinnedGraph(g: Digraph, file?: string): ColourRule | null {
  const layers = g.nodeLayer;
  const layerOfEdge = Int32Array.from(g.edgeSrc, (s) => layers?.[s] ?? 0);
  return colourRuleOfGraph(g.meta, g.edgeColour, layerOfEdge, file);
}

/**
 * Read a null's context back (in the null's `prepare`, possibly on a worker thread): checks its
 * shape and says what to give when it is missing.
 */
export function readNetworkNullContext(
  context: Readonly<Record<string, unknown>> | null,
  nullName: string,
): NetworkNullContext {
  const c = context as Partial<NetworkNullContext> | null;
  if (
    c === null ||
    !Array.isArray(c.layerSizes) ||
    !Array.isArray(c.layerWeights) ||
    c.colourRule === undefined
  ) {
    throw new NnmotifsError(
      `the ${nullName} null needs the network's weights, layers and binning, and this input carries none. ${NETWORK_INPUT_HINT}.`,
    );
  }
  const sizes = c.layerSizes as number[];
  const layerWeights = c.layerWeights.map((w: unknown, k) => asWeights(w, sizes[k] * sizes[k + 1]));
  if (layerWeights.length !== sizes.length - 1 || layerWeights.some((w) => w === null)) {
    throw new NnmotifsError(
      `the ${nullName} null's context: layerWeights should hold nIn·nOut weights per layer of [${sizes.join(", ")}].`,
    );
  }
  return {
    layerSizes: sizes,
    layerWeights: layerWeights as Float64Array[],
    colourRule: c.colourRule,
    init: typeof c.init === "string" ? c.init : null,
  };
}

/**
 * A layer's weights as a Float64Array: as given, or from the JSON a job queue makes of one (an
 * array, or an object keyed "0", "1", …; NaN became null there).
 */
function asWeights(w: unknown, n: number): Float64Array | null {
  if (w instanceof Float64Array) return w.length === n ? w : null;
  const values = Array.isArray(w)
    ? (w as unknown[])
    : w !== null && typeof w === "object"
      ? Object.values(w)
      : null;
  if (values === null || values.length !== n) return null;
  return Float64Array.from(values, (v) => (typeof v === "number" ? v : NaN));
}

/**
 * The graph of a network from per-layer weights and colours (SPEC §4.1 node numbering and edge
 * order), removed edges (colour 0) dropped; nodes carry their layers, edges their weights.
 */
export function layeredDigraph(
  layerSizes: readonly number[],
  layerWeights: readonly Float64Array[],
  layerColours: readonly Uint8Array[],
): Digraph {
  let m = 0;
  for (const colours of layerColours) for (let e = 0; e < colours.length; e++) if (colours[e]) m++;
  const nodeCount = layerSizes.reduce((a, b) => a + b, 0);
  const edgeSrc = new Int32Array(m);
  const edgeTrg = new Int32Array(m);
  const edgeColour = new Uint8Array(m);
  const edgeWeight = new Float64Array(m);
  const nodeLayer = new Int32Array(nodeCount);
  let offset = 0;
  let r = 0;
  for (let k = 0; k + 1 < layerSizes.length; k++) {
    const nIn = layerSizes[k];
    const nOut = layerSizes[k + 1];
    const first = offset + nIn;
    nodeLayer.fill(k + 1, first, first + nOut);
    const colours = layerColours[k];
    const weights = layerWeights[k];
    for (let i = 0; i < nIn; i++) {
      for (let j = 0; j < nOut; j++) {
        const e = i * nOut + j;
        if (colours[e] === 0) continue;
        edgeSrc[r] = offset + i;
        edgeTrg[r] = first + j;
        edgeColour[r] = colours[e];
        edgeWeight[r] = weights[e];
        r++;
      }
    }
    offset = first;
  }
  return { nodeCount, edgeSrc, edgeTrg, edgeColour, edgeWeight, nodeLayer };
}

/**
 * The context must describe the graph being counted: same units, and the rule applied to the
 * context's weights keeps as many edges as the graph has (wrong bin edges fail here, not later).
 */
export function checkContextReproducesGraph(
  graph: Pick<Digraph, "nodeCount" | "edgeSrc">,
  context: Pick<NetworkNullContext, "layerSizes" | "layerWeights" | "colourRule">,
): void {
  const { layerSizes, layerWeights, colourRule } = context;
  const units = layerSizes.reduce((a, b) => a + b, 0);
  if (units !== graph.nodeCount) {
    throw new NnmotifsError(
      `the network's layers [${layerSizes.join(", ")}] have ${units} units but the graph has ${graph.nodeCount} nodes: the context belongs to another network.`,
    );
  }
  let kept = 0;
  layerWeights.forEach((w, k) => {
    const colours = colourLayer(colourRule, w, k);
    for (let e = 0; e < colours.length; e++) if (colours[e] !== 0) kept++;
  });
  if (kept !== graph.edgeSrc.length) {
    throw new NnmotifsError(
      `${describeColourRule(colourRule)} keep ${kept} of the network's weights but the graph has ${graph.edgeSrc.length} edges: the colour rule is not the one the graph was binned with.`,
    );
  }
}
