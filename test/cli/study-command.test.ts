import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStudyConfig, parseStudyConfig } from "../../src/study/config.js";
import { readManifest } from "../../src/study/manifest.js";
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
    expect(run.stderr).toMatch(
      /unknown key `motif`; allowed keys: seed, seeds, out, threads, data/,
    );
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

describe("nnmotifs study --plan", () => {
  it("prints the default study's plan (steps per stage, cached, estimated time) and writes nothing", () => {
    const out = join(root, "planned");
    const run = nnmotifs("study", "--plan", "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^plan of the study → .*planned\/: 1620 steps, 0 cached, 1620 to run, estimated /,
    );
    // 5 seeds (issue 9): per seed 6 trainings, 3 main groups and 3 of training snapshots (+ 6
    // matched-density graphs in the first); under 3 nulls, 54 + 54 censuses of the main graphs
    // (9 graphs × sizes 3, 4, coloured and not), 198 of the snapshots (24 graphs at epochs 1–10
    // and the 9 main graphs with 20 random networks, × 2 sizes × 3 nulls), + 18 matched in the first.
    for (const [stage, n] of [
      ["train", 30],
      ["graphs", 36],
      // + 4 reference-network censuses (config `biology`: 2 networks × sizes 3, 4)
      ["census", 1552],
      ["analysis", 1],
      ["report", 1],
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^${stage} \\(${n} steps?, 0 cached, ~`, "m"));
    }
    expect(run.stdout).toMatch(/^ {2}· census normal-tree k=4 switch \(30-30, seed 5\) {2}~\d/m);
    expect(run.stdout).toMatch(
      /^ {2}· census normal-tree-e5 k=4 switch uncoloured \(trajectory\)/m,
    );
    expect(run.stdout).not.toMatch(/at c = /);
    expect(existsSync(out)).toBe(false);
  });
});

/** A few-second study as a config file. */
function tinyConfig(name: string, randomNetworks = 30): { yaml: string; out: string } {
  const out = join(root, name);
  const yaml = join(root, `${name}.yaml`);
  writeFileSync(
    yaml,
    JSON.stringify({
      seeds: 1,
      snapshots: [],
      data: ["tree"],
      network: { hidden: [6, 5], inits: ["normal", "glorot"] },
      training: { epochs: 2 },
      motifs: { sizes: [3, 4], randomNetworks },
      sensitivity: { cutoffs: [] },
      threads: 1,
      out,
    }),
  );
  return { yaml, out };
}

function startStudy(yaml: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(REPO_ROOT, "src", "cli", "main.ts"), "study", "--config", yaml],
    { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { child, exited, stderr: () => stderr };
}

async function until(test: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

const markers = (out: string): number =>
  existsSync(join(out, ".steps")) ? readdirSync(join(out, ".steps")).length : 0;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? allFiles(join(dir, n)) : [n],
  );
}

describe("nnmotifs study: one study per folder, Ctrl-C", () => {
  it("a second study on a folder in use is refused with exit 2 and one clear line", async () => {
    const { yaml, out } = tinyConfig("locked");
    const first = startStudy(yaml);
    await until(() => existsSync(join(out, ".lock")));
    const second = nnmotifs("study", "--config", yaml, "--quiet");
    expect(second.status).toBe(2);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toMatch(/locked: in use by another study \(pid \d+/);
    first.child.kill("SIGKILL");
    await first.exited;
  }, 120_000);

  it("SIGINT stops the study with exit 130, no partial file, and the next run resumes", async () => {
    const { yaml, out } = tinyConfig("interrupted", 60);
    const run = startStudy(yaml);
    await until(() => markers(out) >= 4);
    run.child.kill("SIGINT");
    const code = await run.exited;
    expect(code, run.stderr()).toBe(130);
    expect(run.stderr()).toMatch(/study cancelled: finished steps are kept/);
    expect(readManifest(out).status).toBe("cancelled");
    expect(allFiles(out).filter((f) => /\.tmp-\d+-\d+$/.test(f))).toEqual([]);
    expect(existsSync(join(out, ".lock"))).toBe(false);
    const before = markers(out);
    const again = nnmotifs("study", "--config", yaml);
    expect(again.status, again.stderr).toBe(0);
    expect((again.stderr.match(/↺/g) ?? []).length).toBeGreaterThanOrEqual(before - 1);
    expect(readManifest(out).status).toBe("complete");
  }, 180_000);
});
