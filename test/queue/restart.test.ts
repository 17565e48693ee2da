/**
 * A Redis restart mid-run resumes: the redis-server (append-only file, fsync at every write) is
 * stopped with SIGTERM while a small study runs on the queue with 2 worker processes, stays down
 * a moment, and is started again on the same port from its files. The coordinator and the workers
 * reconnect (ioredis retries, `maxRetriesPerRequest: null`), and the study completes with results
 * byte-identical to the local run. Restarted empty (no persistence), it has forgotten the jobs: the
 * coordinator notices within seconds (queue/wait-for-job.ts), puts them back with their inputs,
 * and the study completes the same.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareResults } from "../../bench/compare-results.js";
import { REPO_ROOT } from "../anchor.js";
import { REDIS_SERVER, skipNote, startRedis, type RedisServer } from "./redis-server.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const PASSWORD = "restart-pw-5521";

/** k = 4 censuses of about a second each: long enough to restart Redis inside one. */
const SMALL = {
  // One replicate, no snapshots or reference networks, two nulls: Redis restarts inside the first
  // census, when no queued step still needs a file only the emptied Redis had (with 5 seeds a
  // restart could fall while seed 4's graphs waited for its training's model: see the note in
  // docs/queue.md).
  seeds: 1,
  snapshots: [],
  biology: { networks: [] as string[] },
  data: ["tree"],
  network: { hidden: [30, 30], inits: ["normal"] },
  training: { epochs: 2 },
  motifs: { sizes: [4], randomNetworks: 150, nulls: ["switch", "layered"] },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [] },
  density: { sizes: [] },
  threads: 1,
};

skipNote("test/queue/restart.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;

interface Proc {
  readonly child: ChildProcess;
  output: string;
  readonly exited: Promise<number | null>;
}

function cli(args: string[]): Proc {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const p: Proc = {
    child,
    output: "",
    exited: new Promise((res) => child.on("exit", (code) => res(code))),
  };
  child.stdout?.on("data", (d: Buffer) => (p.output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (p.output += d.toString()));
  return p;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

withRedis("a Redis restart mid-run", () => {
  const root = mkdtempSync(join(tmpdir(), "nnmotifs-restart-"));
  const procs: Proc[] = [];
  let redis: RedisServer | null = null;
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await Promise.all(procs.map((p) => p.exited));
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const config = (name: string): { yaml: string; out: string } => {
    const out = join(root, name);
    const yaml = join(root, `${name}.yaml`);
    writeFileSync(yaml, JSON.stringify({ ...SMALL, out }));
    return { yaml, out };
  };

  /** Run a study on the queue and restart Redis inside its first census (`keep`: its files). */
  const restartMidRun = async (name: string, keep: boolean): Promise<void> => {
    const localOut = join(root, "local");
    if (!existsSync(localOut)) {
      const local = config("local");
      const localRun = cli(["study", "--config", local.yaml, "--quiet"]);
      expect(await localRun.exited, localRun.output).toBe(0);
    }
    const data = join(root, `${name}-redis`);
    mkdirSync(data);
    const persistence = keep ? { dir: data } : {};
    redis = await startRedis(PASSWORD, persistence);
    const { port, url } = redis;
    const workers = [0, 1].map(() => cli(["worker", "--queue", url, "--lock-ms", "5000"]));
    procs.push(...workers);
    const queued = config(name);
    const coordinator = cli(["study", "--config", queued.yaml, "--queue", url]);
    procs.push(coordinator);

    // Stop Redis as soon as a worker runs a census, keep it down, start it again.
    const deadline = Date.now() + 60_000;
    while (!workers.some((w) => /▶ census/.test(w.output)) && Date.now() < deadline) {
      await sleep(5);
    }
    expect(
      workers.some((w) => /▶ census/.test(w.output)),
      "no census started",
    ).toBe(true);
    await redis.stop("SIGTERM");
    await sleep(1500);
    redis = await startRedis(PASSWORD, { ...persistence, port });

    expect(await coordinator.exited, coordinator.output).toBe(0);
    const { ok, lines } = compareResults(localOut, queued.out);
    expect(ok, lines.join("\n")).toBe(true);
    // The coordinator said so once, in a line, and when it was back; the workers noticed and
    // carried on; no stack traces, no unhandled client errors, nobody printed the password.
    expect(coordinator.output).toMatch(
      /warning: lost the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0 \(.*\); waiting for it to come back\n/,
    );
    expect(coordinator.output).toMatch(/the queue at .* is back/);
    expect(coordinator.output.match(/lost the queue/g)?.length).toBe(1);
    expect(workers.some((w) => /queue error/.test(w.output))).toBe(true);
    for (const p of [coordinator, ...workers]) {
      expect(p.output).not.toMatch(/Unhandled error event|\n\s+at /);
      expect(p.output).not.toContain(PASSWORD);
    }
    for (const w of workers) expect(w.child.exitCode).toBeNull();
    for (const w of workers) w.child.kill("SIGKILL");
    await redis.stop();
  };

  it("with its files (append-only): the study completes with the local run's results", async () => {
    await restartMidRun("kept", true);
  });

  it("empty (no persistence): the coordinator puts its jobs back, same results", async () => {
    await restartMidRun("empty", false);
  });
});
