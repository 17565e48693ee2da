import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveStudyConfig, type StudyConfig } from "../../src/study/config.js";
import { readManifest } from "../../src/study/manifest.js";
import { stepSeed } from "../../src/study/step.js";
import { initialNetwork } from "../../src/nn/mlp.js";
import { parseNativeModel } from "../../src/model/native-model.js";
import { runStudy, type StudyOutcome } from "../../src/study/run-study.js";
import { ANCHOR_DATASETS, HAVE_ANCHOR, REPO_ROOT } from "../anchor.js";

/** A study of a few seconds: one data set, two inits, size 3, a handful of random networks. */
const TINY = {
  // One replicate, no training snapshots (test/study/grid.test.ts has the seeds and snapshots).
  seeds: 1,
  snapshots: [],
  data: ["tree"],
  network: { hidden: [6, 5], inits: ["normal", "glorot"] },
  training: { epochs: 2 },
  // The two switching nulls (the default adds the weight shuffle: test/nulls/weight-nulls-study).
  motifs: { sizes: [3], randomNetworks: 8, nulls: ["switch", "layered"] },
  sensitivity: { cutoffs: [] }, // the cut-off sweep has tests of its own below
  // The uncoloured and matched-density censuses have a test of their own below.
  topology: { sizes: [] },
  density: { sizes: [] },
  // The reference networks have tests of their own (plan-reference, reference-study).
  biology: { networks: [] as string[] },
  threads: 1,
};

/** The one replicate's folder and the suffix of its step ids (layout.ts). */
const D = "replicates/6-5/s1";
const R = "@6-5-s1";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-study-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tiny(out: string, patch: (c: typeof TINY) => object = (c) => c): StudyConfig {
  return resolveStudyConfig({ ...patch(structuredClone(TINY)), out: join(root, out) });
}

function files(dir: string, sub: string): string[] {
  return readdirSync(join(dir, sub)).sort();
}

/** The steps of a finished run, by id, with whether each was reused. */
function reusedById(outcome: StudyOutcome): Map<string, boolean> {
  return new Map(outcome.manifest.steps.map((s) => [s.id, s.reused]));
}

