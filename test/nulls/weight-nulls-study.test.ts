/**
 * The study with `motifs.nulls: [switch, layered, shuffle, reinit]`: the census step gives the
 * weight nulls their network from the graph file (layers, weights, meta.binning, meta.init), for
 * the coloured, uncoloured (topology), matched-density and cut-off sweep graphs, and the analysis and report
 * carry the new nulls like the others.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveStudyConfig } from "../../src/study/config.js";
import { runStudy } from "../../src/study/run-study.js";

/** The one replicate's folder. */
const REP = "replicates/8-6/s1";
const root = mkdtempSync(join(tmpdir(), "nnmotifs-weight-nulls-study-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a study with the shuffle and reinit nulls", () => {
  it("censuses every graph under all four nulls and reports them", async () => {
    const config = resolveStudyConfig({
      data: ["tree"],
      network: { hidden: [8, 6], inits: ["normal"] },
      training: { epochs: 2 },
      motifs: { sizes: [3], randomNetworks: 5, nulls: ["switch", "layered", "shuffle", "reinit"] },
      sensitivity: { cutoffs: [0.45, 0.55], sizes: [3], nulls: ["shuffle", "reinit"] },
      topology: { sizes: [3] },
      density: { sizes: [3] },
      threads: 1,
      seeds: 1,
      snapshots: [],
      biology: { networks: [] },
      out: join(root, "study"),
    });
    const outcome = await runStudy(config);
    expect(outcome.results.nullModels).toEqual(["switch", "layered", "shuffle", "reinit"]);
    const files = readdirSync(join(outcome.outDir, REP, "census"));
    for (const nul of ["shuffle", "reinit"]) {
      for (const graph of ["normal-initial", "normal-tree"]) {
        const name = `${graph}-k3-${nul}.json`;
        expect(files).toContain(name);
        const doc = JSON.parse(readFileSync(join(outcome.outDir, REP, "census", name), "utf8")) as {
          random: { null: string; networks: number };
          motifs: { randomMean: number | null }[];
        };
        expect(doc.random).toMatchObject({ null: nul, networks: 5 });
        expect(doc.motifs.every((m) => m.randomMean !== null)).toBe(true);
      }
    }
    // The sweep's own bins (c = 0.45) reach its censuses too.
    expect(readdirSync(outcome.outDir, { recursive: true }).join("\n")).toMatch(
      /c0\.45.*normal-tree-k3-reinit\.json/,
    );
    const report = readFileSync(outcome.reportPath, "utf8");
    expect(report).toContain("shuffle");
    expect(report).toContain("reinit");
    expect(existsSync(join(outcome.outDir, "findings.json"))).toBe(true);
  }, 300_000);
});
