import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  analyseEnsemble,
  writeEnsembleTables,
} from "../../../src/analysis/ensemble/analyse-ensemble.js";
import { POOLED_DATASETS } from "../../../src/analysis/ensemble/delta-z.js";
import { accuracyGainEpoch, orderOf } from "../../../src/analysis/ensemble/motif-onset.js";
import { findingSentence } from "../../../src/analysis/findings.js";
import { findingsDocument } from "../../../src/analysis/findings-json.js";
import { handEnsemble, handStudy } from "./hand-ensemble.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Seed s: initial diamond Z = s, trained = 2s + 1 on tree and 2s + 3 on clusters (ΔZ = s + 1, s + 3).
const wiggle = (seed: number) => (seed % 2 === 0 ? 0.5 : -0.5);
const zKnown = (
  seed: number,
  init: string,
  network: string,
  nullModel: string,
  topology: string,
) => {
  if (topology === "bi-fan") return null; // undefined Z in every seed
  if (topology === "4-chain") return wiggle(seed); // centred on 0: the null is not separated
  const glorot = init === "glorot" ? 10 : 0;
  if (network === "initial") return seed + glorot;
  return 2 * seed + (network === "tree" ? 1 : 3) + (nullModel === "switch" ? 20 : 0) + glorot * 3;
};
const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
const ensemble = handEnsemble({ seeds, z: zKnown });
const analysis = analyseEnsemble(ensemble);
const t = analysis.tables;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("analyseEnsemble(ensemble) on hand-made replicates", () => {
  it("paired ΔZ is the mean of the per-seed differences, and matches the per-seed table", () => {
    const row = t.deltaZ.find(
      (r) =>
        r.init === "normal" &&
        r.dataset === "tree" &&
        r.nullModel === "layered" &&
        r.topologyName === "diamond",
    )!;
    expect(row.mean).toBeCloseTo(mean(seeds.map((s) => s + 1)), 12);
    const perSeed = t.deltaZSeeds.filter(
      (r) =>
        r.init === "normal" &&
        r.dataset === "tree" &&
        r.nullModel === "layered" &&
        r.topologyName === "diamond",
    );
    expect(perSeed.map((r) => r.seed)).toEqual(seeds);
    expect(mean(perSeed.map((r) => r.deltaZ!))).toBeCloseTo(row.mean!, 12);
    expect(row.meanInitial).toBeCloseTo(mean(seeds), 12);
    expect(row.pSignFlip).toBeCloseTo(2 / 256, 12);
  });
  it("the pooled row averages each seed's data sets before pairing", () => {
    const row = t.deltaZ.find(
      (r) =>
        r.init === "normal" &&
        r.dataset === POOLED_DATASETS &&
        r.nullModel === "layered" &&
        r.topologyName === "diamond",
    )!;
    expect(row.mean).toBeCloseTo(mean(seeds.map((s) => s + 2)), 12);
  });
  it("init comparison pairs the two inits' ΔZ by seed", () => {
    const row = t.initComparison.find(
      (r) => r.dataset === "tree" && r.nullModel === "layered" && r.topologyName === "diamond",
    )!;
    expect([row.initA, row.initB]).toEqual(["normal", "glorot"]);
    // glorot: ΔZ = (2s + 1 + 30) − (s + 10) = s + 21; normal: s + 1.
    expect(row.mean).toBeCloseTo(20, 12);
    expect(row.sd).toBeCloseTo(0, 12);
  });
  it("a topology with no Z in any seed has no summary and no test", () => {
    const z = t.topologyZ.find((r) => r.topologyName === "bi-fan")!;
    expect(z).toMatchObject({ seeds: 0, missing: seeds.length, mean: null });
    expect(
      t.nullSeparation
        .filter((r) => r.topologyName === "bi-fan")
        .every((r) => r.decision === "no test"),
    ).toBe(true);
  });
  it("null separation: the diamond is above both nulls, the 4-chain (Z around 0) is not separated", () => {
    const diamond = t.nullSeparation.filter((r) => r.topologyName === "diamond");
    expect(diamond).toHaveLength(2 * 2 * 2);
    expect(diamond.every((r) => r.decision === "above" && r.ciExcludesZero === "above")).toBe(true);
    const chain = t.nullSeparation.filter((r) => r.topologyName === "4-chain");
    expect(chain.every((r) => r.decision === "not separated")).toBe(true);
    const f = analysis.findings.find(
      (x) => x.kind === "ensemble-null-separation" && x.null === "layered",
    )!;
    expect(f.kind === "ensemble-null-separation" && f.above).toEqual([
      { topology: "diamond", networks: 4 },
    ]);
    expect(f.sentence).toContain("4 of 8");
    expect(f.sentence).toContain("8 seeds");
  });
  it("the headline states ΔZ with its interval, both p-values and the seeds", () => {
    const f = analysis.findings.find(
      (x) => x.kind === "ensemble-headline" && x.null === "layered",
    )!;
    expect(f.sentence).toMatch(
      /^Under the layered null \(architecture 2-2\), training changes the diamond's Z .* by \+6\.50 \[\d\.\d\d, \d\.\d\d\] for normal \(paired t p = [0-9.e-]+, sign-flip p = 0\.0078\)/,
    );
    expect(f.sentence).toContain("across 8 seeds");
    expect(findingSentence(f)).toBe(f.sentence);
  });
  it("test accuracy per init and data set across seeds", () => {
    expect(t.testAccuracy).toHaveLength(4);
    expect(t.testAccuracySeeds).toHaveLength(4 * seeds.length);
  });
  it("without snapshots there are no trajectories", () => {
    expect(t.trajectories).toEqual([]);
    expect(t.motifOnsets).toEqual([]);
  });
  it("findings.json carries the across-seed findings and their rules", () => {
    const doc = findingsDocument(
      ensemble.replicates[0].results,
      { findings: [] } as never,
      analysis,
    );
    expect(doc.ensemble?.intervals).toMatch(/t interval/);
    expect(doc.findings.length).toBe(analysis.findings.length);
  });
  it("writeEnsembleTables writes one CSV per table, per-seed tables included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnmotifs-ensemble-"));
    dirs.push(dir);
    const paths = await writeEnsembleTables(analysis, dir);
    expect(readdirSync(dir)).toContain("delta-z-seeds.csv");
    expect(paths).toHaveLength(Object.keys(t).length);
    const csv = readFileSync(join(dir, "delta-z.csv"), "utf8");
    expect(csv.split("\n")[0]).toContain("pSignFlip");
  });
});

