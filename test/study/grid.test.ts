/**
 * The study grid of issue 9: seeds (replicates), training snapshots, architectures and per-data-set
 * overrides, and the paper preset's plan.
 */
import { describe, expect, it } from "vitest";
import { binGraphs, binGraphsWithEdges } from "../../src/graph/binning.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { initialNetwork } from "../../src/nn/mlp.js";
import { resolveStudyConfig, type StudyConfigInput } from "../../src/study/config.js";
import {
  buildPlan,
  studyReplicates,
  type EnsembleIndex,
  type StepSpec,
  type StudyPlan,
  type TrainParams,
} from "../../src/study/plan.js";
import { STUDY_PRESETS, withMnist } from "../../src/study/presets.js";

const noHash = { datasetHash: () => null };
const plan = (input: StudyConfigInput): StudyPlan => buildPlan(resolveStudyConfig(input), noHash);
const trains = (p: StudyPlan) =>
  p.steps.filter((s) => s.kind === "train") as unknown as StepSpec<TrainParams>[];
const index = (p: StudyPlan) =>
  p.steps.find((s) => s.kind === "analysis")?.params as unknown as EnsembleIndex;

describe("seeds: each replicate draws its own networks, data, split and training", () => {
  it("seeds: 3 has 3 × the train steps, each replicate with its own seeds and folder", () => {
    const one = plan({ seeds: 1 });
    const three = plan({ seeds: 3 });
    expect(trains(three)).toHaveLength(3 * trains(one).length);
    const bySeed = new Map<number, StepSpec<TrainParams>[]>();
    for (const t of trains(three)) {
      const seed = Number(/-s(\d+)$/.exec(t.id)?.[1]);
      bySeed.set(seed, [...(bySeed.get(seed) ?? []), t]);
    }
    expect([...bySeed.keys()]).toEqual([1, 2, 3]);
    const initSeeds = [...bySeed.values()].map((ts) => ts[0].params.initSeed);
    expect(new Set(initSeeds).size).toBe(3);
    for (const key of ["dataSeed", "splitSeed", "trainSeed"] as const) {
      expect(new Set([...bySeed.values()].map((ts) => ts[0].params[key])).size).toBe(3);
    }
    expect(trains(three)[0].params.files.model).toBe(
      "replicates/30-30/s1/models/tree-normal.model.json",
    );
    // Every step has one id and writes its own keys.
    const ids = three.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const outputs = three.steps.flatMap((s) => s.outputs);
    expect(new Set(outputs).size).toBe(outputs.length);
    // The analysis reads every replicate, in seed order.
    expect(index(three).replicates.map((r) => r.seed)).toEqual([1, 2, 3]);
  });

  it("different seeds give different initial weights; the same seed gives the same steps and bits", () => {
    const three = trains(plan({ seeds: 3 })).filter((t) => t.params.init === "normal");
    const nets = three
      .filter((t) => t.params.dataset === "tree")
      .map((t) => initialNetwork([31, 30, 30, 4], "normal", t.params.initSeed));
    expect(Array.from(nets[0].layers[0].kernel)).not.toEqual(Array.from(nets[1].layers[0].kernel));
    expect(Array.from(nets[1].layers[0].kernel)).not.toEqual(Array.from(nets[2].layers[0].kernel));
    const again = initialNetwork([31, 30, 30, 4], "normal", three[0].params.initSeed);
    expect(Array.from(again.layers[0].kernel)).toEqual(Array.from(nets[0].layers[0].kernel));
    // Seed 2 of `seeds: 3` is the step of `seeds: [2]`: same parameters, same key (with the
    // first-seed-only blocks in every seed, so that both replicates have the same steps).
    const every = { sensitivity: { replicates: "all" }, density: { replicates: "all" } } as const;
    const alone = plan({ seeds: [2], ...every });
    const inThree = plan({ seeds: 3, ...every });
    for (const s of alone.steps.filter((x) => x.kind !== "analysis" && x.kind !== "report")) {
      expect(inThree.steps.find((x) => x.id === s.id)?.planKey).toBe(s.planKey);
    }
  });

  it("`seeds: n` starts at `seed`, and a list is used as given", () => {
    const seedsOf = (input: StudyConfigInput) =>
      studyReplicates(resolveStudyConfig(input)).map((r) => r.seed);
    expect(seedsOf({ seed: 10, seeds: 3 })).toEqual([10, 11, 12]);
    expect(seedsOf({ seeds: [7, 3] })).toEqual([7, 3]);
  });

  it("the cut-off sweep and matched density run in the first seed only unless `replicates: all`", () => {
    const sweep = { cutoffs: [0.45, 0.55] };
    const first = plan({ seeds: 2, sensitivity: sweep });
    const sweepSteps = (p: StudyPlan, seed: number) =>
      p.steps.filter((s) => s.id.startsWith("sensitivity-") && s.id.endsWith(`-s${seed}`)).length;
    expect(sweepSteps(first, 1)).toBeGreaterThan(0);
    expect(sweepSteps(first, 2)).toBe(0);
    const all = plan({ seeds: 2, sensitivity: { ...sweep, replicates: "all" } });
    expect(sweepSteps(all, 2)).toBe(sweepSteps(all, 1));
  });
});

