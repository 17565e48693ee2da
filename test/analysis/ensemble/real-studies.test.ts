/**
 * An ensemble built from real one-seed studies: `node dist/cli/main.js study` three times with
 * seeds 1–3 (dist is built by `npm test`'s pretest; run `npm run build` first when running this
 * file alone), loaded as replicates, with snapshots made by relabelling each seed's initial and
 * trained uncoloured censuses as epochs 0, 2 and 5.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyseEnsemble,
  writeEnsembleTables,
  type EnsembleAnalysis,
} from "../../../src/analysis/ensemble/analyse-ensemble.js";
import type {
  EnsembleResults,
  ReplicateResults,
  SnapshotCensus,
} from "../../../src/analysis/ensemble/replicates.js";
import { analyseStudy } from "../../../src/analysis/index.js";
import type { StudyResults } from "../../../src/analysis/study-results.js";
import { writeReport } from "../../../src/report/index.js";
import { REPO_ROOT } from "../../anchor.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const SEEDS = [1, 2, 3];
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-ensemble-real-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(seed: number): string {
  return [
    `seed: ${seed}`,
    `out: ${join(dir, `seed-${seed}`)}`,
    "threads: 1",
    "data: [tree, clusters]",
    "network: { hidden: [30, 30], inits: [normal, glorot] }",
    "training: { epochs: 5 }",
    "motifs: { sizes: [3], randomNetworks: 20, nulls: [switch, layered] }",
    "sensitivity: { cutoffs: [] }",
    "topology: { sizes: [3, 4] }",
    "density: { sizes: [] }",
    // One replicate per study (the test assembles the ensemble itself), no snapshots, no biology.
    "seeds: 1",
    "snapshots: []",
    "biology: { networks: [] }",
    "",
  ].join("\n");
}

function snapshotsOf(results: StudyResults): SnapshotCensus[] {
  const out: SnapshotCensus[] = [];
  for (const g of results.graphs.filter((x) => x.stage === "trained")) {
    for (const c of results.topologyCensuses ?? []) {
      const base = { init: g.init, dataset: g.dataset as string, edges: 0, census: c };
      if (c.graphId === `${g.init}-initial`) out.push({ ...base, epoch: 0, graphId: c.graphId });
      if (c.graphId === g.id) {
        for (const epoch of [2, 5]) out.push({ ...base, epoch, graphId: c.graphId });
      }
    }
  }
  return out;
}

let ensemble: EnsembleResults;
let analysis: EnsembleAnalysis;

beforeAll(async () => {
  const replicates: ReplicateResults[] = [];
  // Asynchronous, so the test worker keeps answering vitest while the studies run.
  for (const seed of SEEDS) {
    const path = join(dir, `seed-${seed}.yaml`);
    writeFileSync(path, config(seed));
    await promisify(execFile)(process.execPath, [CLI, "study", "-c", path, "-q"]);
    const results = JSON.parse(
      readFileSync(
        join(dir, `seed-${seed}`, "replicates", "30-30", `s${seed}`, "study-results.json"),
        "utf8",
      ),
    ) as StudyResults;
    replicates.push({
      architecture: "30-30",
      hidden: [30, 30],
      seed,
      results,
      snapshots: snapshotsOf(results),
    });
  }
  ensemble = { config: replicates[0].results.config, replicates };
  analysis = analyseEnsemble(ensemble);
}, 600_000);

describe("analyseEnsemble on three real one-seed studies", () => {
  it("the seeds are independent draws: their initial networks differ", () => {
    const first = ensemble.replicates.map(
      (r) => r.results.graphs.find((g) => g.id === "normal-initial")!.weights[0],
    );
    expect(new Set(first).size).toBe(SEEDS.length);
  });
  it("every across-seed mean is the mean of its per-seed rows", () => {
    const t = analysis.tables;
    const key = (r: {
      init: string;
      network: string;
      nullModel: string;
      size: number;
      topology: string;
    }) => [r.init, r.network, r.nullModel, r.size, r.topology].join("|");
    const perSeed = new Map<string, number[]>();
    for (const r of t.topologyZSeeds) {
      if (r.z === null) continue;
      perSeed.set(key(r), [...(perSeed.get(key(r)) ?? []), r.z]);
    }
    let checked = 0;
    for (const r of t.topologyZ) {
      const zs = perSeed.get(key(r)) ?? [];
      expect(r.seeds).toBe(zs.length);
      if (zs.length === 0) continue;
      expect(r.mean).toBeCloseTo(zs.reduce((s, z) => s + z, 0) / zs.length, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
  it("states the diamond's and bi-fan's training ΔZ per null with 3 seeds; sign-flip p ≥ 2/2^3", () => {
    const headlines = analysis.findings.filter((f) => f.kind === "ensemble-headline");
    expect(headlines.map((f) => `${f.null} ${f.topology}`).sort()).toEqual([
      "layered bi-fan",
      "layered diamond",
      "switch bi-fan",
      "switch diamond",
    ]);
    for (const f of headlines) expect(f.sentence).toContain("across 3 seeds");
    for (const r of analysis.tables.deltaZ) {
      if (r.pSignFlip !== null) expect(r.pSignFlip).toBeGreaterThanOrEqual(0.25);
    }
  });
  it("has trajectories at epochs 0, 2, 5 with the validation accuracy beside them", () => {
    const points = analysis.tables.trajectories.filter(
      (r) =>
        r.topologyName === "diamond" &&
        r.init === "normal" &&
        r.dataset === "tree" &&
        r.nullModel === "switch",
    );
    expect(points.map((p) => p.epoch)).toEqual([0, 2, 5]);
    expect(points[1].valAccuracyMean).not.toBeNull();
    expect(analysis.tables.motifOnsets.length).toBeGreaterThan(0);
  });
  it("writes its tables and a report with the across-seed sections and the headline", async () => {
    const tables = join(dir, "tables");
    await writeEnsembleTables(analysis, tables);
    expect(readdirSync(tables)).toContain("topology-z-seeds.csv");
    const results = ensemble.replicates[0].results;
    const out = join(dir, "report");
    const { reportPath } = await writeReport(results, analyseStudy(results), out, {
      png: false,
      ensemble: { results: ensemble, analysis },
    });
    const html = readFileSync(reportPath, "utf8");
    for (const id of ["seeds", "null-separation", "trajectories"]) {
      expect(html).toContain(`<section id="${id}"`);
    }
    const headline = analysis.findings.find((f) => f.kind === "ensemble-headline")!;
    // The answer table, then the records' sentences.
    expect(html).toContain(`<p>${headline.sentence}</p>`);
    expect(html.indexOf("ΔZ normal [95% CI]")).toBeLessThan(html.indexOf(headline.sentence));
    expect(readdirSync(join(out, "figures"))).toContain("trajectories-30-30-size-4.svg");
  }, 300_000);
});