describe("intervals and seeds", () => {
  it("the ΔZ interval shrinks as seeds grow (same spread)", () => {
    const width = (n: number) => {
      const a = analyseEnsemble(
        handEnsemble({
          seeds: Array.from({ length: n }, (_, i) => i + 1),
          z: (s, i, net, nm, top) => (top === "diamond" && net !== "initial" ? 1 + wiggle(s) : 0),
        }),
      );
      const r = a.tables.deltaZ.find((x) => x.topologyName === "diamond")!;
      return r.hi! - r.lo!;
    };
    const w = [4, 8, 16].map(width);
    expect(w[1]).toBeLessThan(w[0]);
    expect(w[2]).toBeLessThan(w[1]);
  });
  it("one seed: no interval, and the sentences say so", () => {
    const one = analyseEnsemble(handEnsemble({ seeds: [3], z: zKnown }));
    const row = one.tables.deltaZ.find((r) => r.topologyName === "diamond")!;
    expect(row).toMatchObject({ seeds: 1, lo: null, hi: null });
    const f = one.findings.find((x) => x.kind === "ensemble-headline")!;
    expect(f.sentence).toContain("one seed: no interval");
    expect(f.sentence).not.toContain("NaN");
  });
});

describe("trajectories and motif onset", () => {
  // The diamond's Z jumps by 3 at epoch 2 (and stays); the 4-chain never moves.
  // Per-seed noise differs between epochs 0 and 1 with mean 0, so epoch 1 does not move.
  const noise = (s: number, epoch: number) => wiggle(s) * 0.1 * (epoch % 2 === 1 ? 2 : 1);
  const snapZ = (s: number, _i: string, _d: string, _n: string, top: string, epoch: number) =>
    top === "diamond"
      ? (epoch >= 2 ? 3 : 0) + noise(s, epoch)
      : top === "4-chain"
        ? wiggle(s)
        : null;
  const traj = analyseEnsemble(
    handEnsemble({
      seeds: [1, 2, 3, 4, 5, 6],
      z: zKnown,
      snapshots: { epochs: [0, 1, 2, 5], z: snapZ },
    }),
  );
  it("has a point per epoch with the mean validation accuracy beside it (none at epoch 0)", () => {
    const points = traj.tables.trajectories.filter(
      (r) =>
        r.topologyName === "diamond" &&
        r.init === "normal" &&
        r.dataset === "tree" &&
        r.nullModel === "layered",
    );
    expect(points.map((p) => p.epoch)).toEqual([0, 1, 2, 5]);
    expect(points[0].valAccuracyMean).toBeNull();
    expect(points[1].valAccuracyMean).toBeCloseTo(0.55, 12);
    expect(points[2].sinceStartMean).toBeCloseTo(3, 12);
  });
  it("the diamond appears at epoch 2 (after 1), before accuracy reaches 90 % of its gain (epoch 4)", () => {
    const onset = traj.tables.motifOnsets.find(
      (r) =>
        r.topologyName === "diamond" &&
        r.init === "normal" &&
        r.dataset === "tree" &&
        r.nullModel === "layered",
    )!;
    expect(onset).toMatchObject({
      onsetEpoch: 2,
      previousEpoch: 1,
      accuracyEpoch: 4,
      order: "motif first",
    });
    const chain = traj.tables.motifOnsets.find((r) => r.topologyName === "4-chain")!;
    expect(chain).toMatchObject({ onsetEpoch: null, order: null });
    const f = traj.findings.find((x) => x.kind === "ensemble-onset" && x.topology === "diamond")!;
    expect(f.sentence).toContain("first moves from epoch 0 at epoch 2 (after epoch 1)");
    expect(f.sentence).toContain("motif first");
  });
  it("accuracyGainEpoch and orderOf", () => {
    const curve = [0.5, 0.6, 0.9, 0.95, 1].map((mean, i) => ({ epoch: i + 1, mean }));
    expect(accuracyGainEpoch(curve)).toBe(4); // 0.5 + 0.9 · 0.5 = 0.95
    expect(
      accuracyGainEpoch([
        { epoch: 1, mean: 1 },
        { epoch: 2, mean: 1 },
      ]),
    ).toBeNull();
    expect(orderOf(5, 2, 3)).toBe("same snapshot interval");
    expect(orderOf(5, 2, 2)).toBe("accuracy first");
    expect(orderOf(null, null, 2)).toBeNull();
  });
});

describe("handStudy", () => {
  it("is a well-formed one-seed study", () => {
    const r = handStudy(1, { seeds: [1], z: zKnown });
    expect(r.topologyCensuses).toHaveLength(2 * 3 * 2);
  });
});
