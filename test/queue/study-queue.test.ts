/**
 * `nnmotifs study --queue` against a real redis-server, with `nnmotifs worker` processes (the built
 * CLI, dist/): the results folder is byte-identical to the local run's (bench/compare-results.ts),
 * a worker killed with SIGKILL mid-census loses nothing and no step runs twice to completion, and
 * the Redis password appears in no output and no file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareResults } from "../../bench/compare-results.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { RedisStudyStore, studyId, studyPrefix } from "../../src/study/redis-store.js";
import { REPO_ROOT } from "../anchor.js";
import { REDIS_SERVER, skipNote, startRedis, type RedisServer } from "./redis-server.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const PASSWORD = "s3cret-pw-4711";

/** A study of seconds whose k = 4 censuses take long enough (~1 s) to kill a worker inside one. */
const SMALL = {
  // One replicate, no training snapshots.
  seeds: 1,
  snapshots: [],
  data: ["tree"],
  network: { hidden: [30, 30], inits: ["normal"] },
  training: { epochs: 2 },
  motifs: { sizes: [4], randomNetworks: 150, nulls: ["switch", "layered"] },
  sensitivity: { cutoffs: [] },
  // Off: the uncoloured k = 3–5 censuses would make this study of seconds a study of minutes.
  topology: { sizes: [] },
  density: { sizes: [] },
  // Off too: the reference censuses (k = 3, 4 at N = 150) have tests of their own.
  biology: { networks: [] as string[] },
  threads: 1,
};

const root = mkdtempSync(join(tmpdir(), "nnmotifs-queue-"));
skipNote("test/queue/study-queue.test.ts");
// Under CI a missing redis-server fails these tests (startRedis throws); elsewhere they skip.
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

function configFile(name: string): { yaml: string; out: string } {
  const out = join(root, name);
  const yaml = join(root, `${name}.yaml`);
  writeFileSync(yaml, JSON.stringify({ ...SMALL, out }));
  return { yaml, out };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

withRedis("nnmotifs study --queue with worker processes", () => {
  let redis: RedisServer;
  let client: Redis;
  let baseline: string;
  const workers: Proc[] = [];

  beforeAll(async () => {
    redis = await startRedis(PASSWORD);
    client = new Redis({ port: redis.port, host: "127.0.0.1", password: PASSWORD });
    const local = configFile("local");
    const run = cli(["study", "--config", local.yaml, "--quiet"]);
    expect(await run.exited, run.output).toBe(0);
    baseline = local.out;
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    await Promise.all(workers.map((w) => w.exited));
    client?.disconnect();
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const startWorkers = (n: number): Proc[] => {
    const started = Array.from({ length: n }, () =>
      cli(["worker", "--queue", redis.url, "--lock-ms", "1000"]),
    );
    workers.push(...started);
    return started;
  };

  /** Runs to completion per step of a study, counted by the workers in Redis. */
  const runCounts = async (out: string): Promise<Map<string, number>> => {
    const config = resolveStudyConfig({ ...SMALL, out });
    const store = new RedisStudyStore(client, studyPrefix(studyId(resolve(out), config)), "");
    return store.runCounts();
  };

  const expectNoPassword = (out: string, procs: Proc[]): void => {
    for (const p of procs) expect(p.output).not.toContain(PASSWORD);
    for (const f of allFiles(out)) {
      expect(readFileSync(f, "latin1").includes(PASSWORD), `${f} holds the password`).toBe(false);
    }
  };

  it("3 workers give results byte-identical to the local run", async () => {
    const pool = startWorkers(3);
    const { yaml, out } = configFile("three");
    const coordinator = cli(["study", "--config", yaml, "--queue", redis.url]);
    expect(await coordinator.exited, coordinator.output).toBe(0);
    expect(coordinator.output).toMatch(/grid: train 1\/1 · graphs 1\/1 · census 4\/4/);
    const { ok, lines } = compareResults(baseline, out);
    expect(ok, lines.join("\n")).toBe(true);
    // Every step ran exactly once, on the workers; more than one worker took part.
    const counts = await runCounts(out);
    expect([...counts.values()]).toEqual(Array(8).fill(1));
    expect(pool.filter((w) => w.output.includes("✓ ")).length).toBeGreaterThan(1);
    expectNoPassword(out, [coordinator, ...pool]);
  });

  it("a worker killed with SIGKILL mid-census: the study completes, identical, no step twice", async () => {
    const pool = startWorkers(2);
    const { yaml, out } = configFile("killed");
    const coordinator = cli(["study", "--config", yaml, "--queue", redis.url, "--quiet"]);
    // Kill the first worker that starts a census, at once (the census takes ~1 s).
    let victim: { worker: Proc; label: string } | null = null;
    const deadline = Date.now() + 40_000;
    while (victim === null && Date.now() < deadline) {
      for (const w of pool) {
        // The whole label, replicate included: "census normal-tree k=4 switch (30-30, seed 1)".
        const m = /▶ (census [^\n]+?)\s*\n/.exec(w.output);
        if (m !== null) {
          w.child.kill("SIGKILL");
          victim = { worker: w, label: m[1] };
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(victim, "no worker started a census").not.toBeNull();
    await victim!.worker.exited;
    expect(victim!.worker.output).not.toContain(`✓ ${victim!.label}`);
    expect(await coordinator.exited, coordinator.output).toBe(0);
    const survivor = pool.find((w) => w !== victim!.worker)!;
    // The stalled job was retried by the survivor — unless, on a loaded machine, the victim had
    // already stored the step's result when the kill landed (its "▶" line reaches us late): then
    // the store's record is reused and there is nothing to retry. Either way it ran once (below).
    const retried = survivor.output.includes(`▶ ${victim!.label}`);
    // Its step id: "census normal-tree k=4 switch (30-30, seed 1)" → "census-normal-tree-k4-switch@30-30-s1".
    const victimStep = victim!.label
      .replace(/ \((.+), seed (\d+)\)$/, "@$1-s$2")
      .replace(" k=", "-k")
      .replace(/ /g, "-");
    const stored = (await runCounts(out)).get(victimStep) === 1;
    expect(retried || stored, survivor.output).toBe(true);
    const { ok, lines } = compareResults(baseline, out);
    expect(ok, lines.join("\n")).toBe(true);
    const counts = await runCounts(out);
    expect(counts.size).toBe(8);
    for (const [step, n] of counts) expect(n, `${step} ran ${n} times`).toBe(1);
    expectNoPassword(out, [coordinator, ...pool]);
  });
});
