/**
 * Progress with ETA when stderr is not a terminal (issue 13 item 4): plain lines, not a bar.
 * The CLI is spawned from dist/ (run `npm run build` first when running this file alone), with
 * NNMOTIFS_PROGRESS_INTERVAL=0 so that a short job prints every update.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { etaClock, etaSeconds, formatEta, progressLines } from "../../src/cli/progress.js";
import { REPO_ROOT, anchorFile } from "../anchor.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nnmotifs(args: string[], interval = "0") {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NNMOTIFS_PROGRESS_INTERVAL: interval },
  });
}

describe("progress lines (not a terminal)", () => {
  it("train prints progress within the first epoch: epoch i/n, percent, loss, a falling ETA", () => {
    const r = nnmotifs(["train", "--data", "tree", "--epochs", "10", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split("\n");
    // Every batch but the last (1260 samples / 20 = 63 batches per epoch).
    expect(lines).toHaveLength(10 * 63 - 1);
    // The ETA as formatEta writes it: "42 s", or "2 min 19 s" on a slow (loaded) machine.
    const pattern =
      /^train: epoch (\d+)\/10 \((\d+) %\), loss \d\.\d{4}, ETA (?:(\d+) min )?(\d+) s$/;
    for (const line of lines) expect(line).toMatch(pattern);
    const parsed = lines.map((l) => {
      const [epoch, percent, min, s] = pattern.exec(l)!.slice(1);
      return [Number(epoch), Number(percent), 60 * Number(min ?? 0) + Number(s)];
    });
    // Before the first epoch ended: lines of epoch 1 at under 10 %.
    expect(parsed[0]).toEqual([1, 0, expect.any(Number)]);
    expect(parsed.filter(([epoch]) => epoch === 1).length).toBe(63);
    // The ETA is finite from the first line, and falls: first tenth above the last tenth.
    const etas = parsed.map(([, , eta]) => eta);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(etas.slice(0, 63))).toBeGreaterThan(mean(etas.slice(-63)));
    expect(etas[etas.length - 1]).toBeLessThanOrEqual(1);
  });

  it("census prints random networks done and an ETA; --quiet prints none", () => {
    const graph = anchorFile("init_w_Graph.txt");
    const args = ["census", graph, "--size", "3", "--random", "6", "--threads", "1"];
    const r = nnmotifs(args);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("census:"));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/^census: random network \d\/6, ETA \d+ s$/);
    expect(nnmotifs([...args, "--quiet"]).stderr).toBe("");
  });

  it("study prints each long step's progress with an ETA and the study's ETA after each step", () => {
    const config = join(dir, "tiny.yaml");
    writeFileSync(
      config,
      [
        `out: ${join(dir, "study")}`,
        "data: [tree]",
        "network: { inits: [normal] }",
        "training: { epochs: 2 }",
        "motifs: { sizes: [3], randomNetworks: 12, nulls: [switch] }",
        "sensitivity: { cutoffs: [] }",
        "topology: { sizes: [3] }",
        "density: { sizes: [] }",
        "seeds: 1",
        "snapshots: []",
        "biology: { networks: [] }",
        "",
      ].join("\n"),
    );
    const r = nnmotifs(["study", "-c", config]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split("\n");
    expect(lines[0]).toMatch(/^estimated [\d.]+ s for 8 steps, peak memory about /);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}… census normal-tree k=3 switch \(30-30, seed 1\): \d+\/12 done, ETA \d+ s$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}✓ \[1\/4\] census normal-initial k=3 switch \(30-30, seed 1\) {2}[\d.]+ s {2}\(study ETA \d+ s\)$/,
      ),
    );
  });

  it("prints nothing for a run shorter than the interval", () => {
    const r = nnmotifs(["train", "--data", "tree", "--epochs", "2", "--out", dir], "3600");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("progressLines / ETA", () => {
  it("ETA is the rate so far times what is left, or the estimate before the first item", () => {
    expect(etaSeconds(1, 4, 10)).toBe(30);
    expect(etaSeconds(0, 4, 2, 12)).toBe(10);
    expect(etaSeconds(0, 4, 2)).toBeNaN();
    expect(etaSeconds(4, 4, 9)).toBe(0);
    expect(formatEta(5.2)).toBe("6 s");
    expect(formatEta(125)).toBe("2 min 5 s");
    expect(formatEta(NaN)).toBe("unknown");
  });

  it("etaClock measures the rate from the first update (loading before it is not charged)", () => {
    // Created at 0 ms; the first update (0 of 100) comes after 5 s of loading.
    const eta = etaClock(0, 30);
    expect(eta(0, 100, 5000)).toBe(25); // the estimate, less what has passed
    expect(eta(10, 100, 6000)).toBeCloseTo(9); // 10 items in 1 s → 90 left in 9 s
    expect(eta(50, 100, 10_000)).toBeCloseTo(5);
    expect(eta(100, 100, 11_000)).toBe(0);
    const noEstimate = etaClock(0);
    expect(noEstimate(0, 10, 1000)).toBeNaN();
    expect(noEstimate(2, 10, 3000)).toBeCloseTo(8);
    // A first update mid-way (a resumed run): the rate from there, the fallback until it moves.
    const resumed = etaClock(0);
    expect(resumed(4, 10, 2000)).toBeCloseTo(3); // 4 items in 2 s since creation
    expect(resumed(5, 10, 2500)).toBeCloseTo(2.5); // 1 item in 0.5 s since the first update
  });

  it("progressLines prints no 'ETA unknown' line before anything is done", () => {
    const lines: string[] = [];
    const previous = process.env.NNMOTIFS_PROGRESS_INTERVAL;
    process.env.NNMOTIFS_PROGRESS_INTERVAL = "0";
    try {
      const p = progressLines("z", {
        count: (d, t) => `${d} of ${t}`,
        write: (l) => lines.push(l),
      });
      p.update(0, 4);
      p.update(1, 4, "loss 0.5");
    } finally {
      if (previous === undefined) delete process.env.NNMOTIFS_PROGRESS_INTERVAL;
      else process.env.NNMOTIFS_PROGRESS_INTERVAL = previous;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^z: 1 of 4, loss 0\.5, ETA \d+ s$/);
  });

  it("writes at most one line per interval and none once done", () => {
    const lines: string[] = [];
    const previous = process.env.NNMOTIFS_PROGRESS_INTERVAL;
    process.env.NNMOTIFS_PROGRESS_INTERVAL = "3600";
    try {
      const p = progressLines("x", { write: (l) => lines.push(l) });
      for (let i = 0; i < 100; i++) p.update(i, 100);
    } finally {
      if (previous === undefined) delete process.env.NNMOTIFS_PROGRESS_INTERVAL;
      else process.env.NNMOTIFS_PROGRESS_INTERVAL = previous;
    }
    expect(lines).toEqual([]);
    const every: string[] = [];
    process.env.NNMOTIFS_PROGRESS_INTERVAL = "0";
    try {
      const p = progressLines("y", { unit: "step", write: (l) => every.push(l) });
      for (let i = 1; i <= 3; i++) p.update(i, 3, "ok");
    } finally {
      if (previous === undefined) delete process.env.NNMOTIFS_PROGRESS_INTERVAL;
      else process.env.NNMOTIFS_PROGRESS_INTERVAL = previous;
    }
    expect(every).toHaveLength(2);
    expect(every[0]).toMatch(/^y: step 1\/3, ok, ETA \d+ s$/);
  });
});
