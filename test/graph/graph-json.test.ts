import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatGraphJson, graphJsonSchema, parseGraphJson } from "../../src/graph/graph-json.js";
import { readFanmodEdgeList, readGraph, writeGraph } from "../../src/graph/read-graph.js";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { scratchDir } from "../scratch-dir.js";

const layered: Digraph = makeDigraph(
  5,
  [
    [0, 2, 1],
    [1, 2, 3],
    [2, 4, 2],
    [3, 4, 1],
  ],
  {
    nodeLayer: Int32Array.from([0, 0, 1, 1, 2]),
    edgeWeight: Float64Array.from([-0.1234567890123, 0.3, Math.fround(0.7), 1e-300]),
    nodeBias: Float64Array.from([NaN, NaN, 0.01, -0.2, 0.1 + 0.2]),
    meta: { source: "model.h5", binning: { scheme: "paper", cutoff: 0.55 } },
  },
);

function errorOf(text: string): NnmotifsError {
  try {
    parseGraphJson(text, "g.json");
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

const minimal = (extra: object, edges: object = {}): string =>
  JSON.stringify({
    format: "nnmotifs-graph",
    version: 1,
    nodeCount: 3,
    edges: { src: [0, 1], trg: [1, 2], colour: [1, 2], ...edges },
    ...extra,
  });

describe("formatGraphJson(g) / parseGraphJson(text)", () => {
  it("round-trips layers, weights (bit for bit), biases (NaN for inputs) and meta", () => {
    const text = formatGraphJson(layered);
    const back = parseGraphJson(text);
    expect(back.nodeCount).toBe(5);
    expect(Array.from(back.edgeSrc)).toEqual([0, 1, 2, 3]);
    expect(Array.from(back.edgeTrg)).toEqual([2, 2, 4, 4]);
    expect(Array.from(back.edgeColour)).toEqual([1, 3, 2, 1]);
    expect(back.nodeLayer).toEqual(layered.nodeLayer);
    expect(back.edgeWeight).toEqual(layered.edgeWeight);
    expect(Number.isNaN(back.nodeBias![0])).toBe(true);
    expect(back.nodeBias![4]).toBe(0.1 + 0.2);
    expect(back.meta).toEqual(layered.meta);
    expect(JSON.parse(text).layerSizes).toEqual([2, 2, 1]);
    expect(formatGraphJson(back)).toBe(text);
  });

  it("derives nodeLayer from layerSizes alone", () => {
    const g = parseGraphJson(minimal({ layerSizes: [1, 1, 1] }));
    expect(Array.from(g.nodeLayer!)).toEqual([0, 1, 2]);
    expect(g.edgeWeight).toBeUndefined();
  });

  it.each([
    ["{not json", /not valid JSON/],
    [minimal({ format: "other" }), /field format/],
    [minimal({ version: 2 }), /field version/],
    [minimal({ nodeCount: -1 }), /field nodeCount/],
    [minimal({}, { colour: [1, 9] }), /field edges\.colour\[1\]/],
    [minimal({}, { src: [0, 1.5] }), /field edges\.src\[1\]/],
    [minimal({}, { trg: [1] }), /field edges\.trg: has 1 entries\. Should have 2/],
    [minimal({}, { weight: [0.1] }), /field edges\.weight: has 1 entries/],
    [minimal({}, { trg: [1, 3] }), /field edges\.trg\[1\]: node 3 is outside 0\.\.2/],
    [minimal({}, { trg: [0, 2] }), /field edges\[0\]: self-loop 0 → 0/],
    [minimal({}, { src: [0, 0], trg: [1, 1] }), /field edges\[1\]: duplicate edge 0 → 1/],
    [minimal({ layerSizes: [1, 1] }), /field layerSizes: sums to 2\. Should sum to nodeCount 3/],
    [minimal({ nodeLayer: [0, 1] }), /field nodeLayer: has 2 entries/],
    [minimal({ layerSizes: [1, 2], nodeLayer: [0, 1, 2] }), /field nodeLayer: disagrees/],
    [minimal({ nodeBias: [null] }), /field nodeBias: has 1 entries/],
    [minimal({ meta: 3 }), /field meta/],
  ])("rejects %s naming the file and the field", (text, message) => {
    const error = errorOf(text);
    expect(error.file).toBe("g.json");
    expect(error.message).toMatch(message);
  });
});

describe("graphJsonSchema()", () => {
  it("is a JSON Schema requiring format, version, nodeCount and edges", () => {
    const schema = graphJsonSchema();
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(
      expect.arrayContaining(["format", "version", "nodeCount", "edges"]),
    );
  });
});

describe("readGraph(path) / writeGraph(path, g, format)", () => {
  it("writes both formats and reads each back by content", () => {
    const dir = scratchDir("nnmotifs-graph-");
    writeGraph(join(dir, "a.txt"), layered, "fanmod");
    writeGraph(join(dir, "a.json"), layered, "json");
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("0 2 1\n1 2 3\n2 4 2\n3 4 1\n");
    const fromText = readGraph(join(dir, "a.txt"));
    const fromJson = readGraph(join(dir, "a.json"));
    expect(fromText.edgeColour).toEqual(layered.edgeColour);
    expect(fromText.nodeLayer).toBeUndefined();
    expect(fromJson.edgeWeight).toEqual(layered.edgeWeight);
    // A FANMOD file with a .json name is still read as FANMOD: content decides.
    writeFileSync(join(dir, "b.json"), "0 1\n");
    expect(readGraph(join(dir, "b.json")).nodeCount).toBe(2);
    expect(readFanmodEdgeList(join(dir, "a.txt")).edgeColour).toEqual(layered.edgeColour);
    expect(() => readFanmodEdgeList(join(dir, "a.json"))).toThrow(/malformed edge "\{": 1 fields/);
  });

  it("names the file in errors", () => {
    const dir = scratchDir("nnmotifs-graph-");
    const path = join(dir, "bad.txt");
    writeFileSync(path, "0 1\n1 1\n");
    expect(() => readGraph(path)).toThrow(NnmotifsError);
    try {
      readGraph(path);
    } catch (error) {
      expect((error as NnmotifsError).format()).toBe(
        `${path}:2: self-loop 1 → 1. Self-loops are not allowed.`,
      );
    }
  });
});
