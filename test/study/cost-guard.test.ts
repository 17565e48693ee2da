import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { resolveStudyConfig, type StudyConfigInput } from "../../src/study/config.js";
import {
  DEFAULT_MAX_SECONDS,
  checkStudyCost,
  estimateStudyCost,
  formatDuration,
  guardStudy,
  parseDuration,
} from "../../src/study/cost-guard.js";
import { buildPlan } from "../../src/study/plan.js";
import { REPO_ROOT } from "../anchor.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-cost-guard-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = (input: StudyConfigInput) =>
  resolveStudyConfig({ out: join(root, "never-written"), ...input });

const cost = (input: StudyConfigInput) => {
  const c = config(input);
  const steps = buildPlan(c).steps.map((spec) => ({ spec, cached: false }));
  return estimateStudyCost(steps, c, { threads: 2 });
};

/** The three runaway studies, each alone and all together. */
const RUNAWAYS: Record<string, StudyConfigInput> = {
  "100 000 random networks": { motifs: { randomNetworks: 100_000 } },
  "100 000 epochs": { training: { epochs: 100_000 } },
  "hidden [4096, 4096]": { network: { hidden: [4096, 4096] } },
  "all three": {
    motifs: { randomNetworks: 100_000 },
    training: { epochs: 100_000 },
    network: { hidden: [4096, 4096] },
  },
};

describe("study cost guard", () => {
  it("passes the default study (estimate well below the 2 h default limit)", async () => {
    const c = config({});
    const lines: string[] = [];
    const estimate = await guardStudy(c, {
      accept: false,
      redoAll: false,
      threads: 2,
      print: (l) => lines.push(l),
    });
    expect(estimate.seconds).toBeGreaterThan(10);
    expect(estimate.seconds).toBeLessThan(DEFAULT_MAX_SECONDS / 4);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^estimated .+ for \d+ steps, peak memory about .+/);
    expect(existsSync(c.out)).toBe(false); // planning reads only
  });

  for (const [name, input] of Object.entries(RUNAWAYS)) {
    it(`refuses ${name} in under a second, with the estimate, the limit and what to do`, async () => {
      const t0 = performance.now();
      const run = guardStudy(config(input), {
        accept: false,
        redoAll: false,
        threads: 2,
        print: null,
      });
      await expect(run).rejects.toThrow(NnmotifsError);
      const message = await run.catch((e: Error) => e.message);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(message).toMatch(/^the study would take about .+, more than the limit of 2\.0 h/);
      expect(message).toContain("--accept-cost");
      expect(message).toContain("--max-time");
      expect(message).not.toContain("\n");
    });
  }

  it("names the config values that drive the cost", () => {
    const message = (input: StudyConfigInput): string => {
      try {
        checkStudyCost(cost(input), config(input));
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message(RUNAWAYS["100 000 random networks"])).toContain(
      "fewer motifs.randomNetworks (100000)",
    );
    expect(message(RUNAWAYS["100 000 epochs"])).toContain("fewer training.epochs (100000)");
    expect(message(RUNAWAYS["hidden [4096, 4096]"])).toContain(
      "smaller network.hidden (4096, 4096)",
    );
  });

  it("grows with random networks, epochs and width, and counts only the steps to run", () => {
    const base = cost({});
    expect(cost({ motifs: { randomNetworks: 1000 } }).seconds).toBeGreaterThan(2 * base.seconds);
    expect(cost({ training: { epochs: 200 } }).seconds).toBeGreaterThan(base.seconds);
    expect(cost({ network: { hidden: [300, 300] } }).seconds).toBeGreaterThan(10 * base.seconds);
    const c = config({});
    const steps = buildPlan(c).steps.map((spec) => ({ spec, cached: spec.kind === "census" }));
    const rest = estimateStudyCost(steps, c, { threads: 2 });
    expect(rest.seconds).toBeLessThan(base.seconds / 2);
    expect(rest.steps).toBeLessThan(base.steps);
    expect(estimateStudyCost(steps, c, { threads: 2, redoAll: true }).seconds).toBe(base.seconds);
  });

  it("refuses on memory above --max-memory, naming the step", () => {
    const input = { motifs: { randomNetworks: 100_000 } };
    expect(() =>
      checkStudyCost(cost(input), config(input), { maxSeconds: 1e12, maxBytes: 2 ** 30 }),
    ).toThrow(/would need about .+ of memory in census .+, more than the 1\.0 GiB --max-memory/);
  });

  it("reads --max-time durations and refuses nonsense", () => {
    expect(parseDuration("90")).toBe(90);
    expect(parseDuration("30m")).toBe(1800);
    expect(parseDuration("2h")).toBe(7200);
    expect(parseDuration("1.5d")).toBe(129_600);
    for (const bad of ["", "0", "-1h", "2 weeks", "h"])
      expect(() => parseDuration(bad)).toThrow(/--max-time/);
    expect(formatDuration(59)).toBe("59.0 s");
    expect(formatDuration(3 * 3600)).toBe("3.0 h");
    expect(formatDuration(1e9)).toMatch(/years$/);
  });
});

describe("nnmotifs study (CLI) cost guard", () => {
  const nnmotifs = (...args: string[]) =>
    spawnSync(process.execPath, [join(REPO_ROOT, "dist", "cli", "main.js"), ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });

  it("exits 2 with one line for the runaway study, writes nothing; --max-time 1s refuses the default", () => {
    const out = join(root, "huge");
    const file = join(root, "huge.yaml");
    writeFileSync(
      file,
      `out: ${out}\nnetwork: { hidden: [4096, 4096] }\ntraining: { epochs: 100000 }\nmotifs: { randomNetworks: 100000 }\n`,
    );
    const run = nnmotifs("study", "-c", file);
    expect(run.status, run.stderr).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^estimated .+ years for \d+ steps/);
    expect(lines[1]).toMatch(/^nnmotifs: the study would take about .+ --accept-cost/);
    expect(lines).toHaveLength(2);
    expect(existsSync(out)).toBe(false);

    const small = nnmotifs("study", "--out", join(root, "default"), "--max-time", "1s", "-q");
    expect(small.status, small.stderr).toBe(2);
    expect(small.stderr).toMatch(/more than the limit of 1\.0 s \(--max-time\)/);
    expect(existsSync(join(root, "default"))).toBe(false);
  });
});
