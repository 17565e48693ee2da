/**
 * `rediss://user:password@host:port` against a real redis-server on a TLS port only, with a
 * self-signed CA (openssl) given through NNMOTIFS_REDIS_CA: a small study on the queue with a
 * worker gives the local results byte for byte, and the password appears nowhere the runs wrote
 * (stdout, stderr, the results folder: manifest, findings, report, logs); a wrong password or a
 * missing CA is one clear line without the password.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareResults } from "../../bench/compare-results.js";
import { REDIS_CA_ENV } from "../../src/queue/connection.js";
import { REPO_ROOT } from "../anchor.js";
import {
  makeTlsFiles,
  REDIS_SERVER,
  REDIS_TLS,
  skipNote,
  startRedis,
  type RedisServer,
} from "./redis-server.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const USER = "nnmotifs-lab";
const PASSWORD = "Tls-pw-9f3c17";
const OPENSSL = spawnSync("sh", ["-c", "command -v openssl"]).status === 0;

const TINY = {
  data: ["tree"],
  network: { hidden: [8], inits: ["normal"] },
  training: { epochs: 1 },
  motifs: { sizes: [3], randomNetworks: 10 },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [] },
  density: { sizes: [] },
  threads: 1,
};

skipNote("test/queue/tls.test.ts");
if (REDIS_SERVER !== null && !REDIS_TLS) {
  process.stderr.write("test/queue/tls.test.ts: this redis-server has no TLS: TLS tests skipped\n");
}
if (REDIS_SERVER !== null && !OPENSSL) {
  process.stderr.write("test/queue/tls.test.ts: openssl not installed: TLS tests skipped\n");
}
const withTls = REDIS_SERVER !== null && REDIS_TLS && OPENSSL ? describe : describe.skip;

interface Run {
  code: number | null;
  out: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv): { done: Promise<Run>; kill(): void } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return {
    done: new Promise((resolve) => child.on("exit", (code) => resolve({ code, out }))),
    kill: () => child.kill("SIGKILL"),
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

withTls("rediss:// with a user, a password and a private CA", () => {
  const root = mkdtempSync(join(tmpdir(), "nnmotifs-tls-"));
  let redis: RedisServer;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const tls = makeTlsFiles(root);
    redis = await startRedis(PASSWORD, { tls, user: USER });
    env = { [REDIS_CA_ENV]: tls.ca };
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const config = (name: string): { yaml: string; out: string } => {
    const out = join(root, name);
    const yaml = join(root, `${name}.yaml`);
    writeFileSync(yaml, JSON.stringify({ ...TINY, out }));
    return { yaml, out };
  };

  it("a study on the queue equals the local run; the password is in nothing it wrote", async () => {
    expect(redis.url).toMatch(/^rediss:\/\/nnmotifs-lab:/);
    const local = config("local");
    const localRun = await cli(["study", "--config", local.yaml, "--quiet"], {}).done;
    expect(localRun.code, localRun.out).toBe(0);
    const worker = cli(["worker", "--queue", redis.url], env);
    try {
      const queued = config("queued");
      const run = await cli(["study", "--config", queued.yaml, "--queue", redis.url], env).done;
      expect(run.code, run.out).toBe(0);
      const { ok, lines } = compareResults(local.out, queued.out);
      expect(ok, lines.join("\n")).toBe(true);
      const status = await cli(["queue", "status", "--queue", redis.url], env).done;
      expect(status.code, status.out).toBe(0);
      expect(status.out).toContain("rediss://nnmotifs-lab:***@127.0.0.1");
      for (const text of [run.out, status.out]) expect(text).not.toContain(PASSWORD);
      const files = allFiles(queued.out);
      expect(files.some((f) => f.endsWith("manifest.json"))).toBe(true);
      for (const f of files) {
        expect(readFileSync(f, "latin1").includes(PASSWORD), `${f} holds the password`).toBe(false);
      }
    } finally {
      worker.kill();
      const w = await worker.done;
      expect(w.out).toMatch(/nnmotifs worker .* on rediss:\/\/nnmotifs-lab:\*\*\*@/);
      expect(w.out).not.toContain(PASSWORD);
    }
  });

  it("a wrong password or a missing CA: one clear line, exit code 1, no password", async () => {
    const wrong = redis.url.replace(PASSWORD, "Wrong-pw-123");
    const bad = await cli(["queue", "status", "--queue", wrong], env).done;
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/cannot reach the queue at rediss:\/\/nnmotifs-lab:\*\*\*@.*WRONGPASS/);
    expect(bad.out).not.toContain("Wrong-pw-123");
    const noCa = await cli(["queue", "status", "--queue", redis.url], { [REDIS_CA_ENV]: "" }).done;
    expect(noCa.code).toBe(1);
    expect(noCa.out).toMatch(/cannot reach the queue at rediss:.*certificate/i);
    expect(noCa.out).not.toContain(PASSWORD);
    expect(noCa.out.trim().split("\n").length, noCa.out).toBe(1);
  });
});
