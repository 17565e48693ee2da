import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStudyConfig, parseStudyConfig } from "../../src/study/config.js";
import { REPO_ROOT } from "../anchor.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-study-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function nnmotifs(...args: string[]) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", join(REPO_ROOT, "src", "cli", "main.ts"), ...args],
    { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 },
  );
}

describe("nnmotifs study --print-config", () => {
  it("prints every default as YAML that loads back to the default study", () => {
    const run = nnmotifs("study", "--print-config");
    expect(run.status, run.stderr).toBe(0);
    expect(parseStudyConfig(run.stdout, "printed.yaml")).toEqual(loadStudyConfig(undefined));
  });

  it("applies --quick, --out and --threads to what it prints", () => {
    const run = nnmotifs(
      "study",
      "--print-config",
      "--quick",
      "--out",
      "elsewhere",
      "--threads",
      "1",
    );
    expect(run.status, run.stderr).toBe(0);
    const c = parseStudyConfig(run.stdout, "printed.yaml");
    expect(c.out).toBe("elsewhere");
    expect(c.threads).toBe(1);
    expect(c.motifs.sizes).toEqual([3]);
  });
});

describe("nnmotifs study errors", () => {
  it("names the file, line, key and what is allowed for a bad config, exit 2, no stack", () => {
    const file = join(root, "bad.yaml");
    writeFileSync(file, "seed: 1\nmotifs:\n  sizes: [3, 9]\n");
    const run = nnmotifs("study", "--config", file, "--out", join(root, "never"));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`nnmotifs: ${file}:3: motifs.sizes[1]: must be an integer 3..6`);
    expect(existsSync(join(root, "never"))).toBe(false);
  });

  it("rejects unknown keys and a bad --threads", () => {
    const file = join(root, "unknown.yaml");
    writeFileSync(file, "motif:\n  sizes: [3]\n");
    const run = nnmotifs("study", "--config", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown key `motif`; allowed keys: seed, out, threads, data/);
    const threads = nnmotifs("study", "--threads", "zero", "--print-config");
    expect(threads.status).toBe(2);
    expect(threads.stderr).toMatch(
      /invalid --threads "zero"\. Should be an integer 1\.\.256 or "auto"/,
    );
  });

  it("reports a missing config file as a user error", () => {
    const run = nnmotifs("study", "--config", join(root, "missing.yaml"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing\.yaml: cannot read the study configuration/);
  });
});
