/**
 * One census split by ESU roots: the parts of the original and of every random network, counted
 * apart (as workers count them) and merged, give the local census JSON bit for bit; with a real
 * queue, `nnmotifs census --queue … --split-roots N` gives the local output byte for byte.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatGraph } from "../../src/graph/read-graph.js";
import { countRootsPart } from "../../src/queue/census-roots-job.js";
import { mergeRootParts, rootsPlan } from "../../src/queue/census-roots.js";
import { replicateTask, taskFromJson, taskToJson } from "../../src/queue/census-split.js";
import { census, censusJson, type CensusOptions } from "../../src/stats/census.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";
import { REPO_ROOT } from "../anchor.js";
import { REDIS_SERVER, skipNote, startRedis } from "./redis-server.js";

/** census() with every graph's roots split into `parts`, counted in-process part by part. */
function splitCounts(parts: number): NonNullable<CensusOptions["censusCounts"]> {
  return async (g, options) => {
    const N = options.networks ?? 0;
    const plan = rootsPlan(g, options.size, parts);
    // Through JSON, as the task and the parts travel.
    const task = taskFromJson(
      JSON.parse(JSON.stringify(taskToJson(replicateTask(g, [], options)))),
    );
    const results = plan.original.map((u) => countRootsPart(task, -1, u));
    for (let i = N - 1; i >= 0; i--) {
      for (const u of [...plan.random].reverse()) {
        results.push(JSON.parse(JSON.stringify(countRootsPart(task, i, u))));
      }
    }
    return { ...mergeRootParts(results, N, options.size), seconds: { original: 0, random: 0 } };
  };
}

describe("mergeRootParts(parts of every graph's roots)", () => {
  const g = randomEdgeGraph(18, 55, 11);
  for (const [parts, size, colours] of [
    [1, 3, true],
    [4, 3, true],
    [7, 4, false],
  ] as const) {
    it(`gives the local census JSON (${parts} parts, k = ${size}, colours ${colours})`, async () => {
      const options = { size, networks: 8, seed: 5, threads: 1, colours } as const;
      const local = await census(g, options);
      const split = await census(g, { ...options, censusCounts: splitCounts(parts) });
      expect(JSON.stringify(censusJson(split))).toBe(JSON.stringify(censusJson(local)));
    });
  }

  it("says which random network has no parts", () => {
    expect(() => mergeRootParts([], 2, 3)).toThrow(/random network 0 missing/);
  });
});

skipNote("test/queue/census-roots.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;
const root = mkdtempSync(join(tmpdir(), "nnmotifs-census-roots-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "dist", "cli", "main.js"), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

withRedis("nnmotifs census --queue --split-roots", () => {
  it("gives the local run's output byte for byte; refuses --sample and a missing --queue", async () => {
    const redis = await startRedis();
    const worker = spawn(
      process.execPath,
      [
        join(REPO_ROOT, "dist", "cli", "main.js"),
        "worker",
        "--queue",
        redis.url,
        "--concurrency",
        "2",
      ],
      { stdio: "ignore" },
    );
    try {
      const file = join(root, "g.txt");
      writeFileSync(file, formatGraph(randomEdgeGraph(30, 90, 5), "fanmod"));
      const args = [
        "census",
        file,
        "--size",
        "4",
        "--random",
        "6",
        "--seed",
        "7",
        "--format",
        "json",
      ];
      const local = await cli([...args, "-q", "--threads", "1"]);
      const queued = await cli([...args, "--queue", redis.url, "--split-roots", "3"]);
      expect(local.code, local.err).toBe(0);
      expect(queued.code, queued.err).toBe(0);
      expect(queued.out).toBe(local.out);
      expect(queued.err).toMatch(/split-roots: 3 parts per graph, 21 jobs/);
      const auto = await cli([...args, "-q", "--queue", redis.url, "--split-roots", "auto"]);
      expect(auto.code, auto.err).toBe(0);
      expect(auto.out).toBe(local.out);

      const sampled = await cli([
        ...args,
        "--queue",
        redis.url,
        "--split-roots",
        "2",
        "--sample",
        "1,1,1,0.5",
      ]);
      expect(sampled.code).toBe(2);
      expect(sampled.err).toMatch(/--split-roots with --sample/);
      const noQueue = await cli([...args, "--split-roots", "2"]);
      expect(noQueue.code).toBe(2);
      expect(noQueue.err).toMatch(/--split-roots needs --queue/);
    } finally {
      worker.kill("SIGKILL");
      await redis.stop();
    }
  });
});
