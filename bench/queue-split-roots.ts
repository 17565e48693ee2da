/**
 * One huge census on the job queue with its ESU roots split (`nnmotifs census --queue
 * --split-roots N`): wall time of the local run (one thread) against 1 and 2 local worker
 * processes, and a check that the outputs are byte-identical. Needs redis-server.
 *
 *   npx tsx bench/queue-split-roots.ts [GRAPH] [k] [random networks] [parts]
 *   (default: @pgp 4 0 8; build first: the CLI runs from dist/)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REDIS_SERVER, startRedis } from "../test/queue/redis-server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "cli", "main.js");

function census(args: string[]): Promise<{ out: string; wall: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "census", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) =>
      code === 0
        ? resolve({ out, wall: (performance.now() - t0) / 1000 })
        : reject(new Error(`nnmotifs census failed (${code}):\n${err}`)),
    );
  });
}

export async function runSplitRootsBench(
  graph = "@pgp",
  size = "4",
  networks = "0",
  parts = "8",
): Promise<void> {
  if (REDIS_SERVER === null) {
    console.log("split-roots benchmark skipped: redis-server not installed");
    return;
  }
  const args = [graph, "-k", size, "-r", networks, "--format", "json", "-q", "--force"];
  const local = await census([...args, "--threads", "1"]);
  const what = `census ${graph} k=${size} -r ${networks}`;
  console.log(`${what}, local (1 thread)`.padEnd(60) + `${local.wall.toFixed(1).padStart(8)} s`);
  for (const n of [1, 2]) {
    // A fresh Redis each time: finished parts stay on the queue for an hour, and a rerun of the
    // same census would reuse them (their job ids are content hashes).
    const redis = await startRedis();
    const workers: ChildProcess[] = [];
    try {
      while (workers.length < n) {
        workers.push(
          spawn(process.execPath, [CLI, "worker", "--queue", redis.url, "--quiet"], {
            stdio: "ignore",
          }),
        );
      }
      const q = await census([...args, "--queue", redis.url, "--split-roots", parts]);
      const same = q.out === local.out ? "identical" : "DIFFERENT";
      console.log(
        `${what}, --split-roots ${parts}, ${n} worker${n === 1 ? "" : "s"}`.padEnd(60) +
          `${q.wall.toFixed(1).padStart(8)} s  (${(local.wall / q.wall).toFixed(2)}× local; output ${same})`,
      );
    } finally {
      for (const w of workers) w.kill("SIGKILL");
      await redis.stop();
    }
  }
}

if (process.argv[1] !== undefined && /queue-split-roots\.[jt]s$/.test(process.argv[1])) {
  const [graph, size, networks, parts] = process.argv.slice(2);
  await runSplitRootsBench(graph, size, networks, parts);
}
