/**
 * Toy null models registered through the registry alone (issue 8): importing this module registers
 * them; worker threads find them through `module` and `exportName`.
 */
import { NnmotifsError } from "../../src/core/errors.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import type { NullModel } from "../../src/nulls/null-model.js";
import { registerNullModel } from "../../src/nulls/registry.js";

/** Every random network is the original graph itself. */
export const identityNull: NullModel = {
  description: "the original graph itself (a toy)",
  needsLayers: false,
  prepare:
    ({ graph }) =>
    () => ({ graph }),
};

/** Keeps each edge with probability `context.keep` (drawn from the replicate's own Rng). */
export const thinnedNull: NullModel = {
  description: "each edge kept with probability context.keep (a toy that needs context)",
  needsLayers: false,
  prepare: ({ graph, context }) => {
    const keep = context?.keep;
    if (typeof keep !== "number") throw new NnmotifsError("toy-thinned needs a number `keep`.");
    return (rng) => {
      const edges: [number, number, number][] = [];
      for (let e = 0; e < graph.edgeSrc.length; e++)
        if (rng.next() < keep)
          edges.push([graph.edgeSrc[e], graph.edgeTrg[e], graph.edgeColour[e]]);
      return { graph: makeDigraph(graph.nodeCount, edges) };
    };
  },
};

registerNullModel("toy-identity", identityNull, {
  module: import.meta.url,
  exportName: "identityNull",
});
registerNullModel("toy-thinned", thinnedNull, {
  module: import.meta.url,
  exportName: "thinnedNull",
});