describe("runStudy(config)", () => {
  let first: StudyOutcome;
  beforeAll(async () => {
    first = await runStudy(tiny("a"));
  });

  it("writes the results folder layout and a complete manifest", () => {
    const dir = first.outDir;
    expect(files(dir, `${D}/models`)).toEqual([
      "glorot-initial.model.json",
      "normal-initial.model.json",
      "tree-glorot.model.json",
      "tree-normal.model.json",
    ]);
    expect(files(dir, `${D}/curves`)).toEqual([
      "tree-glorot.csv",
      "tree-glorot.json",
      "tree-normal.csv",
      "tree-normal.json",
    ]);
    for (const id of ["normal-initial", "normal-tree", "glorot-initial", "glorot-tree"]) {
      expect(existsSync(join(dir, D, "graphs", `${id}.fanmod.txt`))).toBe(true);
      expect(existsSync(join(dir, D, "graphs", `${id}.graph.json`))).toBe(true);
      for (const nullModel of ["switch", "layered"]) {
        const census = JSON.parse(
          readFileSync(join(dir, D, "census", `${id}-k3-${nullModel}.json`), "utf8"),
        ) as { size: number; subgraphs: number; motifs: unknown[]; random: { null: string } };
        expect(census.size).toBe(3);
        expect(census.random.null).toBe(nullModel);
        expect(census.motifs.length).toBeGreaterThan(0);
        const csv = readFileSync(join(dir, D, "census", `${id}-k3-${nullModel}.csv`), "utf8");
        // The one census CSV format (the same as `nnmotifs census --format csv`), a row per class.
        const lines = csv.trimEnd().split("\n");
        expect(lines[0]).toMatch(
          /^adjacency,vertex_colours,count,frequency,random_mean,random_sd,z,/,
        );
        expect(lines).toHaveLength(census.motifs.length + 1);
      }
    }
    expect(files(dir, `${D}/tables`).length).toBeGreaterThan(3);
    expect(existsSync(join(dir, "report.html"))).toBe(true);
    expect(files(dir, "figures").some((f) => f.endsWith(".svg"))).toBe(true);
    expect(files(dir, "figures").some((f) => f.endsWith(".png"))).toBe(true);
    expect(existsSync(join(dir, "study-results.json"))).toBe(true);
    const manifest = readManifest(dir);
    expect(manifest.status).toBe("complete");
    expect(manifest.config.seed).toBe(1);
    expect(manifest.versions.nnmotifs).toMatch(/^\d+\.\d+\.\d+/);
    // 2 trainings + 2 graph groups + 4 graphs × 2 nulls + analysis + report
    expect(manifest.steps.map((s) => s.stage)).toEqual([
      ...Array(2).fill("train"),
      ...Array(2).fill("graphs"),
      ...Array(8).fill("census"),
      "analysis",
      "report",
    ]);
    for (const s of manifest.steps.filter((x) => x.stage === "census" || x.stage === "train")) {
      expect(s.seed).not.toBeNull();
      expect(s.inputHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(Object.keys(manifest.stageSeconds)).toEqual([
      "train",
      "graphs",
      "census",
      "analysis",
      "report",
    ]);
  });

  it("hands the analyses a StudyResults with every training, graph and census", () => {
    const r = first.results;
    expect(r.datasets).toEqual(["tree"]);
    expect(r.trainings.map((t) => `${t.dataset}/${t.init}`)).toEqual([
      "tree/normal",
      "tree/glorot",
    ]);
    expect(r.trainings[0].history).toHaveLength(2);
    expect(r.graphs.map((g) => g.id)).toEqual([
      "normal-initial",
      "normal-tree",
      "glorot-initial",
      "glorot-tree",
    ]);
    const g = r.graphs[1];
    // [31, 6, 5, 4]: every kernel weight has a colour, 0 where the binning removed the edge.
    expect(g.weights).toHaveLength(31 * 6 + 6 * 5 + 5 * 4);
    expect(g.weightColours).toHaveLength(g.weights.length);
    const kept = g.weightColours.filter((c) => c !== 0).length;
    const edges = Object.values(g.edgesPerColour).reduce((a, b) => a + b, 0);
    expect(kept).toBe(edges);
    expect(g.binEdges).toHaveLength(6);
    expect(r.censuses).toHaveLength(8);
  });

  it("the initial network depends on the study seed and the init only (shared by data sets)", () => {
    const model = parseNativeModel(
      readFileSync(join(first.outDir, D, "models", "normal-initial.model.json"), "utf8"),
      "normal-initial.model.json",
    );
    const expected = initialNetwork([31, 6, 5, 4], "normal", stepSeed(1, "init", "normal"));
    expect(Array.from(model.layers[0].kernel)).toEqual(Array.from(expected.layers[0].kernel));
    expect(Array.from(model.layers[2].bias)).toEqual(Array.from(expected.layers[2].bias));
  });

  it("a rerun with the same config reuses every finished step", async () => {
    const again = await runStudy(tiny("a"));
    expect([...reusedById(again).values()].every((r) => r)).toBe(true);
    expect(again.ran).toBe(0);
    expect(again.reused).toBe(14);
  });

  it("a deleted output is redone on the next run", async () => {
    rmSync(join(first.outDir, D, "census", "glorot-tree-k3-switch.json"));
    const again = await runStudy(tiny("a"));
    const r = reusedById(again);
    expect(r.get(`census-glorot-tree-k3-switch${R}`)).toBe(false);
    expect(r.get(`census-glorot-tree-k3-layered${R}`)).toBe(true);
    expect(existsSync(join(first.outDir, D, "census", "glorot-tree-k3-switch.json"))).toBe(true);
  });

  it("a changed config redoes only the affected steps", async () => {
    const more = await runStudy(
      tiny("a", (c) => ({ ...c, motifs: { ...c.motifs, randomNetworks: 9 } })),
    );
    const r = reusedById(more);
    expect(r.get(`train-tree-normal${R}`)).toBe(true);
    expect(r.get(`graphs-glorot${R}`)).toBe(true);
    expect(r.get(`census-normal-tree-k3-switch${R}`)).toBe(false);
    expect(r.get("analysis")).toBe(false);

    const cutoff = await runStudy(
      tiny("a", (c) => ({
        ...c,
        motifs: { ...c.motifs, randomNetworks: 9 },
        graphs: { cutoff: 0.5 },
      })),
    );
    const s = reusedById(cutoff);
    expect(s.get(`train-tree-glorot${R}`)).toBe(true);
    expect(s.get(`graphs-glorot${R}`)).toBe(false);
    expect(s.get(`census-glorot-tree-k3-layered${R}`)).toBe(false);
  });

  it("a study killed mid-run resumes and gives the same results as an uninterrupted one", async () => {
    const uninterrupted = join(root, "b");
    await runStudy(tiny("b"));
    const killed = join(root, "k");
    const yaml = join(root, "k.yaml");
    // Also a different thread count: results must not depend on it.
    writeFileSync(yaml, JSON.stringify({ ...TINY, threads: 2, out: killed }));
    const cli = [join(REPO_ROOT, "src", "cli", "main.ts"), "study", "--config", yaml, "--quiet"];
    const child = spawn(process.execPath, ["--import", "tsx", ...cli], {
      cwd: REPO_ROOT,
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    // Kill once the trainings, the graphs and a few censuses are marked finished.
    const markers = join(killed, ".steps");
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const n = existsSync(markers) ? readdirSync(markers).length : 0;
      if (n >= 6) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await exited;
    expect(readManifest(killed).status).toBe("running"); // it really was killed mid-run
    const finishedBefore = readdirSync(markers).length;
    expect(finishedBefore).toBeGreaterThanOrEqual(6);

    const resumed = await runStudy(resolveStudyConfig({ ...TINY, threads: 2, out: killed }));
    expect(resumed.reused).toBeGreaterThanOrEqual(finishedBefore - 1);
    for (const sub of [`${D}/census`, `${D}/models`, `${D}/graphs`]) {
      const names = files(uninterrupted, sub);
      expect(files(killed, sub)).toEqual(names);
      for (const name of names) {
        const a = readFileSync(join(uninterrupted, sub, name), "utf8");
        const b = readFileSync(join(killed, sub, name), "utf8");
        expect(b === a, `${sub}/${name} differs`).toBe(true);
      }
    }
  });

  it("{ force: true } redoes every step and reproduces the same files", async () => {
    const dir = join(root, "b");
    const before = readFileSync(join(dir, D, "census", "normal-tree-k3-layered.json"), "utf8");
    const forced = await runStudy(tiny("b"), { force: true });
    expect(forced.ran).toBe(14);
    expect(forced.reused).toBe(0);
    expect(readFileSync(join(dir, D, "census", "normal-tree-k3-layered.json"), "utf8")).toBe(
      before,
    );
  });
});

describe.skipIf(!HAVE_ANCHOR)("runStudy on the anchor's CSV data sets", () => {
  it("trains, bins and counts motifs on csv:…/tree.csv like on a generated set", async () => {
    const out = join(root, "anchor");
    const outcome = await runStudy(
      resolveStudyConfig({
        ...TINY,
        data: [`csv:${join(ANCHOR_DATASETS, "tree.csv")}`],
        network: { hidden: [6, 5], inits: ["normal"] },
        out,
      }),
    );
    expect(outcome.results.datasets).toEqual([`csv:${join(ANCHOR_DATASETS, "tree.csv")}`]);
    expect(outcome.results.graphs.map((g) => g.id)).toEqual(["normal-initial", "normal-tree-csv"]);
    expect(outcome.results.trainings[0].history).toHaveLength(2);
    expect(existsSync(join(out, D, "census", "normal-tree-csv-k3-layered.json"))).toBe(true);
  });
});

describe("runStudy with other binnings and vertex colours", () => {
  it("quantile binning and `vertexColours: layer` flow through to the graphs and the census", async () => {
    const out = join(root, "variants");
    const outcome = await runStudy(
      resolveStudyConfig({
        ...TINY,
        network: { hidden: [6, 5], inits: ["glorot"] },
        graphs: { binning: "quantile", quantile: 0.3 },
        motifs: { ...TINY.motifs, nulls: ["layered"], vertexColours: "layer" },
        out,
      }),
    );
    const g = outcome.results.graphs[0];
    expect(g.binEdges).toBeNull();
    expect(Object.keys(g.edgesPerColour).sort()).toEqual(["1", "3"]);
    const census = JSON.parse(
      readFileSync(join(out, D, "census", "glorot-tree-k3-layered.json"), "utf8"),
    ) as { vertexColours: string; motifs: Array<{ vertexColours?: number[] }> };
    expect(census.vertexColours).toBe("layer");
    expect(census.motifs[0].vertexColours).toHaveLength(3);
  });
});

describe("runStudy with a cut-off sweep (config `sensitivity`)", () => {
  const sweep = (out: string): StudyConfig =>
    resolveStudyConfig({
      ...TINY,
      network: { hidden: [6, 5], inits: ["glorot"] },
      sensitivity: { cutoffs: [0.45, 0.55], sizes: [3, 4], nulls: ["switch"] },
      out: join(root, out),
    });
  let outcome: StudyOutcome;
  beforeAll(async () => {
    outcome = await runStudy(sweep("sweep"));
  });

  it("bins every init group at each cut-off and counts them, apart from the main graphs and census", () => {
    const dir = outcome.outDir;
    expect(files(dir, `${D}/graphs/sensitivity/c0.45`)).toEqual([
      "glorot-group.json",
      "glorot-initial.fanmod.txt",
      "glorot-initial.graph.json",
      "glorot-tree.fanmod.txt",
      "glorot-tree.graph.json",
    ]);
    const sweepCensus = (ks: number[]) =>
      ["glorot-initial", "glorot-tree"].flatMap((id) =>
        ks.flatMap((k) => [`${id}-k${k}-switch.csv`, `${id}-k${k}-switch.json`]),
      );
    expect(files(dir, `${D}/census/sensitivity/c0.45`)).toEqual(sweepCensus([3, 4]));
    // The study's own cut-off is one grid with the main census: its graphs are the main graphs and
    // only its points outside the main grid (size 4 here) are counted, under the sweep's folder.
    expect(existsSync(join(dir, D, "graphs/sensitivity/c0.55"))).toBe(false);
    expect(files(dir, `${D}/census/sensitivity/c0.55`)).toEqual(sweepCensus([4]));
    // The main graphs and census are where they were.
    expect(files(dir, `${D}/census`).filter((f) => f.endsWith(".json"))).toHaveLength(4);
    const ids = outcome.manifest.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`sensitivity-graphs-glorot-c0.45${R}`);
    expect(ids).toContain(`sensitivity-census-c0.55-glorot-tree-k4-switch${R}`);
    expect(ids).not.toContain(`sensitivity-graphs-glorot-c0.55${R}`);
    expect(ids).not.toContain(`sensitivity-census-c0.55-glorot-tree-k3-switch${R}`);
    // 1 training, 1 + 1 graph groups, 4 + 4 + 2 censuses, analysis, report
    expect(ids).toHaveLength(1 + 2 + 10 + 2);
  });

  it("at the study's own cut-off the sweep's results are the main graph and census, computed once", () => {
    const dir = outcome.outDir;
    const read = (rel: string) => readFileSync(join(dir, D, rel), "utf8");
    const sens = outcome.results.sensitivity ?? [];
    const atMain = sens.find((r) => r.cutoff === 0.55);
    const main = outcome.results.censuses.find(
      (c) => c.graphId === "glorot-tree" && c.size === 3 && c.nullModel === "switch",
    );
    const swept = atMain?.censuses.find(
      (c) => c.graphId === "glorot-tree" && c.size === 3 && c.nullModel === "switch",
    );
    expect(swept?.motifs).toEqual(main?.motifs);
    expect(atMain?.graphs.find((g) => g.id === "glorot-tree")?.binEdges).toEqual(
      outcome.results.graphs.find((g) => g.id === "glorot-tree")?.binEdges,
    );
    // A lower cut-off meets the density further out in its tails: a wider removed band.
    const kept = (rel: string) => read(rel).split("\n");
    expect(kept("graphs/sensitivity/c0.45/glorot-tree.fanmod.txt").length).toBeLessThan(
      kept("graphs/glorot-tree.fanmod.txt").length,
    );
  });

  it("hands StudyResults.sensitivity to the analyses: a table, a finding and a report section", () => {
    const sens = outcome.results.sensitivity ?? [];
    expect(sens.map((r) => r.cutoff)).toEqual([0.45, 0.55]);
    expect(sens[0].graphs.map((g) => g.id)).toEqual(["glorot-initial", "glorot-tree"]);
    expect(sens[0].censuses).toHaveLength(4);
    const table = readFileSync(join(outcome.outDir, D, "tables", "cutoff-sensitivity.csv"), "utf8");
    expect(table.split("\n")[0]).toMatch(/^cutoff,isDefault,graphId,/);
    expect(table.trimEnd().split("\n")).toHaveLength(1 + 8);
    const html = readFileSync(outcome.reportPath, "utf8");
    expect(html).toMatch(
      /<section id="sensitivity"[^>]*><h2>\d+\. Sensitivity to the cut-off c<\/h2>/,
    );
    expect(html.indexOf('id="nulls"')).toBeLessThan(html.indexOf('id="sensitivity"'));
    expect(html).toMatch(/<li>Sensitivity to the cut-off c \(0\.45 to 0\.55, switch randomisation/);
    expect(existsSync(join(outcome.outDir, "figures", "cutoff-sensitivity.svg"))).toBe(true);
  });

  it("a rerun reuses every step, the sweep's included", async () => {
    const again = await runStudy(sweep("sweep"));
    expect(again.ran).toBe(0);
    expect(again.reused).toBe(15);
  });

  it("is off for a binning without a cut-off", async () => {
    const quantile = await runStudy(
      resolveStudyConfig({
        ...TINY,
        network: { hidden: [6, 5], inits: ["glorot"] },
        graphs: { binning: "quantile" },
        sensitivity: { cutoffs: [0.45] },
        out: join(root, "sweep-quantile"),
      }),
    );
    expect(quantile.manifest.steps.some((s) => s.id.startsWith("sensitivity-"))).toBe(false);
    expect(quantile.results.sensitivity).toBeUndefined();
  });
});

describe("runStudy errors", () => {
  it("a user error names the step and keeps the file; a new results folder is not left behind", async () => {
    const bad = join(root, "bad.csv");
    writeFileSync(bad, "x0,x1,label\n1,2,0\n3,1\n");
    const out = join(root, "failing");
    const run = runStudy(resolveStudyConfig({ ...TINY, data: [`csv:${bad}`], out }));
    await expect(run).rejects.toThrow(/^train bad-csv × normal \(6-5, seed 1\): /);
    await expect(run).rejects.toMatchObject({ file: bad });
    expect(existsSync(bad)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("in an existing results folder a user error marks the manifest failed, naming the step", async () => {
    const bad = join(root, "bad2.csv");
    writeFileSync(bad, "x0,x1,label\n1,2,0\n3,1\n");
    const out = join(root, "failing-existing");
    mkdirSync(out);
    const run = runStudy(resolveStudyConfig({ ...TINY, data: [`csv:${bad}`], out }));
    await expect(run).rejects.toThrow(/^train bad2-csv × normal \(6-5, seed 1\): /);
    const manifest = readManifest(out);
    expect(manifest.status).toBe("failed");
    expect(manifest.failedStep).toBe(`train-bad2-csv-normal${R}`);
  });
});

describe("runStudy results folder", () => {
  it("refuses a non-empty folder that is not a study's (a typo in --out)", async () => {
    const other = join(root, "someone-elses");
    mkdirSync(other);
    writeFileSync(join(other, "thesis.tex"), "\\documentclass{article}");
    await expect(runStudy(resolveStudyConfig({ ...TINY, out: other }))).rejects.toThrow(
      /not a study results folder/,
    );
    expect(readdirSync(other)).toEqual(["thesis.tex"]);
  });
});

describe("runStudy with the topology level and matched density (issue 7 items 4, 5)", () => {
  it("counts without colours, bins each initial network at its trained network's density, and heads the findings with the uncoloured census's decisions", async () => {
    const out = join(root, "topology-density");
    const outcome = await runStudy(
      resolveStudyConfig({
        ...TINY,
        network: { hidden: [6, 5], inits: ["glorot"] },
        topology: { sizes: [3] },
        density: { sizes: [3] },
        out,
      }),
    );
    expect(outcome.manifest.status).toBe("complete");
    for (const nullModel of ["switch", "layered"]) {
      for (const id of ["glorot-initial", "glorot-tree"]) {
        expect(existsSync(join(out, D, "census", `${id}-k3-${nullModel}-uncoloured.json`))).toBe(
          true,
        );
      }
      expect(
        existsSync(
          join(
            out,
            D,
            "census",
            "matched",
            `glorot-initial-matched-tree-k3-${nullModel}-uncoloured.json`,
          ),
        ),
      ).toBe(true);
    }
    // The matched initial graph keeps the trained graph's edges per colour.
    const group = JSON.parse(
      readFileSync(
        join(out, D, "graphs", "matched", "glorot-initial-matched-tree-group.json"),
        "utf8",
      ),
    ) as { graphs: Array<{ id: string; edgesPerColour: Record<string, number> }> };
    const [matched, trained] = ["glorot-initial-matched-tree", "glorot-tree"].map(
      (id) => group.graphs.find((g) => g.id === id)?.edgesPerColour,
    );
    expect(matched).toBeDefined();
    expect(matched).toEqual(trained);
    const findings = (
      JSON.parse(readFileSync(join(out, "findings.json"), "utf8")) as {
        findings: Array<{ kind: string; null: string; size: number; significant: number | null }>;
      }
    ).findings;
    for (const nullModel of ["switch", "layered"]) {
      const pairs = findings.find(
        (f) => f.kind === "topology-pairs" && f.null === nullModel && f.size === 3,
      );
      const census = JSON.parse(
        readFileSync(join(out, D, "census", `glorot-tree-k3-${nullModel}-uncoloured.json`), "utf8"),
      ) as { motifs: Array<{ significant: string | null; constrained: boolean }> };
      expect(pairs?.significant).toBe(
        census.motifs.filter((m) => m.significant === "over" && !m.constrained).length,
      );
    }
  });
});
