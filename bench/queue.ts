/**
 * The job queue's benchmark (issue 11): the wall time of one study grid with the local executor
 * and with `nnmotifs study --queue` served by 1, 2 and 4 local `nnmotifs worker` processes, and the
 * queue's overhead per job. Needs redis-server (skipped with a note without it). On a 2-core
 * machine the ceiling is 2× whatever the worker count; the numbers are as noisy as the machine.
 *
 *   npx tsx bench/queue.ts            (also run by `npm run bench`, after a build)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REDIS_SERVER, startRedis } from "../test/queue/redis-server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "cli", "main.js");

/** One grid: 2 data sets × 2 inits, sizes 3 and 4 under both nulls: 32 steps. */
const GRID = {
  data: ["tree", "clusters"],
  network: { hidden: [30, 30], inits: ["normal", "glorot"] },
  training: { epochs: 5 },
  motifs: { sizes: [3, 4], randomNetworks: 50 },
  sensitivity: { cutoffs: [] },
  threads: 1,
};

interface ManifestLike {
  readonly totalSeconds: number;
  readonly steps: ReadonlyArray<{ seconds: number; reused: boolean }>;
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`nnmotifs ${args[0]} failed (${code}):\n${err}`)),
    );
  });
}

async function study(
  work: string,
  name: string,
  extra: string[],
): Promise<ManifestLike & { wall: number }> {
  const out = join(work, name);
  const yaml = join(work, `${name}.yaml`);
  writeFileSync(yaml, JSON.stringify({ ...GRID, out }));
  const t0 = performance.now();
  await run(["study", "--config", yaml, "--quiet", ...extra]);
  const wall = (performance.now() - t0) / 1000;
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as ManifestLike;
  return { ...manifest, wall };
}

export async function runQueueBench(): Promise<void> {
  if (REDIS_SERVER === null) {
    console.log("queue benchmark skipped: redis-server not installed");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "nnmotifs-bench-queue-"));
  const redis = await startRedis();
  const workers: ChildProcess[] = [];
  try {
    const local = await study(work, "local", []);
    const steps = local.steps.length;
    const compute = local.steps.reduce((a, s) => a + s.seconds, 0);
    console.log(
      `study grid (${steps} steps, ${availableParallelism()} cores), local executor`.padEnd(58) +
        `${local.wall.toFixed(1).padStart(8)} s`,
    );
    for (const n of [1, 2, 4]) {
      for (let i = 0; i < n; i++) {
        workers.push(
          spawn(process.execPath, [CLI, "worker", "--queue", redis.url, "--quiet"], {
            stdio: "ignore",
          }),
        );
      }
      // Cold: the workers' first grid (each worker thread loads TensorFlow.js, vega… once);
      // warm: the same grid again into another folder (another study: nothing is reused).
      const cold = await study(work, `queue-${n}-cold`, ["--queue", redis.url]);
      const q = await study(work, `queue-${n}`, ["--queue", redis.url]);
      const ran = q.steps.filter((s) => !s.reused);
      const jobCompute = ran.reduce((a, s) => a + s.seconds, 0);
      console.log(
        `study grid on the queue, ${n} worker process${n === 1 ? "" : "es"} (warm)`.padEnd(58) +
          `${q.wall.toFixed(1).padStart(8)} s  (${(local.wall / q.wall).toFixed(2)}× local; ` +
          `cold ${cold.wall.toFixed(1)} s)`,
      );
      if (n === 1) {
        // One worker runs one job at a time: what the coordinator's time holds beyond the steps'
        // own compute is the queue's (enqueue, pick-up, transfers through Redis, bookkeeping).
        const overhead = (q.totalSeconds - jobCompute) / Math.max(1, ran.length);
        console.log(
          `queue overhead per job (1 warm worker, ${ran.length} jobs)`.padEnd(58) +
            `${overhead.toFixed(3).padStart(8)} s  (steps' compute ${jobCompute.toFixed(1)} s ` +
            `on the worker, ${compute.toFixed(1)} s locally)`,
        );
      }
      for (const w of workers.splice(0)) w.kill("SIGTERM");
    }
  } finally {
    for (const w of workers) w.kill("SIGKILL");
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && /bench[\\/]queue\.[jt]s$/.test(process.argv[1])) {
  await runQueueBench();
}
