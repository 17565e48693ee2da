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
import { etaSeconds, formatEta, progressLines } from "../../src/cli/progress.js";
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
  it("train prints epoch i/n, the loss and an ETA per epoch to stderr", () => {
    const r = nnmotifs(["train", "--data", "tree", "--epochs", "4", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split("\n");
    // Epochs 1..3 (the last epoch has nothing left to estimate).
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^train: epoch ${i + 1}/4, loss \\d\\.\\d{4}, ETA \\d+ s$`)),
    );
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
