import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseStudy, writeAnalysisTables } from "../../src/analysis/analyse-study.js";
import { participationTable } from "../../src/report/participation-table.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

describe("participation table and CSV", () => {
  const results = makeSyntheticStudy(1);
  const analysis = analyseStudy(results);

  it("writes tables/participation.csv with one row per graph, topology and layer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnm-part-"));
    try {
      await writeAnalysisTables(analysis, dir);
      const lines = readFileSync(join(dir, "participation.csv"), "utf8").trim().split("\n");
      expect(lines[0]).toBe(
        "graphId,init,network,stage,size,topology,layer,units,participation,share",
      );
      const layers = results.graphs[0].layerSizes.length;
      expect(lines.length - 1).toBe(results.graphs.length * 2 * layers);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("renders one HTML row per graph and topology, a cell per layer", () => {
    const html = participationTable(analysis.tables.participation);
    expect(html).toContain("Participation per layer, 4-node topologies");
    expect((html.match(/<tr>/g) ?? []).length).toBe(1 + results.graphs.length * 2);
    const first = analysis.tables.participation[0];
    expect(html).toContain(`${first.participation} (${Math.round(100 * first.share)}%)`);
    expect(participationTable([])).toBe("");
  });
});
