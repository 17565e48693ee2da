import { describe, expect, it } from "vitest";
import { denseNodeIds, fileNodeId, nodeIdRange } from "../../src/graph/digraph.js";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { parseGraphJson } from "../../src/graph/graph-json.js";
import { layersFromSizes } from "../../src/graph/layers.js";
import { parseGraph } from "../../src/graph/read-graph.js";

describe("denseNodeIds(src, trg, idRange)", () => {
  it("keeps ids as indices while the range is small, maps sparse ids in increasing order", () => {
    expect(denseNodeIds([0, 1], [1, 9], 10).nodeIds).toBeUndefined();
    const d = denseNodeIds([0, 2000000000], [2000000000, 7], 2000000001);
    expect(d.nodeCount).toBe(3);
    expect(Array.from(d.nodeIds!)).toEqual([0, 7, 2000000000]);
    expect(Array.from(d.edgeSrc)).toEqual([0, 2]);
    expect(Array.from(d.edgeTrg)).toEqual([2, 1]);
  });
});

describe("parseFanmodEdgeList(text) with sparse ids", () => {
  it("maps `0 2000000000` to two nodes and writes the file's ids back", () => {
    const g = parseFanmodEdgeList("0 2000000000 2\n");
    expect(g.nodeCount).toBe(2);
    expect(nodeIdRange(g)).toBe(2000000001);
    expect(fileNodeId(g, 1)).toBe(2000000000);
    expect(formatFanmodEdgeList(g)).toBe("0 2000000000 2\n");
  });
});

describe("parseGraphJson(text) with a huge nodeCount", () => {
  it("allocates for the edges only, and maps layerSizes through the file's ids", () => {
    const text = JSON.stringify({
      format: "nnmotifs-graph",
      version: 1,
      nodeCount: 2147483647,
      layerSizes: [1000, 2147482647],
      edges: { src: [0, 5], trg: [5000, 2147483646], colour: [1, 1] },
    });
    const g = parseGraphJson(text);
    expect(g.nodeCount).toBe(4);
    expect(Array.from(g.nodeLayer!)).toEqual([0, 0, 1, 1]);
  });
});

describe("layersFromSizes(sizes, nodeCount, nodeIds)", () => {
  it("accepts sizes above the highest id (trailing isolated units)", () => {
    expect(Array.from(layersFromSizes([2, 2, 4], 6))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(() => layersFromSizes([2, 2], 6)).toThrow(/sum to 4/);
  });
});

describe("parseGraph(text) on graphs without edges", () => {
  it.each(["", "  \n\t\n", "# only a comment\n"])("refuses %j with a clear message", (text) => {
    expect(() => parseGraph(text, "g.txt")).toThrow(/g\.txt|empty|no edges/);
  });
  it("refuses graph JSON with empty edge arrays", () => {
    const text = JSON.stringify({
      format: "nnmotifs-graph",
      version: 1,
      nodeCount: 3,
      edges: { src: [], trg: [], colour: [] },
    });
    expect(() => parseGraph(text, "g.json")).toThrow(/no edges/);
  });
});
