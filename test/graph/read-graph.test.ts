import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { parseGraph, readGraph, writeGraph } from "../../src/graph/read-graph.js";

const dir = mkdtempSync(join(tmpdir(), "nnmotifs-read-graph-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readGraph(path)", () => {
  it("reads back what writeGraph wrote, in either format", () => {
    const g = makeDigraph(4, [
      [0, 2, 1],
      [1, 2, 3],
      [2, 3, 2],
    ]);
    for (const format of ["fanmod", "json"] as const) {
      const file = join(dir, `g.${format}`);
      writeGraph(file, g, format);
      const back = readGraph(file);
      expect([...back.edgeSrc]).toEqual([0, 1, 2]);
      expect([...back.edgeTrg]).toEqual([2, 2, 3]);
      expect([...back.edgeColour]).toEqual([1, 3, 2]);
    }
  });

  it("names a binary model file and says how to make a graph from it", () => {
    const file = join(dir, "model.h5");
    writeFileSync(file, Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    expect(() => readGraph(file)).toThrow(NnmotifsError);
    expect(() => readGraph(file)).toThrow(/binary file.*nnmotifs graph/);
  });

  it("parseGraph(text) tells a model JSON from a graph JSON", () => {
    const tfjs = JSON.stringify({ modelTopology: {}, weightsManifest: [] });
    const native = JSON.stringify({ format: "nnmotifs-model", version: 1 });
    for (const text of [tfjs, native]) {
      expect(() => parseGraph(text, "m.json")).toThrow(/neural-network model, not a graph/);
    }
  });
});
