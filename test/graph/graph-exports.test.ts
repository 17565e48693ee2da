import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import type { Digraph } from "../../src/graph/digraph.js";
import { formatDot } from "../../src/graph/dot-writer.js";
import { formatGexf } from "../../src/graph/gexf-writer.js";
import { parseGraphml } from "../../src/graph/graphml.js";
import { formatGraphml } from "../../src/graph/graphml-writer.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

function withLayersAndWeights(g: Digraph, seed: number): Digraph {
  return {
    ...g,
    nodeLayer: Int32Array.from({ length: g.nodeCount }, (_, v) => v % 3),
    edgeWeight: Float64Array.from(g.edgeSrc, (_, e) => Math.sin(seed + e) * 0.7),
  };
}

describe("formatGraphml(g)", () => {
  it("is read back by parseGraphml as the same graph (edges, colours, weights, layers)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const g = withLayersAndWeights(randomEdgeGraph(12, 30, seed), seed);
        const back = parseGraphml(formatGraphml(g), "g.graphml");
        expect(back.nodeCount).toBe(g.nodeCount);
        expect(Array.from(back.edgeSrc)).toEqual(Array.from(g.edgeSrc));
        expect(Array.from(back.edgeTrg)).toEqual(Array.from(g.edgeTrg));
        expect(Array.from(back.edgeColour)).toEqual(Array.from(g.edgeColour));
        expect(Array.from(back.edgeWeight!)).toEqual(Array.from(g.edgeWeight!));
        expect(Array.from(back.nodeLayer!)).toEqual(Array.from(g.nodeLayer!));
      }),
      { numRuns: 25 },
    );
  });

  it("escapes node names", () => {
    const g: Digraph = {
      ...randomEdgeGraph(3, 2, 1),
      meta: { nodeNames: ["a<b", 'x&"y"', "z"] },
    };
    const text = formatGraphml(g);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(parseGraphml(text).meta?.nodeNames).toEqual(["a<b", 'x&"y"', "z"]);
  });
});

describe("formatGexf(g)", () => {
  it("is well-formed XML with one node and one edge element per node and edge", () => {
    const g = withLayersAndWeights(randomEdgeGraph(10, 25, 3), 3);
    const text = formatGexf(g);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text.match(/<node /g)?.length).toBe(10);
    expect(text.match(/<edge /g)?.length).toBe(25);
    expect(text).toContain('defaultedgetype="directed"');
  });
});

describe("formatDot(g)", () => {
  it("writes one arc per edge with its colour, and a rank=same group per layer", () => {
    const g = withLayersAndWeights(randomEdgeGraph(9, 20, 5), 5);
    const text = formatDot(g);
    expect(text.startsWith("digraph nnmotifs {")).toBe(true);
    expect(text.match(/ -> /g)?.length).toBe(20);
    expect(text.match(/rank=same/g)?.length).toBe(3);
    const first = `${g.edgeSrc[0]} -> ${g.edgeTrg[0]} [colour=${g.edgeColour[0]},`;
    expect(text).toContain(first);
  });
});
