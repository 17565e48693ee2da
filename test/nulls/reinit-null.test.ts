import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { colourLayer } from "../../src/graph/colour-rule.js";
import { layeredDigraph, networkNullContext } from "../../src/graph/network-context.js";
import { REINIT_NULL_NAME, reinitNull } from "../../src/graph/reinit-null.js";
import { INITIALISERS } from "../../src/nn/initialisers.js";
import { isNullModelName, nullModel, nullModelSource } from "../../src/nulls/registry.js";
import { binnedNetwork, countsPerLayerAndColour } from "./network-fixtures.js";

const OPTIONS = { exchanges: 3, tries: 3 };
const SIZES = [10, 8, 6, 3];

function generatorOf(netSeed: number, init: "normal" | "glorot" | "orthogonal" = "normal") {
  const { graph } = binnedNetwork(SIZES, init, netSeed);
  const context = networkNullContext(graph);
  return {
    graph,
    context,
    generate: reinitNull.prepare({ graph, layers: null, context }, OPTIONS),
  };
}

describe("reinitNull: fresh networks of the original's architecture and init scheme", () => {
  it("is registered by importing graph/reinit-null.ts, with its module for worker threads", () => {
    expect(isNullModelName(REINIT_NULL_NAME)).toBe(true);
    expect(nullModel("reinit")).toBe(reinitNull);
    expect(nullModelSource("reinit")?.exportName).toBe("reinitNull");
  });

  it("replicate i is the same bits for the same Rng(seed, i), whatever was drawn before", () => {
    const { generate } = generatorOf(3);
    const first = generate(new Rng(11, 4), 4).graph;
    for (let i = 0; i < 4; i++) generate(new Rng(11, i), i);
    expect(generate(new Rng(11, 4), 4).graph).toEqual(first);
  });

  it("draws independent networks: different weights per replicate, none equal to the original", () => {
    const { graph, generate } = generatorOf(3);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const w = generate(new Rng(1, i), i).graph.edgeWeight!;
      seen.add(Array.from(w.slice(0, 10)).join(","));
      expect(Array.from(w)).not.toEqual(Array.from(graph.edgeWeight!));
    }
    expect(seen.size).toBe(20);
  });

  it("does not depend on the original's seed (only on its architecture, scheme and bins)", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(100), (seedA, seedB, i) => {
        const a = generatorOf(seedA);
        // Network B binned with A's bins: only the original's weights (and its seed) differ.
        const rule = a.context.colourRule;
        const full = binnedNetwork(SIZES, "normal", seedB).full;
        const context = networkNullContext(full, { colourRule: rule, init: "normal" });
        const colours = context.layerWeights.map((w, k) => colourLayer(rule, w, k));
        const graph = layeredDigraph(SIZES, context.layerWeights, colours);
        const b = reinitNull.prepare({ graph, layers: null, context }, OPTIONS);
        expect(a.generate(new Rng(5, i), i).graph).toEqual(b(new Rng(5, i), i).graph);
      }),
      { numRuns: 20, seed: 2 },
    );
  });

  it("draws kernels of the scheme, layer by layer from the replicate's stream, binned with the original's rule", () => {
    const { context, generate } = generatorOf(3, "glorot");
    const rng = new Rng(9, 2);
    const weights = SIZES.slice(1).map((nOut, k) =>
      INITIALISERS.glorot.kernel(SIZES[k], nOut, rng),
    );
    const colours = weights.map((w, k) => colourLayer(context.colourRule, w, k));
    const random = generate(new Rng(9, 2), 2).graph;
    const kept = weights.flatMap((w, k) => Array.from(w).filter((_, e) => colours[k][e] > 0));
    expect(Array.from(random.edgeWeight!)).toEqual(kept);
    expect(Array.from(random.edgeColour)).toEqual(
      colours.flatMap((c) => Array.from(c).filter((x) => x > 0)),
    );
  });

  it("normal: the pooled replicate kernel weights have sd ≈ 0.1 (SPEC §3)", () => {
    const { graph } = binnedNetwork(SIZES, "normal", 1, "none");
    const generate = reinitNull.prepare(
      { graph, layers: null, context: networkNullContext(graph) },
      OPTIONS,
    );
    const w: number[] = [];
    for (let i = 0; i < 30; i++) w.push(...generate(new Rng(3, i), i).graph.edgeWeight!);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
    expect(w.length).toBe(30 * (10 * 8 + 8 * 6 + 6 * 3));
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(sd).toBeGreaterThan(0.095);
    expect(sd).toBeLessThan(0.105);
  });

  it("keeps the architecture: node layers and edges only between consecutive layers", () => {
    const { graph, generate } = generatorOf(4);
    const random = generate(new Rng(2, 0), 0).graph;
    expect(random.nodeLayer).toEqual(graph.nodeLayer);
    for (const key of countsPerLayerAndColour(random).keys()) {
      expect(Number(key.split("/")[0])).toBeLessThan(SIZES.length - 1);
    }
  });
});

describe("bad inputs of the reinit null", () => {
  it("a network that does not say its scheme: one line asking for --init-scheme", () => {
    const { graph } = binnedNetwork(SIZES, "normal", 1);
    const context = networkNullContext(graph, { init: null });
    expect(() => reinitNull.prepare({ graph, layers: null, context }, OPTIONS)).toThrow(
      /^the reinit null needs the network's initialisation scheme, and the input does not say it\. Give --init-scheme \(normal \| orthogonal \| glorot \| he \| lecun\)\.$/,
    );
  });

  it("an unknown scheme names the ones there are", () => {
    const { graph } = binnedNetwork(SIZES, "normal", 1);
    const context = networkNullContext(graph, { init: "xavier" });
    expect(() => reinitNull.prepare({ graph, layers: null, context }, OPTIONS)).toThrow(
      /invalid initialisation scheme "xavier" for the reinit null\. Should be one of: normal/,
    );
  });

  it("no context at all says what to give instead", () => {
    const { graph } = binnedNetwork(SIZES, "normal", 1);
    expect(() => reinitNull.prepare({ graph, layers: null, context: null }, OPTIONS)).toThrow(
      /^the reinit null needs the network's weights, layers and binning/,
    );
  });
});
