/**
 * The fuzz corpus in the tests (issue 13, item 6): every generated bad or odd input gives a clear
 * error — exit 2, exactly one stderr line naming the file (and line) and the problem, no stack
 * trace, no output file — or a correct result, within the time and memory bounds below. Cases run
 * in-process (`runNnmotifs`), one after another; a few are spawned as real processes to measure
 * their peak memory. Slow inputs (large files, big censuses) are in bench/fuzz-slow.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../anchor.js";
import { fuzzCorpus, type Format, type FuzzCase } from "./corpus.js";
import { expand, runCase, runInProcess } from "./run-case.js";

/** Bounds: per case wall time in-process (seconds; generous, the machine is shared). */
const CASE_SECONDS = 10;
/** Peak RSS of this test process over the whole corpus, and of each spawned case. */
const PROCESS_PEAK_BYTES = 1.5 * 2 ** 30;
const SPAWNED_PEAK_BYTES = 200 * 2 ** 20;
const SPAWNED_SECONDS = 5;

const corpus = fuzzCorpus(13);
const root = mkdtempSync(join(tmpdir(), "nnm-fuzz-root-"));
const tally = new Map<Format, { cases: number; errors: number; results: number }>();
const commands = new Set(corpus.map((c) => c.args[0]));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  const rows = [...tally].map(
    ([f, t]) => `${f} ${t.cases} (${t.errors} errors, ${t.results} results)`,
  );
  console.log(
    `fuzz corpus: ${corpus.length} cases (commands ${[...commands].join(", ")}); ${rows.join("; ")}`,
  );
});

/** Tallies what happened (exit 2: a clear error; exit 0: a result), not what was expected. */
function count(c: FuzzCase, code: number): void {
  const t = tally.get(c.format) ?? { cases: 0, errors: 0, results: 0 };
  t.cases++;
  if (code === 2) t.errors++;
  else if (code === 0) t.results++;
  tally.set(c.format, t);
}

/** Census JSON without the parts that name the file or depend on it. */
function comparable(json: string): unknown {
  const doc = JSON.parse(json) as Record<string, unknown>;
  return { motifs: doc.motifs, subgraphs: doc.subgraphs, edges: doc.edges, random: doc.random };
}

describe("fuzzCorpus(13)", () => {
  it("has at least 300 cases across every format, with distinct names", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    const formats = new Set(corpus.map((c) => c.format));
    for (const f of ["edge-list", "graph-json", "model", "idx", "csv", "yaml", "flags"]) {
      expect(formats).toContain(f);
    }
    for (const command of ["census", "graph", "train", "study", "weights"]) {
      expect(commands).toContain(command);
    }
  });

  it("is the same for the same seed and differs for another", () => {
    const again = fuzzCorpus(13);
    expect(again.map((c) => c.name)).toEqual(corpus.map((c) => c.name));
    expect(fuzzCorpus(14).map((c) => c.files)).not.toEqual(corpus.map((c) => c.files));
  });
});

describe("nnmotifs on the fuzz corpus (in-process)", () => {
  for (const c of corpus) {
    it(c.name, async () => {
      const r = await runCase(c, root);
      count(c, r.code);
      const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(r.stderr).not.toMatch(/internal error|\n\s+at |Error: /);
      expect(r.seconds).toBeLessThan(CASE_SECONDS);
      if (c.expect.kind === "error-or-result" && r.code === 0) {
        expect(r.stdout).toMatch(/motifs:/);
        return;
      }
      if (c.expect.kind === "error" || c.expect.kind === "error-or-result") {
        expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 2 });
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^nnmotifs: /);
        const names = c.expect.names.replace(/^@\//, `${r.dir}/`).replace(/@\//g, `${r.dir}/`);
        expect(lines[0]).toContain(names);
        if (c.expect.kind === "error" && c.expect.says) expect(lines[0]).toMatch(c.expect.says);
        expect(r.created).toEqual([]);
        expect(r.stdout).toBe("");
        return;
      }
      expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
      if (c.expect.warns) expect(r.stderr).toMatch(c.expect.warns);
      else expect(lines).toEqual([]);
      if (c.expect.check === "same-census-as-reference") {
        const ref = await runInProcess(expand(c.reference!, r.dir));
        expect(ref.code).toBe(0);
        expect(comparable(r.stdout)).toEqual(comparable(ref.stdout));
      }
      if (c.expect.check === "prints-config") expect(r.stdout).toMatch(/motifs:/);
    });
  }

  it(`keeps this process's peak memory below ${PROCESS_PEAK_BYTES / 2 ** 30} GiB`, () => {
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(PROCESS_PEAK_BYTES);
  });
});

describe("nnmotifs as a process: time and peak memory", () => {
  const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
  const timeBin = "/usr/bin/time";
  const dir = mkdtempSync(join(root, "spawned-"));
  const cases: Array<[string, string, string[], number]> = [
    ["one edge 0 2000000000, -k 2", "0 2000000000\n", ["-k", "2"], 0],
    ["a path through ids 0, 1e9, 2e9", "0 1000000000\n1000000000 2000000000\n", [], 0],
    ["one edge 0 2000000000 at size 3", "0 2000000000\n", [], 2],
    [
      "JSON nodeCount 2147483647",
      JSON.stringify({
        format: "nnmotifs-graph",
        version: 1,
        nodeCount: 2147483647,
        edges: { src: [0, 7], trg: [7, 2147483646], colour: [1, 1] },
      }),
      [],
      0,
    ],
  ];
  for (const [name, text, args, code] of cases) {
    it.skipIf(!existsSync(CLI) || !existsSync(timeBin))(
      `census: ${name} (exit ${code}, < ${SPAWNED_SECONDS} s, < ${SPAWNED_PEAK_BYTES / 2 ** 20} MB)`,
      () => {
        const file = join(dir, `${name.replace(/\W+/g, "-")}.txt`);
        writeFileSync(file, text);
        const stats = join(dir, "time.txt");
        const r = spawnSync(
          timeBin,
          ["-f", "%e %M", "-o", stats, process.execPath, CLI, "census", file, "-r", "20", ...args],
          { encoding: "utf8" },
        );
        expect(r.status).toBe(code);
        if (code === 0) expect(r.stdout).toMatch(/classes/);
        else expect(r.stderr.trim().split("\n")).toHaveLength(1);
        const [seconds, kb] = spawnSync("tail", ["-1", stats], { encoding: "utf8" })
          .stdout.trim()
          .split(" ")
          .map(Number);
        expect(seconds).toBeLessThan(SPAWNED_SECONDS);
        expect(kb * 1024).toBeLessThan(SPAWNED_PEAK_BYTES);
      },
    );
  }
});
