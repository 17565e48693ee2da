import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { colourLayer } from "../../src/graph/colour-rule.js";
import { colourRuleOfBinnedGraph, networkNullContext } from "../../src/graph/network-context.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { shuffleNull } from "../../src/nulls/weight-shuffle.js";
import { binGroup } from "../../src/graph/binning.js";
import "../../src/graph/reinit-null.js";
import { MODEL_FORMATS } from "../../src/model/formats.js";
import { nullModel } from "../../src/nulls/registry.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";
import { binnedNetwork, countsPerLayerAndColour, keptWeightsPerLayer } from "./network-fixtures.js";

const OPTIONS = { exchanges: 3, tries: 3 };
const architecture = fc.array(fc.integer({ min: 5, max: 9 }), { minLength: 3, maxLength: 4 });

describe("shuffleNull.prepare({graph, context})(Rng(seed, i), i)", () => {
  it("keeps each layer's multiset of weights and its edges per colour (paper bins, fast-check)", () => {
    fc.assert(
      fc.property(architecture, fc.nat(1000), fc.nat(1000), (sizes, netSeed, seed) => {
        const { graph } = binnedNetwork(sizes, "normal", netSeed, "paper", { cutoff: 0.55 });
        const generate = shuffleNull.prepare(
          { graph, layers: null, context: networkNullContext(graph) },
          OPTIONS,
        );
        const random = generate(new Rng(seed, 3), 3).graph;
        expect(random.nodeCount).toBe(graph.nodeCount);
        expect(countsPerLayerAndColour(random)).toEqual(countsPerLayerAndColour(graph));
        expect(keptWeightsPerLayer(random)).toEqual(keptWeightsPerLayer(graph));
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it("uncoloured (binning none): every weight of every layer is kept, only their positions move", () => {
    fc.assert(
      fc.property(architecture, fc.nat(1000), (sizes, seed) => {
        const { graph, full } = binnedNetwork(sizes, "glorot", seed, "none");
        const generate = shuffleNull.prepare(
          { graph, layers: null, context: networkNullContext(graph) },
          OPTIONS,
        );
        const random = generate(new Rng(seed, 0), 0).graph;
        expect(random.edgeSrc).toEqual(full.edgeSrc);
        expect(keptWeightsPerLayer(random)).toEqual(keptWeightsPerLayer(full));
      }),
      { numRuns: 40, seed: 4 },
    );
  });

  it("from the binned graph (removed weights unknown) makes the same networks as from the full weights", () => {
    for (const [scheme, options] of [
      ["paper", { cutoff: 0.55 }],
      ["sign", {}],
      ["quantile", { quantile: 0.3 }],
    ] as const) {
      const { graph, full } = binnedNetwork([9, 8, 6, 3], "normal", 21, scheme, options);
      const rule = colourRuleOfBinnedGraph(graph);
      expect(rule?.kind).toBe(scheme);
      const fromGraph = shuffleNull.prepare(
        { graph, layers: null, context: networkNullContext(graph) },
        OPTIONS,
      );
      const fromFull = shuffleNull.prepare(
        { graph, layers: null, context: networkNullContext(full, { colourRule: rule! }) },
        OPTIONS,
      );
      for (let i = 0; i < 5; i++) {
        expect(fromGraph(new Rng(8, i), i).graph).toEqual(fromFull(new Rng(8, i), i).graph);
      }
    }
  });

  it("is the same for the same Rng(seed, i), differs between replicates, and leaves the context unchanged", () => {
    const { graph } = binnedNetwork([12, 10, 4], "orthogonal", 5);
    const context = networkNullContext(graph);
    const before = context.layerWeights.map((w) => Float64Array.from(w));
    const generate = shuffleNull.prepare({ graph, layers: null, context }, OPTIONS);
    const a = generate(new Rng(2, 7), 7).graph;
    expect(generate(new Rng(2, 7), 7).graph).toEqual(a);
    expect(generate(new Rng(2, 8), 8).graph.edgeTrg).not.toEqual(a.edgeTrg);
    expect(context.layerWeights).toEqual(before);
  });

  it("a context that went through JSON (a job queue's) makes the same networks", () => {
    const { graph } = binnedNetwork([9, 7, 3], "normal", 13);
    const context = networkNullContext(graph);
    const json = JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
    const direct = shuffleNull.prepare({ graph, layers: null, context }, OPTIONS);
    const viaJson = shuffleNull.prepare({ graph, layers: null, context: json }, OPTIONS);
    expect(viaJson(new Rng(4, 1), 1).graph).toEqual(direct(new Rng(4, 1), 1).graph);
  });

  it("the colour rule colours the unshuffled weights as the graph was binned", () => {
    const { graph } = binnedNetwork([7, 6, 3], "he", 2);
    const c = networkNullContext(graph);
    const kept = c.layerWeights.map((w, k) => colourLayer(c.colourRule, w, k).filter((x) => x > 0));
    expect(Array.from(kept.flatMap((k) => Array.from(k)))).toEqual(Array.from(graph.edgeColour));
  });
});

describe("bad inputs of the shuffle null", () => {
  const edgeList = makeDigraph(4, [
    [0, 1, 1],
    [1, 2, 2],
    [2, 3, 1],
  ]);

  it("no context (a plain edge list): one line saying what to give instead", () => {
    expect(() =>
      shuffleNull.prepare({ graph: edgeList, layers: null, context: null }, OPTIONS),
    ).toThrow(
      /^the shuffle null needs the network's weights, layers and binning, and this input carries none\. Give a model file .*a plain edge list carries no weights\.$/,
    );
  });

  it("networkNullContext(edge list): names the null and what is missing", () => {
    expect(() => networkNullContext(edgeList, { nullName: "shuffle", file: "g.txt" })).toThrow(
      /^the shuffle null needs a network: the graph has no edge weights\. Give a model file/,
    );
  });

  it("bins that do not reproduce the graph are refused", () => {
    const { graph, full } = binnedNetwork([7, 6, 3], "normal", 2);
    const wrong = networkNullContext(full, {
      colourRule: { kind: "paper", binEdges: [-1, -0.5, -0.01, 0.01, 0.5, 1] },
    });
    expect(() => shuffleNull.prepare({ graph, layers: null, context: wrong }, OPTIONS)).toThrow(
      /the colour rule is not the one the graph was binned with/,
    );
  });
});

describe("shuffle and reinit on the anchor's networks (SPEC §4.2 group bins)", () => {
  it.runIf(HAVE_ANCHOR)(
    "the trained tree network: shuffles keep every layer's colour counts; reinit draws are the same for the initial and the trained network",
    async () => {
      const nets = await Promise.all(
        ["model_init.h5", "model_tree.h5", "model_clus.h5"].map((f) =>
          MODEL_FORMATS.load(anchorFile(f)),
        ),
      );
      const { graphs } = binGroup(nets, "paper", { cutoff: 0.55 });
      const [initial, tree] = graphs;
      const generate = shuffleNull.prepare(
        { graph: tree, layers: null, context: networkNullContext(tree) },
        OPTIONS,
      );
      for (let i = 0; i < 3; i++) {
        const random = generate(new Rng(1, i), i).graph;
        expect(countsPerLayerAndColour(random)).toEqual(countsPerLayerAndColour(tree));
        expect(random.edgeSrc).not.toEqual(tree.edgeSrc);
      }
      const reinit = nullModel("reinit");
      const drawsOf = (g: typeof tree) =>
        reinit.prepare(
          { graph: g, layers: null, context: networkNullContext(g, { init: "normal" }) },
          OPTIONS,
        )(new Rng(1, 5), 5).graph;
      expect(drawsOf(tree)).toEqual(drawsOf(initial));
    },
    60_000,
  );
});
