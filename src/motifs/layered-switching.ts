/**
 * Layer-preserving switching (SPEC §6.2): the `switch` null model with one more condition, the
 * partner must join the same (layer of source, layer of target) pair. For a feed-forward network
 * every random network is then again a feed-forward network of the same architecture.
 *
 * Also home of the null-model registry, since this module sees both variants.
 */
import type { Rng } from "../core/random.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import {
  colourKindKey,
  prepareSwitching,
  type GroupKey,
  type SwitchOptions,
  type SwitchResult,
  type Switching,
} from "./switching.js";

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

export type NullModelName = "switch" | "layered";

export interface NullModel {
  readonly description: string;
  /** Whether the model needs node layers (`prepare` then requires them). */
  readonly needsLayers: boolean;
  prepare(g: Digraph, layers: Int32Array | null): Switching;
}

/** Every null model by name; adding a name to `NullModelName` without an entry is a type error. */
export const NULL_MODELS: { readonly [K in NullModelName]: NullModel } = {
  switch: {
    description:
      "FANMOD switching: same colour and kind (single/bidirectional), locally constant bidirectional edges",
    needsLayers: false,
    prepare: (g) => prepareSwitching(g, colourKindKey),
  },
  layered: {
    description:
      "layer-preserving switching: as switch, and the partner joins the same pair of layers",
    needsLayers: true,
    prepare: (g, layers) => {
      if (layers === null) {
        throw new NnmotifsError(
          "the layered null model needs node layers (native graph with layers, --layers, or a DAG).",
        );
      }
      return prepareLayeredSwitching(g, layers);
    },
  },
};

export const NULL_MODEL_NAMES = Object.keys(NULL_MODELS) as NullModelName[];

export function isNullModelName(name: string): name is NullModelName {
  return Object.hasOwn(NULL_MODELS, name);
}
