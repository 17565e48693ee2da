/**
 * A throw-away Debian `redis-server` for the queue tests: 127.0.0.1, a random free port, no
 * persistence (`--save "" --appendonly no`), optionally a password; stopped by `stop()`.
 * Tests that need it skip with a message where `redis-server` is absent, but fail under CI
 * (`process.env.CI`), where `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

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
  /** Stop the server: SIGKILL by default; SIGTERM shuts it down cleanly (its AOF flushed). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface RedisServerOptions {
  /** A port to listen on (a restart on the same port); default: a random free one. */
  readonly port?: number;
  /** Persistence: an append-only file in this folder, fsynced at every write. */
  readonly dir?: string;
  /**
   * TLS only (plain port 0): certificate files, as made by `makeTlsFiles`. The URL is then
   * `rediss://` and needs the CA to connect.
   */
  readonly tls?: TlsFiles;
  /** An ACL user (with the password) instead of the default user's `requirepass`. */
  readonly user?: string;
}

export interface TlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/**
 * Whether this redis-server was built with TLS (Debian's is): given a TLS port without usable
 * certificates, a TLS build fails configuring TLS; a build without it never gets that far.
 */
export const REDIS_TLS: boolean = (() => {
  if (REDIS_SERVER === null) return false;
  const r = spawnSync(REDIS_SERVER, ["-"], {
    input: "port 0\ntls-port 1\ntls-cert-file /nonexistent\ntls-key-file /nonexistent\n",
    encoding: "utf8",
    timeout: 5000,
  });
  return /tls-ca-cert-file|Failed to (configure|load)/i.test(`${r.stdout}${r.stderr}`);
})();

/** A self-signed CA and a server certificate for 127.0.0.1 / localhost (openssl), in `dir`. */
export function makeTlsFiles(dir: string): TlsFiles {
  const files = {
    ca: join(dir, "ca.crt"),
    cert: join(dir, "server.crt"),
    key: join(dir, "server.key"),
  };
  const caKey = join(dir, "ca.key");
  const csr = join(dir, "server.csr");
  const ext = join(dir, "san.ext");
  writeFileSync(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  const run = (args: string[]): void => {
    const r = spawnSync("openssl", args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  run([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    caKey,
    "-out",
    files.ca,
    "-days",
    "2",
    "-subj",
    "/CN=nnmotifs test CA",
  ]);
  run([
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    files.key,
    "-out",
    csr,
    "-subj",
    "/CN=127.0.0.1",
  ]);
  run([
    "x509",
    "-req",
    "-in",
    csr,
    "-CA",
    files.ca,
    "-CAkey",
    caKey,
    "-CAcreateserial",
    "-out",
    files.cert,
    "-days",
    "2",
    "-extfile",
    ext,
  ]);
  return files;
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

export async function startRedis(
  password?: string,
  options: RedisServerOptions = {},
): Promise<RedisServer> {
  if (REDIS_SERVER === null)
    throw new Error(
      "redis-server is not installed: under CI the queue tests need it (.ci/run installs it with apt)",
    );
  const port = options.port ?? (await freePort());
  const args = ["--bind", "127.0.0.1", "--save", ""];
  args.push(...(options.tls === undefined ? ["--port", String(port)] : ["--port", "0"]));
  if (options.tls !== undefined) {
    args.push("--tls-port", String(port), "--tls-ca-cert-file", options.tls.ca);
    args.push("--tls-cert-file", options.tls.cert, "--tls-key-file", options.tls.key);
    args.push("--tls-auth-clients", "no");
  }
  if (options.dir === undefined) args.push("--appendonly", "no");
  else args.push("--dir", options.dir, "--appendonly", "yes", "--appendfsync", "always");
  if (password !== undefined && options.user === undefined) args.push("--requirepass", password);
  if (password !== undefined && options.user !== undefined) {
    // Command-line directives take the words up to the next "--" as their arguments.
    args.push("--user", options.user, "on", `>${password}`, "~*", "&*", "+@all");
    args.push("--user", "default", "off");
  }
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
  const user = options.user === undefined ? "" : encodeURIComponent(options.user);
  const auth = password === undefined ? "" : `${user}:${encodeURIComponent(password)}@`;
  const scheme = options.tls === undefined ? "redis" : "rediss";
  return {
    port,
    url: `${scheme}://${auth}127.0.0.1:${port}/0`,
    stop: (signal: NodeJS.Signals = "SIGKILL") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
