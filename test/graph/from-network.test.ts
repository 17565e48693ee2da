import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { digraphToNetwork } from "../../src/graph/to-network.js";
import { formatGraphJson, parseGraphJson } from "../../src/graph/graph-json.js";
import type { DenseNetwork } from "../../src/model/network.js";

/** A network whose kernel entry W[i][j] of layer k is k*100 + i*10 + j (readable in assertions). */
function labelled(layerSizes: number[]): DenseNetwork {
  return {
    layerSizes,
    layers: layerSizes.slice(1).map((nOut, k) => {
      const nIn = layerSizes[k];
      const kernel = new Float64Array(nIn * nOut);
      for (let i = 0; i < nIn; i++)
        for (let j = 0; j < nOut; j++) kernel[i * nOut + j] = k * 100 + i * 10 + j;
      return {
        name: `dense_${k + 1}`,
        nIn,
        nOut,
        kernel,
        bias: Float64Array.from({ length: nOut }, (_, j) => -(k + 1) - j / 10),
        activation: "relu" as const,
      };
    }),
    source: "labelled",
  };
}

describe("networkToDigraph(net)", () => {
  it("numbers units layer by layer and lists edges layer by layer, i then j (SPEC §4.1)", () => {
    const g = networkToDigraph(labelled([2, 3, 1]));
    expect(g.nodeCount).toBe(6);
    expect(Array.from(g.edgeSrc)).toEqual([0, 0, 0, 1, 1, 1, 2, 3, 4]);
    expect(Array.from(g.edgeTrg)).toEqual([2, 3, 4, 2, 3, 4, 5, 5, 5]);
    expect(Array.from(g.edgeWeight!)).toEqual([0, 1, 2, 10, 11, 12, 100, 110, 120]);
    expect(Array.from(g.edgeColour)).toEqual(new Array(9).fill(1));
    expect(Array.from(g.nodeLayer!)).toEqual([0, 0, 1, 1, 1, 2]);
    expect(Array.from(g.nodeBias!)).toEqual([NaN, NaN, -1, -1.1, -1.2, -2]);
    expect(g.meta).toEqual({ source: "labelled" });
  });

  it("has Σ nIn·nOut edges, all from one layer to the next, for random shapes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
        (sizes) => {
          const g = networkToDigraph(labelled(sizes));
          let m = 0;
          for (let k = 1; k < sizes.length; k++) m += sizes[k - 1] * sizes[k];
          expect(g.edgeSrc.length).toBe(m);
          for (let e = 0; e < m; e++)
            expect(g.nodeLayer![g.edgeTrg[e]]).toBe(g.nodeLayer![g.edgeSrc[e]] + 1);
        },
      ),
      { seed: 4101, numRuns: 50 },
    );
  });

  it("refuses a network whose layers disagree with layerSizes", () => {
    const net = labelled([2, 3, 1]);
    expect(() => networkToDigraph({ ...net, layerSizes: [2, 4, 1] })).toThrow(RangeError);
  });
});

describe("digraphToNetwork(g, file)", () => {
  it("inverts networkToDigraph through the native JSON (weights and biases bit for bit)", () => {
    const net = labelled([3, 2, 2]);
    const g = parseGraphJson(formatGraphJson(networkToDigraph(net)));
    const { network, missingEdges } = digraphToNetwork(g, "g.json");
    expect(missingEdges).toBe(0);
    expect(network.layerSizes).toEqual([3, 2, 2]);
    network.layers.forEach((l, k) => {
      expect(l.kernel).toEqual(net.layers[k].kernel);
      expect(l.bias).toEqual(net.layers[k].bias);
    });
  });

  it("reads removed edges as weight 0 and counts them", () => {
    const g = networkToDigraph(labelled([2, 1]));
    const pruned = {
      ...g,
      edgeSrc: g.edgeSrc.slice(1),
      edgeTrg: g.edgeTrg.slice(1),
      edgeColour: g.edgeColour.slice(1),
      edgeWeight: g.edgeWeight!.slice(1),
    };
    const { network, missingEdges } = digraphToNetwork(pruned, "g.json");
    expect(missingEdges).toBe(1);
    expect(Array.from(network.layers[0].kernel)).toEqual([0, 10]);
  });

  it("refuses graphs that are not dense networks", () => {
    const g = networkToDigraph(labelled([2, 2]));
    expect(() => digraphToNetwork({ ...g, edgeWeight: undefined }, "g.json")).toThrow(
      /unsupported: a graph without edge weights/,
    );
    expect(() => digraphToNetwork({ ...g, nodeLayer: undefined }, "g.json")).toThrow(
      /without node layers/,
    );
    const skip = { ...g, nodeLayer: Int32Array.from([0, 0, 2, 2]) };
    expect(() => digraphToNetwork(skip, "g.json")).toThrow(/not consecutive/);
  });
});