describe("snapshots: the networks during training, binned with their group's bins", () => {
  it("epoch 0 and the last epoch are the initial and trained graphs: their censuses are the main uncoloured ones", () => {
    const p = plan({ seeds: 1, trajectory: { randomNetworks: null } });
    const rep = index(p).replicates[0];
    const topology = new Set(rep.topology.map((c) => c.step));
    const at = (epoch: number) => rep.snapshots.filter((s) => s.epoch === epoch);
    expect(at(0).every((s) => s.graphId.endsWith("-initial"))).toBe(true);
    expect(at(20).map((s) => s.graphId)).toContain("normal-tree");
    for (const s of [...at(0), ...at(20)]) {
      expect(s.censuses.every((c) => topology.has(c.step))).toBe(true);
    }
    // The epochs between are their own graphs and censuses, without colours.
    const mid = at(5)[0];
    expect(mid.graphId).toBe("normal-tree-e5");
    const census = p.steps.find((s) => s.id === mid.censuses[0].step);
    expect((census?.params as { motifs: { colours: boolean } }).motifs.colours).toBe(false);
    // 6 epochs × 2 data sets × 3 inits, each at sizes 3 and 4 under the default's 3 nulls.
    expect(rep.snapshots).toHaveLength(6 * 2 * 3);
    expect(rep.snapshots.every((s) => s.censuses.length === 2 * 3)).toBe(true);
  });

  it("with fewer random networks the snapshot censuses of the initial graph are their own steps, on the same random stream", () => {
    const p = plan({ seeds: 1, trajectory: { randomNetworks: 20 } });
    const rep = index(p).replicates[0];
    const first = rep.snapshots.find((s) => s.epoch === 0);
    const step = p.steps.find((s) => s.id === first?.censuses[0].step);
    const main = p.steps.find((s) => s.id === rep.topology[0].step);
    expect(step?.id).toMatch(/-trajectory@30-30-s1$/);
    expect((step?.params as { motifs: { randomNetworks: number } }).motifs.randomNetworks).toBe(20);
    expect(step?.seed).toBe(main?.seed);
  });

  it("binning a snapshot with the group's bin edges gives the group's own graph at epoch 0 and at the last epoch", () => {
    const initial = initialNetwork([8, 6, 5, 3], "normal", 11);
    const trained = initialNetwork([8, 6, 5, 3], "glorot", 12); // a stand-in for the trained network
    const group = binGraphs([initial, trained].map(networkToDigraph), "paper", { cutoff: 0.55 });
    const edges = group.binEdges ?? [];
    for (const [i, net] of [initial, trained].entries()) {
      const alone = binGraphsWithEdges([networkToDigraph(net)], edges, 0.55).graphs[0];
      const inGroup = group.graphs[i];
      expect(Array.from(alone.edgeSrc)).toEqual(Array.from(inGroup.edgeSrc));
      expect(Array.from(alone.edgeTrg)).toEqual(Array.from(inGroup.edgeTrg));
      expect(Array.from(alone.edgeColour ?? [])).toEqual(Array.from(inGroup.edgeColour ?? []));
    }
    // Binned alone (its own pooled weights) the initial network would get other bins.
    const own = binGraphs([networkToDigraph(initial)], "paper", { cutoff: 0.55 });
    expect(own.binEdges).not.toEqual(edges);
  });

  it("a data set with fewer epochs has the snapshots it reaches", () => {
    const p = plan({
      seeds: 1,
      data: ["tree", { set: "clusters", epochs: 5 }],
      network: { inits: ["normal"] },
    });
    const rep = index(p).replicates[0];
    const epochs = (ds: string) =>
      rep.snapshots.filter((s) => s.dataset === ds).map((s) => s.epoch);
    expect(epochs("tree")).toEqual([0, 1, 2, 5, 10, 20]);
    expect(epochs("clusters")).toEqual([0, 1, 2, 5]);
    // A training shorter than a listed epoch ends its trajectory at its last epoch.
    const short = index(
      plan({ seeds: 1, training: { epochs: 7 }, network: { inits: ["normal"] } }),
    );
    const ep = short.replicates[0].snapshots
      .filter((s) => s.dataset === "tree")
      .map((s) => s.epoch);
    expect(ep).toEqual([0, 1, 2, 5, 7]);
    // Its epoch 5 is its trained graph.
    expect(rep.snapshots.find((s) => s.dataset === "clusters" && s.epoch === 5)?.graphId).toBe(
      "normal-clusters",
    );
  });
});

