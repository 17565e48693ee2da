import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/study/manifest.js";
import { REPO_ROOT } from "../anchor.js";
import { browserUnavailable, checkReportInBrowser } from "../report/browser.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-e2e-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const why = browserUnavailable();
if (why) console.warn(`e2e-report.test.ts: browser check skipped: ${why}`);

/** `nnmotifs study ARGS` from the sources, as a user runs it. */
function study(args: string[], timeout: number) {
  const main = join(REPO_ROOT, "src", "cli", "main.ts");
  return spawnSync(process.execPath, ["--import", "tsx", main, "study", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout,
  });
}

describe("nnmotifs study --quick (end to end)", () => {
  const out = join(root, "quick");

  it("runs data → training → graphs → census → analyses → report.html and says where it is", () => {
    const run = study(["--quick", "--out", out], 110_000);
    const { stdout, stderr } = run;
    expect(run.status, stderr).toBe(0);
    expect(stdout.trim()).toBe(`report: ${join(out, "report.html")}`);
    // The step list (plain lines: stderr is not a terminal here).
    // Two seeds (replicates) of 6 trainings each.
    expect(stderr).toMatch(/^train \(12 steps\)$/m);
    // First the 2 reference networks' censuses (config `biology`, k = 3 under --quick); then per
    // seed, under the default's 3 nulls: 27 coloured censuses, 27 uncoloured (the topology level,
    // issue 7 item 4), and 18 of the epoch-2 snapshots (epochs 0 and 5 are the main uncoloured
    // censuses).
    expect(stderr).toMatch(/✓ \[2\/146\] census @ecoli k=3 switch uncoloured \(reference\)/);
    expect(stderr).toMatch(/✓ \[28\/146\] census glorot-clusters k=3 layered \(30-30, seed 1\)/);
    expect(stderr).toMatch(
      /✓ \[55\/146\] census glorot-clusters k=3 layered uncoloured \(30-30, seed 1\)/,
    );
    expect(stderr).toMatch(/census glorot-clusters-e2 k=3 shuffle uncoloured \(trajectory\)/);
    expect(stderr).toMatch(/✓ \[146\/146\] census .*\(30-30, seed 2\)/);
    expect(existsSync(join(out, "report.html"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.status).toBe("complete");
    expect(manifest.config.motifs.sizes).toEqual([3]);
    expect(readdirSync(join(out, "figures")).length).toBeGreaterThan(5);
  });

  it("--quiet prints nothing on a rerun, which reuses every step", () => {
    const run = study(["--quick", "--out", out, "--quiet"], 60_000);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.steps.every((s) => s.reused)).toBe(true);
  });

  it.skipIf(why !== null)(
    "its report renders every section and figure in headless Chromium with no console errors",
    async () => {
      const shot = join(REPO_ROOT, "test", ".out", "study-report.png");
      const check = await checkReportInBrowser(join(out, "report.html"), shot);
      expect(check.consoleErrors).toEqual([]);
      expect(check.sections.length).toBeGreaterThanOrEqual(6);
      for (const s of check.sections) expect(s.renderedFigures, s.id).toBe(s.expectedFigures);
      expect(check.sections.reduce((a, s) => a + s.expectedFigures, 0)).toBeGreaterThan(5);
      expect(existsSync(shot)).toBe(true);
    },
  );
});
