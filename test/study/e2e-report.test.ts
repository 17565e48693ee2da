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

describe("nnmotifs study --quick (end to end)", () => {
  const out = join(root, "quick");
  let stdout = "";
  let stderr = "";

  it("runs data → training → graphs → census → analyses → report.html and says where it is", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(REPO_ROOT, "src", "cli", "main.ts"),
        "study",
        "--quick",
        "--out",
        out,
      ],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 110_000 },
    );
    stdout = run.stdout;
    stderr = run.stderr;
    expect(run.status, stderr).toBe(0);
    expect(stdout.trim()).toBe(`report: ${join(out, "report.html")}`);
    // The step list (plain lines: stderr is not a terminal here).
    expect(stderr).toMatch(/^train \(6 steps\)$/m);
    expect(stderr).toMatch(/✓ \[18\/18\] census glorot-clusters k=3 layered/);
    expect(existsSync(join(out, "report.html"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.status).toBe("complete");
    expect(manifest.config.motifs.sizes).toEqual([3]);
    expect(readdirSync(join(out, "figures")).length).toBeGreaterThan(5);
  });

  it("--quiet prints nothing on a rerun, which reuses every step", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(REPO_ROOT, "src", "cli", "main.ts"),
        "study",
        "--quick",
        "--out",
        out,
        "--quiet",
      ],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 },
    );
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
