/**
 * A `StudyStore` that keeps a study's artefacts in Redis, so queue workers on other machines need no
 * shared disk (issue 11). Everything of one study lives under its prefix (`nnmotifs:study:<id>`,
 * `studyPrefix`), so two studies on one Redis never meet:
 *
 *   <prefix>:blob:<sha256>    the bytes of a file, content-addressed (written once, never changed)
 *   <prefix>:file:<key>       the SHA-256 of the file now stored under a results-folder key
 *   <prefix>:marker:<step>    a step's completion marker (StepRecord JSON), written last
 *   <prefix>:ran:<step>       how many times a worker ran the step to completion (tests, status)
 *   <prefix>:manifest, <prefix>:lock
 *
 * A write stores the blob, then points the key at it in one MULTI, so a reader sees the old file or
 * the new one, never a part. A marker is reused only when its cache key matches and every output key
 * still points at the hash it recorded — a changed input changes the cache key (content hashes all
 * the way down), so such a step is never reused. The hashes are the SHA-256 of the bytes, exactly
 * what the local folder's markers hold, so records move between the two stores unchanged.
 *
 * An S3-compatible store implements the same interface the same way: blobs as objects named by
 * their hash (`PUT blob/<sha256>` with `If-None-Match: *`), a key as a small object holding the hash
 * (or the blob copied to `files/<key>`), a marker as `markers/<step>.json` written after its outputs
 * (S3 is read-after-write consistent), `complete` a conditional put of the marker, and the lock an
 * object written with `If-None-Match: *` and an expiry checked by its reader. `scratch` stays a
 * local folder.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { NnmotifsError } from "../core/errors.js";
import { hashOf, type StepRecord } from "./cache.js";
import type { StudyConfig } from "./config.js";
import type { Manifest } from "./manifest.js";
import type { LockOptions, StoreLock, StudyStore } from "./store.js";

/** Lock expiry (ms): a coordinator that dies frees the study after this long. */
const LOCK_MS = 30_000;

/**
 * The identity of a study on a shared queue: its results folder and its configuration (without the
 * folder and thread count). Two studies differ in one or the other, so they get different prefixes.
 */
export function studyId(outDir: string, config: StudyConfig): string {
  const { out: _out, threads: _threads, ...rest } = config;
  void _out;
  void _threads;
  return hashOf({ out: outDir, config: hashOf(rest) }).slice(0, 16);
}

export function studyPrefix(id: string): string {
  return `nnmotifs:study:${id}`;
}

const sha256 = (data: string | Uint8Array): string =>
  createHash("sha256").update(data).digest("hex");

export class RedisStudyStore implements StudyStore {
  readonly location: string;

  constructor(
    private readonly redis: Redis,
    /** `nnmotifs:study:<id>` */
    readonly prefix: string,
    /** The queue's address without password, for messages. */
    display: string,
  ) {
    this.location = `${display} ${prefix}`;
  }

  private k(kind: string, name: string): string {
    return `${this.prefix}:${kind}:${name}`;
  }

