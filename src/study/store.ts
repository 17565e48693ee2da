/**
 * The results store: every read and write of a study's results folder goes through `StudyStore`.
 * Keys are paths relative to the folder ("census/normal-tree-k3-switch.json"); a step's outputs are
 * hashed when it completes and its completion marker (cache.ts) is written last, so a step is reused
 * only when its key matches and every output still has its recorded hash.
 *
 * The interface is what a queue worker on another machine needs (issue 11): read an input by key,
 * write an output by key, look up / complete a step, record the manifest, take the folder lock. The
 * local folder is the first implementation; a Redis or S3 store implements the same methods (a key
 * is an object name, `complete` a conditional put of the marker, the lock a SET NX with expiry).
 */
import { hostname } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { linkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { writeFileAtomic } from "../core/atomic-write.js";
import { NnmotifsError } from "../core/errors.js";
import { log } from "../core/log.js";
import { StepCache, hashFile, type StepRecord } from "./cache.js";
import { MANIFEST_FILE, readManifest, writeManifest, type Manifest } from "./manifest.js";

/** A held lock on a results folder; `release` is idempotent. */
export interface StoreLock {
  release(): void;
}

export interface LockOptions {
  /** Wait for the other study to finish instead of refusing. */
  readonly wait?: boolean;
  /** Poll interval while waiting (ms). */
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
}

export interface StudyStore {
  /** Where the results live, for messages ("results/", "redis://…/study-x"). */
  readonly location: string;
  /** Make the store ready for a run: refuse a foreign folder, create it, take the lock. */
  open(options?: LockOptions): Promise<StoreLock>;
  readText(key: string): Promise<string>;
  readBytes(key: string): Promise<Uint8Array>;
  /** Write atomically: a reader sees the old value or the new one, never a part. */
  write(key: string, data: string | Uint8Array): Promise<void>;
  /** The finished step with this id and key (outputs verified), or null. */
  lookup<T>(stepId: string, key: string): Promise<StepRecord<T> | null>;
  /** The last record of a step whatever its key (for cost estimates), or null. */
  previous<T>(stepId: string): Promise<StepRecord<T> | null>;
  /** Hash the outputs and write the completion marker (last). */
  complete<T>(
    stepId: string,
    key: string,
    outputs: readonly string[],
    seconds: number,
    data: T,
  ): Promise<StepRecord<T>>;
  invalidate(stepId: string): Promise<void>;
  writeManifest(manifest: Manifest): Promise<void>;
  readManifest(): Promise<Manifest | null>;
  /**
   * A scratch folder on local disk for a library that can only write files (the report's figures);
   * the caller writes its contents back with `write`, then removes it.
   */
  scratch(): Promise<string>;
}

/** The lock file in a results folder: who holds it. */
export const LOCK_FILE = ".lock";

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Temporary files of atomic writes that a killed run left behind (`.name.tmp-<pid>-<n>`). */
const TEMPORARY = /^\..+\.tmp-\d+-\d+$/;

/** The results folder on local disk. */
export class LocalFolderStore implements StudyStore {
  readonly root: string;
  private readonly cache: StepCache;
  /** True when `open` created the folder (a failed first run may remove it again). */
  createdFolder = false;

  constructor(
    /** The folder as the user named it (messages). */
    readonly location: string,
  ) {
    this.root = resolve(location);
    this.cache = new StepCache(this.root);
  }

  async open(options: LockOptions = {}): Promise<StoreLock> {
    this.checkFolder();
    if (!existsSync(this.root)) {
      mkdirSync(this.root, { recursive: true });
      this.createdFolder = true;
    }
    const lock = await this.lock(options);
    // Only now: the temporaries of a running study must not be swept by a second one.
    removeTemporaries(this.root);
    return lock;
  }

  /** Refuse to write a study into a folder that holds something else (a typo in --out). */
  private checkFolder(): void {
    if (!existsSync(this.root)) return;
    if (!statSync(this.root).isDirectory()) {
      throw new NnmotifsError("the results folder is a file. Choose another `out`.", {
        file: this.location,
      });
    }
    // The lock and its temporaries (`.lock.tmp-…`, present for a moment while a study takes the
    // lock) mark a study's folder as much as the manifest does.
    const entries = readdirSync(this.root).filter((e) => !e.startsWith(LOCK_FILE));
    if (
      entries.length > 0 &&
      !entries.includes(MANIFEST_FILE) &&
      !existsSync(join(this.root, LOCK_FILE))
    ) {
      throw new NnmotifsError(
        "not empty and not a study results folder (no manifest.json): refusing to write into it. Choose another `out`.",
        { file: this.location },
      );
    }
  }

  private async lock(options: LockOptions): Promise<StoreLock> {
    const path = join(this.root, LOCK_FILE);
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
    };
    let waiting = false;
    for (;;) {
      // Written whole under a private name, then linked into place: `link` fails when the lock
      // exists, so two studies starting together cannot both win, and no one ever reads a lock
      // half-written (which would look stale and be taken over).
      const mine = `${path}.tmp-${me.pid}-0`; // a temporary's name: swept if we are killed here
      writeFileSync(mine, JSON.stringify(me) + "\n");
      let created = false;
      try {
        linkSync(mine, path);
        created = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      } finally {
        rmSync(mine, { force: true });
      }
      if (created) {
        let held = true;
        return {
          release: () => {
            if (!held) return;
            held = false;
            if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
          },
        };
      }
      if (!existsSync(path)) continue; // released meanwhile: try again
      const holder = readHolder(path);
      if (holder === null || isStale(holder)) {
        // A killed run's lock (or an unreadable one): take it over. Only one study at a time may
        // remove it, the holder of a takeover guard (created by `link`, so exclusive); it reads the
        // lock again under the guard and removes it only if it is still stale. While a stale lock
        // exists no one can create a live one (`link` fails), so what it removes is that stale
        // lock. (Moving the lock aside first was not enough: a study that had read the stale
        // holder could move aside the live lock another had just taken, and two studies won.)
        const guard = `${path}.takeover`;
        const mineGuard = `${path}.tmp-${me.pid}-1`;
        writeFileSync(mineGuard, JSON.stringify(me) + "\n");
        let guarded = false;
        try {
          linkSync(mineGuard, guard);
          guarded = true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        } finally {
          rmSync(mineGuard, { force: true });
        }
        if (!guarded) {
          // Another study is taking it over; a guard left by a study killed meanwhile is cleared.
          const other = readHolder(guard);
          if (other !== null && isStale(other)) rmSync(guard, { force: true });
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        try {
          const again = existsSync(path) ? readHolder(path) : undefined;
          if (again !== undefined && (again === null || isStale(again))) {
            log().warn(
              again === null
                ? `${this.location}: an unreadable lock file; taking it over.`
                : `${this.location}: the study that held it (pid ${again.pid}, started ${again.startedAt}) is no longer running; taking over its lock.`,
            );
            rmSync(path, { force: true });
          }
        } finally {
          rmSync(guard, { force: true });
        }
        continue;
      }
      if (!options.wait) {
        throw new NnmotifsError(
          `in use by another study (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}). ` +
            "Wait for it to finish, run with --wait, or choose another `out`.",
          { file: this.location },
        );
      }
      if (!waiting) {
        waiting = true;
        log().info(
          `${this.location}: in use by another study (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}); waiting for it to finish (--wait).`,
        );
      }
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
  }

  private full(key: string): string {
    return join(this.root, key);
  }

  async readText(key: string): Promise<string> {
    return readFile(this.full(key), "utf8");
  }

  async readBytes(key: string): Promise<Uint8Array> {
    return readFile(this.full(key));
  }

  async write(key: string, data: string | Uint8Array): Promise<void> {
    await writeFileAtomic(this.full(key), data);
  }

  async lookup<T>(stepId: string, key: string): Promise<StepRecord<T> | null> {
    return this.cache.lookup<T>(stepId, key);
  }

  async previous<T>(stepId: string): Promise<StepRecord<T> | null> {
    const path = this.cache.markerPath(stepId);
    if (!existsSync(path)) return null;
    try {
      return JSON.parse(readFileSync(path, "utf8")) as StepRecord<T>;
    } catch {
      return null;
    }
  }

  async complete<T>(
    stepId: string,
    key: string,
    outputs: readonly string[],
    seconds: number,
    data: T,
  ): Promise<StepRecord<T>> {
    return this.cache.complete(stepId, key, outputs, seconds, data);
  }

  async invalidate(stepId: string): Promise<void> {
    this.cache.invalidate(stepId);
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    writeManifest(this.root, manifest);
  }

  async readManifest(): Promise<Manifest | null> {
    return existsSync(this.full(MANIFEST_FILE)) ? readManifest(this.root) : null;
  }

  async scratch(): Promise<string> {
    return mkdtemp(join(tmpdir(), "nnmotifs-scratch-"));
  }

  /** Remove the whole folder (a first run that failed on bad input leaves nothing behind). */
  removeAll(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /** SHA-256 of a stored file (tests, comparisons). */
  hash(key: string): string {
    return hashFile(this.full(key));
  }
}

/** Write every file of a local folder with `write` (keys relative to the folder); remove it. */
export async function ingestFolder(
  write: (key: string, data: Uint8Array) => Promise<void>,
  dir: string,
): Promise<string[]> {
  const keys: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of (await readdir(join(dir, sub), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const rel = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else {
        await write(rel, await readFile(join(dir, rel)));
        keys.push(rel);
      }
    }
  };
  await walk("");
  await rm(dir, { recursive: true, force: true });
  return keys;
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof h.pid === "number" && typeof h.host === "string"
      ? { pid: h.pid, host: h.host, startedAt: String(h.startedAt) }
      : null;
  } catch {
    return null;
  }
}

/** A lock is stale when its process is gone (same host; another host's lock is trusted). */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function removeTemporaries(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeTemporaries(path);
    // Not the lock's own temporaries: they belong to studies trying to take the lock right now
    // (each removes its own), and sweeping one made that study fail with ENOENT.
    else if (TEMPORARY.test(entry.name) && !entry.name.startsWith(LOCK_FILE)) {
      rmSync(path, { force: true });
    }
  }
}
