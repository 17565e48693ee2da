/**
 * One pool of census worker threads (census-worker.ts), shared by the census of the original
 * split across threads (parallel-census.ts) and the random ensemble that follows it
 * (random-ensemble.ts): workers start once, and their class caches, warmed by the original,
 * serve the random networks. A released pool lives on for `LINGER_MS`, so the next step of the
 * same run picks it up; then it is destroyed and the process can exit.
 */
import { fileURLToPath } from "node:url";
import type { Piscina } from "piscina";

const LINGER_MS = 20;

type AnyPool = Piscina<unknown, unknown>;
let current: {
  pool: AnyPool;
  threads: number;
  users: number;
  timer: NodeJS.Timeout | null;
} | null = null;

/** A pool of `threads` census workers; call `release` when done with it. */
export async function acquireCensusPool<T, R>(
  threads: number,
): Promise<{ pool: Piscina<T, R>; release: () => Promise<void> }> {
  if (current !== null && current.threads !== threads && current.users === 0) {
    const old = current;
    current = null;
    if (old.timer) clearTimeout(old.timer);
    await old.pool.destroy();
  }
  if (current === null || current.threads !== threads) {
    const { Piscina } = await import("piscina");
    const pool = new Piscina({ ...censusWorkerFile(), minThreads: threads, maxThreads: threads });
    if (current === null) current = { pool, threads, users: 0, timer: null };
    else {
      // Another size is in use: a private pool for this caller.
      return {
        pool: pool as unknown as Piscina<T, R>,
        release: async () => {
          await pool.destroy();
        },
      };
    }
  }
  const entry = current;
  entry.users++;
  if (entry.timer) {
    clearTimeout(entry.timer);
    entry.timer = null;
  }
  let released = false;
  return {
    pool: entry.pool as unknown as Piscina<T, R>,
    release: async () => {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users > 0) return;
      entry.timer = setTimeout(() => {
        if (current === entry && entry.users === 0) current = null;
        void entry.pool.destroy();
      }, LINGER_MS);
    },
  };
}

/** The worker module: the .ts file with tsx's loader under TypeScript sources (vitest, tsx). */
function censusWorkerFile(): { filename: string; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith(".ts")) {
    return {
      filename: fileURLToPath(new URL("./census-worker.ts", self)),
      execArgv: [...process.execArgv, "--import", "tsx"],
    };
  }
  return {
    filename: fileURLToPath(new URL("./census-worker.js", self)),
    execArgv: process.execArgv,
  };
}

/** A copy of `a` in shared memory, so worker threads read it without a copy per task. */
export function sharedCopy<T extends Int32Array | Uint8Array>(a: T): T {
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(Math.max(1, a.byteLength)));
  out.set(a);
  return a.byteLength === 0 ? (out.subarray(0, 0) as T) : out;
}
