import { describe, expect, it } from "vitest";
import { makeDigraph } from "../../src/graph/digraph.js";
import {
  layersFromSizes,
  longestPathLayers,
  parseLayerSizes,
  resolveLayers,
} from "../../src/graph/layers.js";

describe("layersFromSizes(sizes, nodeCount)", () => {
  it("maps consecutive id ranges to layers", () => {
    expect(Array.from(layersFromSizes([2, 3, 1], 6))).toEqual([0, 0, 1, 1, 1, 2]);
  });
  it("rejects sizes that do not sum to the node count", () => {
    expect(() => layersFromSizes([2, 3], 6)).toThrow(
      /sum to 5. Should sum to the number of nodes \(6\)/,
    );
  });
});

describe("parseLayerSizes(text)", () => {
  it("parses comma-separated positive integers", () => {
    expect(parseLayerSizes("31,30, 30,4")).toEqual([31, 30, 30, 4]);
  });
  it.each(["", "3,,4", "3,0", "3,-1", "2.5,1", "a,b"])("rejects %j", (text) => {
    expect(() => parseLayerSizes(text)).toThrow(/comma-separated positive integers/);
  });
});

describe("longestPathLayers(g)", () => {
  it("puts sources at 0 and every node one past its deepest predecessor", () => {
    // 0→1→2, 0→2 (skip), 3 isolated, 4→2
    const g = makeDigraph(5, [
      [0, 1],
      [1, 2],
      [0, 2],
      [4, 2],
    ]);
    expect(Array.from(longestPathLayers(g)!)).toEqual([0, 1, 2, 0, 0]);
  });
  it("returns null for a cycle, mutual edges included", () => {
    expect(
      longestPathLayers(
        makeDigraph(3, [
          [0, 1],
          [1, 2],
          [2, 0],
        ]),
      ),
    ).toBeNull();
    expect(
      longestPathLayers(
        makeDigraph(2, [
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toBeNull();
  });
});

describe("resolveLayers(g, sizes)", () => {
  const dag = makeDigraph(3, [
    [0, 1],
    [1, 2],
  ]);
  it("prefers explicit sizes, then the graph's nodeLayer, then longest path", () => {
    expect(Array.from(resolveLayers(dag, [1, 2]))).toEqual([0, 1, 1]);
    const withLayer = { ...dag, nodeLayer: Int32Array.from([5, 6, 7]) };
    expect(Array.from(resolveLayers(withLayer))).toEqual([5, 6, 7]);
    expect(Array.from(resolveLayers(dag))).toEqual([0, 1, 2]);
  });
  it("explains what to do when the graph is not a DAG and has no layers", () => {
    const cyclic = makeDigraph(2, [
      [0, 1],
      [1, 0],
    ]);
    expect(() => resolveLayers(cyclic, null, "g.txt")).toThrow(/not a DAG.*--layers/);
  });
});