describe("architectures and per-data-set overrides", () => {
  it("a list of architectures and overrides give the right replicates and data sets", () => {
    const reps = studyReplicates(
      resolveStudyConfig({
        seeds: 2,
        network: {
          hidden: [
            [20, 10],
            [30, 30],
          ],
        },
        data: [
          "tree",
          { set: "clusters", hidden: [[20, 10]], batch: 64, epochs: 10 },
          { set: "csv:x.csv", hidden: [50, 20], cutoff: 0.1 },
        ],
      }),
    );
    expect(reps.map((r) => `${r.architecture}/s${r.seed}`)).toEqual([
      "20-10/s1",
      "20-10/s2",
      "30-30/s1",
      "30-30/s2",
      "50-20/s1",
      "50-20/s2",
    ]);
    const of = (arch: string) => reps.find((r) => r.architecture === arch);
    expect(of("20-10")?.datasets.map((d) => [d.spec, d.batch, d.epochs])).toEqual([
      ["tree", 20, 20],
      ["clusters", 64, 10],
    ]);
    expect(of("30-30")?.datasets.map((d) => d.spec)).toEqual(["tree"]);
    expect(of("50-20")?.datasets.map((d) => d.spec)).toEqual(["csv:x.csv"]);
    expect(of("50-20")?.config.graphs.cutoff).toBe(0.1);
    expect(of("30-30")?.config.graphs.cutoff).toBe(0.55);
    expect(of("50-20")?.hidden).toEqual([50, 20]);
    // Each replicate × init has its own graph group.
    const p = buildPlan(
      resolveStudyConfig({
        seeds: 1,
        snapshots: [],
        network: {
          hidden: [
            [20, 10],
            [30, 30],
          ],
          inits: ["normal"],
        },
        data: ["tree", { set: "clusters", hidden: [[20, 10]], batch: 64, epochs: 10 }],
      }),
      noHash,
    );
    expect(p.steps.filter((s) => s.id.startsWith("graphs-")).map((s) => s.id)).toEqual([
      "graphs-normal@20-10-s1",
      "graphs-normal@30-30-s1",
    ]);
    const clusters = trains(p).find((t) => t.params.dataset === "clusters");
    expect(clusters?.params.training.batch).toBe(64);
    expect(clusters?.params.training.epochs).toBe(10);
    expect(clusters?.params.hidden).toEqual([20, 10]);
  });
});

describe("--preset paper", () => {
  it("plans the paper's grid: 3 synthetic architectures and the MNIST network, 3 seeds, sizes 4 and 5", () => {
    const config = resolveStudyConfig(withMnist(STUDY_PRESETS.paper.config, "/data/mnist"));
    const p = buildPlan(config, noHash);
    const reps = studyReplicates(config);
    expect([...new Set(reps.map((r) => r.architecture))]).toEqual([
      "20-10",
      "20-20",
      "30-30",
      "50-50-20",
    ]);
    expect(reps).toHaveLength(4 * 3);
    // (3 architectures × 2 sets + 1 MNIST network) × 3 inits × 3 seeds trainings.
    expect(trains(p)).toHaveLength((3 * 2 + 1) * 3 * 3);
    const mnist = trains(p).filter((t) => t.params.dataset === "idx:/data/mnist");
    expect(mnist.every((t) => t.params.training.batch === 128)).toBe(true);
    expect(mnist.every((t) => t.params.training.epochs === 10)).toBe(true);
    expect(mnist.every((t) => t.params.hidden.join("-") === "50-50-20")).toBe(true);
    // Coloured censuses: per replicate, (1 + its sets) graphs per init × sizes 4, 5 × 2 nulls.
    const coloured = p.steps.filter(
      (s) => s.kind === "census" && /^census-[^@]*-k\d-(switch|layered)@/.test(s.id),
    );
    expect(coloured).toHaveLength((3 * 3 + 1 * 2) * 3 * 3 * 2 * 2);
    const mnistGraphs = p.steps.filter((s) => s.id === "graphs-normal@50-50-20-s1");
    expect((mnistGraphs[0]?.params as { binning: { cutoff: number } }).binning.cutoff).toBe(0.1);
    const synthetic = p.steps.find((s) => s.id === "graphs-normal@20-10-s1");
    expect((synthetic?.params as { binning: { cutoff: number } }).binning.cutoff).toBe(0.55);
    // The plan lists every step after the steps it reads.
    const seen = new Set<string>();
    for (const s of p.steps) {
      for (const i of Object.values(s.inputs)) expect(seen.has(i.step)).toBe(true);
      seen.add(s.id);
    }
  });
});

