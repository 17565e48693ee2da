/**
 * Big censuses across workers: the tallies of any split of the random networks merge into the
 * ensemble bit for bit (property), census() with the split ensemble gives the local JSON, and
 * `nnmotifs census --queue` with a worker process gives the local output byte for byte.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatGraph } from "../../src/graph/read-graph.js";
import { randomEnsemble } from "../../src/motifs/random-ensemble.js";
import {
  mergeTallies,
  replicateTallies,
  replicateTask,
  splitRange,
  tallyJson,
  taskFromJson,
  taskToJson,
} from "../../src/queue/census-split.js";
import { census, censusJson } from "../../src/stats/census.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";
import { REPO_ROOT } from "../anchor.js";
import { REDIS_SERVER, skipNote, startRedis } from "./redis-server.js";

const g = randomEdgeGraph(14, 40, 3);

describe("replicate tallies of any split", () => {
  it("merge into the ensemble of [0, N), bit for bit (property)", async () => {
    const N = 12;
    const local = await census(g, { size: 3, networks: N, seed: 9, threads: 1 });
    const keys = local.motifs.map((m) => m.key).sort();
    const options = { networks: N, seed: 9, size: 3, threads: 1 };
    const whole = await randomEnsemble(g, keys, options);
    // Through JSON too, as a job's data and result travel.
    const task = taskFromJson(
      JSON.parse(JSON.stringify(taskToJson(replicateTask(g, keys, options)))),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: N }), { minLength: 1, maxLength: 12 }),
        (cuts) => {
          const bounds = [...new Set([0, ...cuts.map((c) => c % N), N])].sort((a, b) => a - b);
          const parts = bounds.slice(1).map((b, i) => {
            const r = replicateTallies(task, bounds[i], b - bounds[i]);
            return JSON.parse(JSON.stringify(tallyJson(r)));
          });
          const merged = mergeTallies(parts.reverse(), N, keys, 1);
          expect(merged.counts).toEqual(whole.counts);
          expect(merged.totals).toEqual(whole.totals);
          expect(merged.switching.tries).toEqual(whole.switching.tries);
          expect(merged.switching.successes).toEqual(whole.switching.successes);
          expect(merged.otherClasses).toEqual(whole.otherClasses);
        },
      ),
      { numRuns: 15 },
    );
    expect(() => mergeTallies([tallyJson(replicateTallies(task, 0, 5))], N, keys, 1)).toThrow(
      /missing/,
    );
  });

  it("census() with a split ensemble gives the local census JSON", async () => {
    const options = { size: 3, networks: 10, seed: 4, threads: 1, nullModel: "switch" as const };
    const local = await census(g, options);
    const split = await census(g, {
      ...options,
      randomEnsemble: async (graph, keys, o) => {
        const task = replicateTask(graph, keys, o);
        const parts = splitRange(o.networks ?? 0, 3).map((r) =>
          replicateTallies(task, r.first, r.count),
        );
        return mergeTallies(parts, o.networks ?? 0, keys, 0);
      },
    });
    expect(JSON.stringify(censusJson(split))).toBe(JSON.stringify(censusJson(local)));
    expect(splitRange(10, 3)).toEqual([
      { first: 0, count: 4 },
      { first: 4, count: 4 },
      { first: 8, count: 2 },
    ]);
  });
});

skipNote("test/queue/census-split.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;
const root = mkdtempSync(join(tmpdir(), "nnmotifs-census-queue-"));
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

withRedis("nnmotifs census --queue", () => {
  it("gives the local run's output byte for byte", async () => {
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
        "40",
        "--seed",
        "7",
        "--format",
        "json",
        "-q",
      ];
      const local = await cli([...args, "--threads", "1"]);
      const queued = await cli([...args, "--queue", redis.url]);
      expect(local.code, local.err).toBe(0);
      expect(queued.code, queued.err).toBe(0);
      expect(queued.out).toBe(local.out);
    } finally {
      worker.kill("SIGKILL");
      await redis.stop();
    }
  });
});
