/**
 * The step cache that makes a study resumable. Every step has a key: a content hash of its inputs
 * (its slice of the configuration, its derived seed, the hashes of the upstream outputs it reads, and
 * the nnmotifs version). When a step finishes, its output files are hashed and a completion marker
 * `<out>/.steps/<step>.json` is written — last, and atomically. A step is reused when its marker
 * exists with the same key and every output still has the recorded hash; otherwise it runs again.
 * So a run killed at any moment resumes: a step without a marker (or with a stale one) is redone,
 * and outputs are themselves written atomically, so none is ever truncated.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../core/atomic-write.js";

/** JSON with object keys sorted (typed arrays as arrays): equal values give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = normalise(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of a value's stable JSON. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}

/** SHA-256 (hex) of a file's bytes. */
export function hashFile(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** What a completion marker holds. */
export interface StepRecord<T = unknown> {
  readonly id: string;
  readonly key: string;
  /** Output files, relative to the results folder → SHA-256 of their bytes. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Hash of `outputs`: what downstream steps put in their keys. */
  readonly outputHash: string;
  readonly seconds: number;
  readonly finishedAt: string;
  /** Small step-specific summary (e.g. test accuracy), available without rereading outputs. */
  readonly data: T;
}

export const MARKER_DIR = ".steps";

export class StepCache {
  constructor(
    /** The results folder; output paths are relative to it. */
    readonly root: string,
  ) {}

  markerPath(id: string): string {
    return join(this.root, MARKER_DIR, `${id}.json`);
  }

  /** The finished step with this id and key, or null when it must (re)run. */
  lookup<T = unknown>(id: string, key: string): StepRecord<T> | null {
    const path = this.markerPath(id);
    if (!existsSync(path)) return null;
    let record: StepRecord<T>;
    try {
      record = JSON.parse(readFileSync(path, "utf8")) as StepRecord<T>;
    } catch {
      return null; // unreadable marker: redo the step
    }
    if (record.key !== key || record.id !== id) return null;
    for (const [file, hash] of Object.entries(record.outputs)) {
      const full = join(this.root, file);
      if (!existsSync(full) || hashFile(full) !== hash) return null;
    }
    return record;
  }

  /** Mark a step finished: hash its outputs, then write the marker atomically (last). */
  complete<T>(
    id: string,
    key: string,
    outputs: readonly string[],
    seconds: number,
    data: T,
  ): StepRecord<T> {
    const hashes: Record<string, string> = {};
    for (const file of [...outputs].sort()) hashes[file] = hashFile(join(this.root, file));
    const record: StepRecord<T> = {
      id,
      key,
      outputs: hashes,
      outputHash: hashOf(hashes),
      seconds,
      finishedAt: new Date().toISOString(),
      data,
    };
    writeFileAtomicSync(this.markerPath(id), JSON.stringify(record, null, 2) + "\n");
    return record;
  }

  /** Forget a step (its outputs stay until the step rewrites them). */
  invalidate(id: string): void {
    rmSync(this.markerPath(id), { force: true });
  }
}
