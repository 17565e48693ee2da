/**
 * The re-initialisation null (SPEC §6.4): random network i is a fresh network of the original's
 * architecture and initialisation scheme, its kernels drawn layer by layer from the replicate's own
 * `Rng(seed, i)` — so independent of the seed that drew the original — and coloured with the
 * original's rule (the group's bin edges). It is the distribution of what a network looks like
 * before any learning: for a trained network, "does training move it out of that distribution?";
 * for an initial network, "is this one draw typical of its scheme?".
 *
 * Why it lives in graph/ and is registered at run time: the motif engine (motifs/, nulls/) never
 * imports the network side, and drawing kernels is network-side knowledge (nn/initialisers.ts).
 * graph/ is the bridge and may import the stages to its left; nn/initialisers.ts is pure seeded
 * math (it imports only core/random), so this loads no tensor library. Importing this module
 * registers "reinit" with its own URL, so worker threads import it and find the same null; the
 * entry points (index.ts, study/config.ts, cli/census-command.ts) import it.
 */
import { NnmotifsError } from "../core/errors.js";
import { registerNullModel } from "../nulls/registry.js";
import type { NullModel } from "../nulls/null-model.js";
import { INITIALISER_NAMES, INITIALISERS, isInitialiserName } from "../nn/initialisers.js";
import { colourLayer } from "./colour-rule.js";
import {
  checkContextReproducesGraph,
  layeredDigraph,
  readNetworkNullContext,
} from "./network-context.js";

export const REINIT_NULL_NAME = "reinit";

export const reinitNull: NullModel = {
  description:
    "re-initialisation: fresh networks of the same architecture and init scheme (new seeds), binned with the original's bin edges (what a network looks like before learning; for an initial network, whether its draw is typical)",
  needsLayers: false,
  needsNetwork: true,
  contextDescription:
    "the network: layer sizes, its weights, the colour rule and the init scheme (graph/network-context.ts)",
  prepare: ({ graph, context }) => {
    const c = readNetworkNullContext(context, REINIT_NULL_NAME);
    const init = c.init;
    if (init === null || !isInitialiserName(init)) {
      throw new NnmotifsError(
        init === null
          ? `the reinit null needs the network's initialisation scheme, and the input does not say it. Give --init-scheme (${INITIALISER_NAMES.join(" | ")}).`
          : `invalid initialisation scheme "${init}" for the reinit null. Should be one of: ${INITIALISER_NAMES.join(", ")}.`,
      );
    }
    checkContextReproducesGraph(graph, c);
    const { layerSizes, colourRule } = c;
    const kernel = INITIALISERS[init].kernel;
    return (rng) => {
      // Layer by layer from the replicate's one stream: replicate i depends on (seed, i) only.
      const weights = layerSizes.slice(1).map((nOut, k) => kernel(layerSizes[k], nOut, rng));
      const colours = weights.map((w, k) => colourLayer(colourRule, w, k));
      return { graph: layeredDigraph(layerSizes, weights, colours) };
    };
  },
};

registerNullModel(REINIT_NULL_NAME, reinitNull, {
  module: import.meta.url,
  exportName: "reinitNull",
});
