import { describe, expect, it } from "vitest";
import {
  longestPathLevels,
  motifPictogram,
  pictogramLegend,
} from "../../src/report/motif-pictogram.js";
import { parseAdjacency } from "../../src/analysis/motif-names.js";

function circles(svg: string): [number, number][] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

describe("longestPathLevels(m)", () => {
  it("places the diamond on three levels and the bi-fan on two", () => {
    expect(longestPathLevels(parseAdjacency(["0110", "0001", "0001", "0000"]))).toEqual([
      0, 1, 1, 2,
    ]);
    expect(longestPathLevels(parseAdjacency(["0011", "0011", "0000", "0000"]))).toEqual([
      0, 0, 1, 1,
    ]);
    // A feed-forward loop: the shortcut does not pull its target up a level.
    expect(longestPathLevels(parseAdjacency(["011", "001", "000"]))).toEqual([0, 1, 2]);
  });
  it("terminates on cycles", () => {
    const levels = longestPathLevels(parseAdjacency(["01", "10"]));
    expect(levels.every((l) => l >= 0 && l < 2)).toBe(true);
  });
});

describe("motifPictogram(rows)", () => {
  it("draws one node per vertex, top to bottom by level, and one coloured arrow per edge", () => {
    const svg = motifPictogram(["0130", "0002", "0003", "0000"]);
    const nodes = circles(svg);
    expect(nodes).toHaveLength(4);
    expect(nodes[0][1]).toBeLessThan(nodes[1][1]);
    expect(nodes[1][1]).toBe(nodes[2][1]);
    expect(nodes[2][1]).toBeLessThan(nodes[3][1]);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg.match(/<polygon /g)).toHaveLength(4);
    expect(svg).toContain('stroke="#2c7bb6"'); // colour 1, strong negative
    expect(svg).toContain('stroke="#a0a0a0"'); // colour 2, mild
    expect(svg).toContain('stroke="#d7191c"'); // colour 3, strong positive
    expect(svg).not.toContain(" id=");
  });
  it("respects the requested size", () => {
    expect(motifPictogram("0100", { size: 40 })).toMatch(/width="40" height="40"/);
  });
});

describe("pictogramLegend()", () => {
  it("names the three weight categories", () => {
    const html = pictogramLegend();
    expect(html).toMatch(/1 strong negative/);
    expect(html).toMatch(/2 mild/);
    expect(html).toMatch(/3 strong positive/);
  });
});
