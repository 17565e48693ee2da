import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { StudyResults } from "../../src/analysis/study-results.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { runStudy } from "../../src/study/run-study.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-reference-study-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a study with a reference network (config `biology`)", () => {
  it("counts it, puts it in the results, finds the SP correlation and reports it", async () => {
    const out = join(root, "s");
    const outcome = await runStudy(
      resolveStudyConfig({
        data: ["tree"],
        network: { hidden: [6, 5], inits: ["normal"] },
        training: { epochs: 2 },
        motifs: { sizes: [3], randomNetworks: 8, nulls: ["switch"] },
        sensitivity: { cutoffs: [] },
        topology: { sizes: [3] },
        density: { sizes: [] },
        biology: { networks: ["@ecoli"], sizes: [3] },
        threads: 1,
        seeds: 1,
        snapshots: [],
        out,
      }),
    );
    const ids = outcome.manifest.steps.map((s) => s.id);
    expect(ids).toContain("census-reference-ecoli-k3-switch");
    const results = JSON.parse(
      readFileSync(join(out, "replicates/6-5/s1/study-results.json"), "utf8"),
    ) as StudyResults;
    expect(results.references).toHaveLength(1);
    const ref = results.references?.[0];
    expect(ref).toMatchObject({ network: "@ecoli", name: "ecoli", nodes: 423, arcs: 519 });
    expect(ref?.census).toMatchObject({ graphId: "@ecoli", size: 3, subgraphs: 5206 });
    const findings = (
      JSON.parse(readFileSync(join(out, "findings.json"), "utf8")) as {
        findings: { section: string; sentence: string }[];
      }
    ).findings.filter((f) => f.section === "biology");
    expect(findings).toHaveLength(1);
    expect(findings[0].sentence).toContain("the E. coli transcription network");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<section id="biology"');
    expect(html).toContain(findings[0].sentence.slice(0, 50));
    expect(
      readFileSync(join(out, "replicates/6-5/s1/tables/biological-comparison.csv"), "utf8"),
    ).toMatch(/^graphId,init,network,stage,size,nullModel,reference,/);
  }, 180_000);
});