describe("runStudy with seeds and snapshots (a tiny grid)", () => {
  it("runs 2 replicates, assembles their snapshot censuses, and reuses every step on a rerun", async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { runStudy } = await import("../../src/study/run-study.js");
    const { parseNativeModel } = await import("../../src/model/native-model.js");
    const out = mkdtempSync(join(tmpdir(), "nnmotifs-grid-"));
    try {
      const config = resolveStudyConfig({
        seeds: 2,
        data: ["tree"],
        network: { hidden: [6, 5], inits: ["normal"] },
        training: { epochs: 3 },
        motifs: { sizes: [3], randomNetworks: 6, nulls: ["switch", "layered"] },
        topology: { sizes: [3] },
        sensitivity: { cutoffs: [] },
        density: { sizes: [] },
        snapshots: [0, 1, 3],
        trajectory: { sizes: [3], randomNetworks: null },
        threads: 1,
        out,
      });
      const outcome = await runStudy(config);
      const reps = outcome.ensemble.replicates;
      expect(reps.map((r) => `${r.architecture}/s${r.seed}`)).toEqual(["6-5/s1", "6-5/s2"]);
      expect(outcome.results).toBe(reps[0].results);
      // Each seed drew its own initial network.
      const initial = (seed: number) =>
        parseNativeModel(
          readFileSync(
            join(out, `replicates/6-5/s${seed}/models/normal-initial.model.json`),
            "utf8",
          ),
          "m",
        ).layers[0].kernel;
      expect(Array.from(initial(1))).not.toEqual(Array.from(initial(2)));
      for (const r of reps) {
        expect(r.snapshots.map((s) => s.epoch)).toEqual([0, 0, 1, 1, 3, 3]);
        const topo = r.results.topologyCensuses ?? [];
        // Epoch 0 is the initial graph's uncoloured census, the last epoch the trained graph's.
        const at0 = r.snapshots.find((s) => s.epoch === 0 && s.census.nullModel === "switch");
        const at3 = r.snapshots.find((s) => s.epoch === 3 && s.census.nullModel === "switch");
        const of = (id: string) => topo.find((c) => c.graphId === id && c.nullModel === "switch");
        expect(at0?.census).toEqual(of("normal-initial"));
        expect(at3?.census).toEqual(of("normal-tree"));
        const edges = (id: string) =>
          Object.values(r.results.graphs.find((g) => g.id === id)?.edgesPerColour ?? {}).reduce(
            (a, n) => a + n,
            0,
          );
        expect(at0?.edges).toBe(edges("normal-initial"));
        expect(at3?.edges).toBe(edges("normal-tree"));
        // Epoch 1 is its own graph, binned with the group's bins.
        const at1 = r.snapshots.find((s) => s.epoch === 1);
        expect(at1?.graphId).toBe("normal-tree-e1");
        expect(at1?.weightsEpoch).toBe(1);
        const g1 = JSON.parse(
          readFileSync(
            join(out, `replicates/6-5/s${r.seed}/graphs/snapshots/normal-tree-e1.graph.json`),
            "utf8",
          ),
        ) as { meta: { binning: { binEdges: number[] } } };
        expect(g1.meta.binning.binEdges).toEqual(r.results.graphs[0].binEdges);
      }
      const findings = JSON.parse(readFileSync(join(out, "findings.json"), "utf8")) as {
        findings: unknown[];
        replicates: Array<{ architecture: string; seed: number; findings: unknown[] }>;
        ensemble: { findings: unknown[] };
      };
      expect(findings.replicates.map((r) => r.seed)).toEqual([1, 2]);
      // The across-seed findings lead, then the first replicate's (the one-seed document).
      expect(findings.findings).toEqual([
        ...findings.ensemble.findings,
        ...findings.replicates[0].findings,
      ]);
      const again = await runStudy(config);
      expect(again.ran).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
