/**
 * Issue 8: a null model added through the registry alone (test/nulls/toy-nulls.ts registers
 * "toy-identity", whose random networks are the original graph) runs in a study, and the analysis
 * and report iterate over it like any other null.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveStudyConfig } from "../../src/study/config.js";
import { runStudy } from "../../src/study/run-study.js";
import "../nulls/toy-nulls.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-toy-null-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a study with a null registered at run time", () => {
  it("censuses, analyses and reports the toy null beside switch; every class it fixes is constrained", async () => {
    const config = resolveStudyConfig({
      seeds: 1,
      snapshots: [],
      data: ["tree"],
      network: { hidden: [6, 5], inits: ["normal"] },
      training: { epochs: 2 },
      motifs: { sizes: [3], randomNetworks: 5, nulls: ["switch", "toy-identity"] },
      sensitivity: { cutoffs: [] },
      threads: 1,
      out: join(root, "study"),
    });
    const outcome = await runStudy(config);
    expect(outcome.results.nullModels).toEqual(["switch", "toy-identity"]);
    const census = JSON.parse(
      readFileSync(
        join(outcome.outDir, "replicates/6-5/s1/census/normal-initial-k3-toy-identity.json"),
        "utf8",
      ),
    ) as { motifs: { constrained: boolean; significant: unknown }[] };
    expect(census.motifs.length).toBeGreaterThan(0);
    expect(census.motifs.every((m) => m.constrained && m.significant === null)).toBe(true);
    const findings = JSON.parse(readFileSync(join(outcome.outDir, "findings.json"), "utf8")) as {
      nullModels: string[];
    };
    expect(findings.nullModels).toContain("toy-identity");
    expect(existsSync(outcome.reportPath)).toBe(true);
    expect(readFileSync(outcome.reportPath, "utf8")).toContain("toy-identity");
  }, 120_000);

  it("an unknown null in the config names the registered ones", () => {
    expect(() => resolveStudyConfig({ motifs: { nulls: ["nope"] } })).toThrow(
      /switch, layered, shuffle, reinit, toy-identity/,
    );
  });
});
