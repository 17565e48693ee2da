/**
 * Layer-preserving switching (SPEC §6.2): the `switch` null model with one more condition, the
 * partner must join the same (layer of source, layer of target) pair. For a feed-forward network
 * every random network is then again a feed-forward network of the same architecture.
 */
import type { Rng } from "../core/random.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import type { NullModel } from "./null-model.js";
import {
  colourKindKey,
  prepareSwitching,
  type GroupKey,
  type SwitchOptions,
  type SwitchResult,
  type Switching,
} from "./switch.js";

/** The `layered` key: colour and kind, then the ordered pair of layers. */
export function layeredKey(layers: Int32Array): GroupKey {
  let layerCount = 1;
  for (let v = 0; v < layers.length; v++) layerCount = Math.max(layerCount, layers[v] + 1);
  return (src, trg, colour, backColour) =>
    (layers[src] * layerCount + layers[trg]) * 64 + colourKindKey(src, trg, colour, backColour);
}

export function prepareLayeredSwitching(g: Digraph, layers: Int32Array): Switching {
  if (layers.length !== g.nodeCount) {
    throw new RangeError(
      `prepareLayeredSwitching: \`layers\` has ${layers.length} entries. Should have one per node (${g.nodeCount}).`,
    );
  }
  return prepareSwitching(g, layeredKey(layers));
}

/** One `layered` random network; prepare once with `prepareLayeredSwitching` for many. */
export function layeredSwitchGraph(
  g: Digraph,
  layers: Int32Array,
  rng: Rng,
  options: SwitchOptions = {},
): SwitchResult {
  return prepareLayeredSwitching(g, layers).randomise(rng, options);
}

/** The `layered` null model (SPEC §6.2) for the registry. */
export const layeredNull: NullModel = {
  description:
    "layer-preserving switching: as switch, and the partner joins the same pair of layers",
  needsLayers: true,
  prepare: ({ graph, layers }, options) => {
    if (layers === null) {
      throw new NnmotifsError(
        "the layered null model needs node layers (native graph with layers, --layers, or a DAG).",
      );
    }
    const switching = prepareLayeredSwitching(graph, layers);
    return (rng) => {
      const { graph: random, tries, successes } = switching.randomise(rng, options);
      return { graph: random, switching: { tries, successes } };
    };
  },
};
