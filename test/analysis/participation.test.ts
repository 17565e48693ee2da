import { describe, expect, it } from "vitest";
import {
  engineTopologyKey,
  graphOfRecord,
  layerParticipation,
} from "../../src/analysis/participation.js";
import type { GraphRecord, StudyResults } from "../../src/analysis/study-results.js";
import { findInstances } from "../../src/motifs/instances.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

function record(layerSizes: number[], weightColours: number[]): GraphRecord {
  return {
    id: "normal-tree",
    init: "normal",
    stage: "trained",
    dataset: "tree",
    layerSizes,
    weights: weightColours.map(() => 0.5),
    weightColours,
    binEdges: null,
    fit: null,
    edgesPerColour: {},
  };
}

const study = (graphs: GraphRecord[]): StudyResults =>
  ({ ...makeSyntheticStudy(1), graphs }) as StudyResults;

describe("graphOfRecord(g)", () => {
  it("numbers units layer by layer and keeps weights of colour > 0 in kernel order", () => {
    // 2 → 2 → 1: kernel 1 is [[1,0],[2,3]] (i then j), kernel 2 is [[0],[1]].
    const g = graphOfRecord(record([2, 2, 1], [1, 0, 2, 3, 0, 1]));
    expect(g.nodeCount).toBe(5);
    expect(Array.from(g.edgeSrc)).toEqual([0, 1, 1, 3]);
    expect(Array.from(g.edgeTrg)).toEqual([2, 2, 3, 4]);
    expect(Array.from(g.edgeColour)).toEqual([1, 2, 3, 1]);
    expect(Array.from(g.nodeLayer ?? [])).toEqual([0, 0, 1, 1, 2]);
  });
});

describe("layerParticipation(results)", () => {
  it("counts a 2-2-1 network by hand: two diamonds, one bi-fan", () => {
    const rows = layerParticipation(study([record([2, 2, 1], [1, 1, 2, 3, 1, 2])]));
    const pick = (t: string) =>
      rows.filter((r) => r.topology === t).map((r) => [r.participation, r.share]);
    expect(pick("diamond")).toEqual([
      [2, 1],
      [4, 1],
      [2, 1],
    ]);
    expect(pick("bi-fan")).toEqual([
      [2, 1],
      [2, 1],
      [0, 0],
    ]);
    expect(rows.every((r) => r.size === 4 && r.network === "tree")).toBe(true);
  });

  it("sums to k × the number of instances per network and topology (synthetic study)", () => {
    const results = makeSyntheticStudy(1);
    const rows = layerParticipation(results);
    expect(new Set(rows.map((r) => r.graphId)).size).toBe(results.graphs.length);
    for (const g of results.graphs) {
      for (const topology of ["diamond", "bi-fan"]) {
        const mine = rows.filter((r) => r.graphId === g.id && r.topology === topology);
        expect(mine.map((r) => r.units)).toEqual([...g.layerSizes]);
        const { key } = engineTopologyKey(topology);
        const found = findInstances(graphOfRecord(g), key, { size: 4, topology: true });
        expect(mine.reduce((s, r) => s + r.participation, 0)).toBe(4 * found.count);
        for (const r of mine) expect(r.share).toBeGreaterThanOrEqual(0);
        for (const r of mine) expect(r.share).toBeLessThanOrEqual(1);
      }
    }
  });

  it("uses every named topology of another size", () => {
    const rows = layerParticipation(study([record([2, 2, 1], [1, 1, 2, 3, 1, 2])]), { size: 3 });
    expect(new Set(rows.map((r) => r.topology))).toEqual(
      new Set(["chain", "fan-out", "fan-in", "feed-forward loop"]),
    );
  });
});