  async open(options: LockOptions = {}): Promise<StoreLock> {
    const token = randomUUID();
    const key = `${this.prefix}:lock`;
    for (;;) {
      if ((await this.redis.set(key, token, "PX", LOCK_MS, "NX")) === "OK") break;
      if (!options.wait) {
        throw new NnmotifsError(
          "in use by another coordinator of the same study. Wait for it to finish, or run with --wait.",
          { file: this.location },
        );
      }
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
    const renew = setInterval(() => {
      void this.redis.pexpire(key, LOCK_MS).catch(() => {});
    }, LOCK_MS / 3);
    renew.unref();
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        clearInterval(renew);
        // Delete only our own lock (compare and delete in one script).
        void this.redis
          .eval(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
            1,
            key,
            token,
          )
          .catch(() => {});
      },
    };
  }

  /** The hash a key points at, or null. */
  async hashOfKey(key: string): Promise<string | null> {
    return this.redis.get(this.k("file", key));
  }

  async readBytes(key: string): Promise<Uint8Array> {
    const hash = await this.hashOfKey(key);
    const data = hash === null ? null : await this.redis.getBuffer(this.k("blob", hash));
    if (data === null) {
      throw new NnmotifsError(`not in the queue's store: ${key}`, { file: this.location }, 1);
    }
    return data;
  }

  async readText(key: string): Promise<string> {
    return Buffer.from(await this.readBytes(key)).toString("utf8");
  }

  async write(key: string, data: string | Uint8Array): Promise<void> {
    const hash = sha256(data);
    await this.redis
      .multi()
      .set(this.k("blob", hash), Buffer.from(data))
      .set(this.k("file", key), hash)
      .exec();
  }

  /** Whether a key holds exactly these bytes (by hash): an upload can be skipped. */
  async holds(key: string, hash: string): Promise<boolean> {
    if ((await this.hashOfKey(key)) !== hash) return false;
    return (await this.redis.exists(this.k("blob", hash))) === 1;
  }

  async lookup<T>(stepId: string, key: string): Promise<StepRecord<T> | null> {
    const record = await this.previous<T>(stepId);
    if (record === null || record.key !== key || record.id !== stepId) return null;
    for (const [file, hash] of Object.entries(record.outputs)) {
      if (!(await this.holds(file, hash))) return null;
    }
    return record;
  }

  async previous<T>(stepId: string): Promise<StepRecord<T> | null> {
    const text = await this.redis.get(this.k("marker", stepId));
    if (text === null) return null;
    try {
      return JSON.parse(text) as StepRecord<T>;
    } catch {
      return null; // unreadable marker: redo the step
    }
  }

  async complete<T>(
    stepId: string,
    key: string,
    outputs: readonly string[],
    seconds: number,
    data: T,
  ): Promise<StepRecord<T>> {
    const hashes: Record<string, string> = {};
    for (const file of [...outputs].sort()) {
      const hash = await this.hashOfKey(file);
      if (hash === null) throw new Error(`${stepId}: output ${file} was not written`);
      hashes[file] = hash;
    }
    const record: StepRecord<T> = {
      id: stepId,
      key,
      outputs: hashes,
      outputHash: hashOf(hashes),
      seconds,
      finishedAt: new Date().toISOString(),
      data,
    };
    await this.putRecord(record);
    return record;
  }

  /** Store a marker as it is (a record completed elsewhere, e.g. in the local folder). */
  async putRecord(record: StepRecord): Promise<void> {
    await this.redis.set(this.k("marker", record.id), JSON.stringify(record, null, 2) + "\n");
  }

  async invalidate(stepId: string): Promise<void> {
    await this.redis.del(this.k("marker", stepId));
  }

  /** Count one run of a step to completion by a worker; returns the new count. */
  async countRun(stepId: string): Promise<number> {
    return this.redis.incr(this.k("ran", stepId));
  }

  /** Runs to completion by step id. */
  async runCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const keys = await scanKeys(this.redis, `${this.prefix}:ran:*`);
    for (const key of keys) {
      counts.set(key.slice(`${this.prefix}:ran:`.length), Number(await this.redis.get(key)));
    }
    return counts;
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await this.redis.set(`${this.prefix}:manifest`, JSON.stringify(manifest, null, 2) + "\n");
  }

  async readManifest(): Promise<Manifest | null> {
    const text = await this.redis.get(`${this.prefix}:manifest`);
    return text === null ? null : (JSON.parse(text) as Manifest);
  }

  async scratch(): Promise<string> {
    return mkdtemp(join(tmpdir(), "nnmotifs-scratch-"));
  }

  /** Delete everything of this study. Returns the number of keys removed. */
  async clear(): Promise<number> {
    return deleteKeys(this.redis, `${this.prefix}:*`);
  }
}

/** Every key matching a pattern (SCAN, so a big Redis is not blocked). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

export async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  const keys = await scanKeys(redis, pattern);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  return keys.length;
}
