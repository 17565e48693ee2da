/**
 * A throw-away Debian `redis-server` for the queue tests: 127.0.0.1, a random free port, no
 * persistence (`--save "" --appendonly no`), optionally a password; stopped by `stop()`.
 * Tests that need it skip with a message where `redis-server` is absent, but fail under CI
 * (`process.env.CI`), where `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export const REDIS_SERVER: string | null = (() => {
  const r = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
})();

/** Say why the queue tests are skipped (once per file). */
export function skipNote(file: string): void {
  if (REDIS_SERVER === null && !process.env.CI) {
    process.stderr.write(`${file}: redis-server not installed: queue tests skipped\n`);
  }
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(password?: string): Promise<RedisServer> {
  if (REDIS_SERVER === null)
    throw new Error(
      "redis-server is not installed: under CI the queue tests need it (.ci/run installs it with apt)",
    );
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  if (password !== undefined) args.push("--requirepass", password);
  const child: ChildProcess = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${String(code)}):\n${output}`));
    });
  });
  const auth = password === undefined ? "" : `:${password}@`;
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}/0`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
