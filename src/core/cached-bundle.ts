/**
 * A CommonJS bundle that `npm run build` writes (scripts/bundle-census.mjs), run from one script
 * with a V8 code cache instead of its ES modules resolved, read and compiled one by one (Node 20
 * caches no ES module): `nnmotifs census` on the main thread (src/cli/census-bundle.ts) and the
 * census workers (src/motifs/random-ensemble-worker-entry.ts).
 *
 * Beside `X.bundle.cjs` stand its manifest `X.bundle.json` (the dist/ modules inside, relative to
 * dist/) and its code cache `X.bundle.v8cache`, keyed by the bundle's size and time and by Node's
 * version and architecture. The cache is written after a first successful run, and again whenever
 * V8 rejects it (another Node, other flags), atomically: a temporary file of this process and
 * thread, renamed over the old one, so that workers writing at once leave one whole cache.
 *
 * V8 rejects a cache of another version, other flags, another length, or one whose header is not
 * its own (a truncated or foreign file): then the bundle compiles as without one. It does not
 * verify the payload's checksum (release builds): a cache altered inside, its header intact,
 * aborted the process. So the file holds a CRC-32 of the payload after the key (zlib.crc32, 0.06
 * ms for the census's 280 kB), and a payload that does not match it is not given to V8. On a Node
 * without zlib.crc32 (before 20.15) no cache is read or written.
 *
 * No bundle, no manifest, or a bundled module newer than the bundle (tsc ran since): null, and the
 * caller runs the plain modules. Nothing here may change what the code does: every failure to
 * read, compile or run the bundle gives null, every failure to read or write the cache is silent.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { threadId } from "node:worker_threads";
import * as zlib from "node:zlib";

export interface CachedBundle<Exports> {
  readonly exports: Exports;
  /** Write the code cache if there was none that V8 accepted (after a run: all it compiled). */
  saveCache(): void;
}

/** The bundle's dynamic `import()` (scripts/bundle-census.mjs), done by a real module. */
export type Importer = (specifier: string) => Promise<unknown>;

/** The CommonJS wrapper, plus the bundle's `import()` (scripts/bundle-census.mjs). */
const HEAD =
  '(function (exports, require, module, __filename, __dirname, __nnmImport) {"use strict";';
const TAIL = "\n})";

/** zlib.crc32 where Node has it (20.15 and later). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The checksum written after the key: 8 hex digits and a newline. */
function checksum(payload: Uint8Array): string {
  return `${crc32!(payload).toString(16).padStart(8, "0")}\n`;
}
const CHECKSUM_LENGTH = 9;

/** `X.bundle.cjs` → `X.bundle.json` and `X.bundle.v8cache`. */
export function bundleFiles(file: string): { manifest: string; cache: string } {
  const stem = file.replace(/\.cjs$/, "");
  return { manifest: `${stem}.json`, cache: `${stem}.v8cache` };
}

/**
 * The key of the code cache of `file` (a bundle in a folder of dist/), or null when there is no
 * bundle or manifest, or a module of dist/ it holds is newer than it.
 */
export function currentBundleKey(file: string): string | null {
  try {
    const bundle = statSync(file);
    const { inputs } = JSON.parse(readFileSync(bundleFiles(file).manifest, "utf8")) as {
      inputs: string[];
    };
    const root = dirname(dirname(file));
    if (inputs.some((input) => statSync(join(root, input)).mtimeMs > bundle.mtimeMs)) return null;
    return `${bundle.size} ${bundle.mtimeMs} ${process.version} ${process.arch}\n`;
  } catch {
    return null;
  }
}

/** Run the bundle `file` (absolute path) from its code cache, or null (see above). */
export function loadCachedBundle<Exports>(
  file: string,
  importer: Importer,
): CachedBundle<Exports> | null {
  const key = currentBundleKey(file);
  if (key === null) return null;
  const cacheFile = bundleFiles(file).cache;
  let cachedData: Buffer | undefined;
  try {
    const data = crc32 === undefined ? null : readFileSync(cacheFile);
    // V8 checks its version, its flags and the source's length, not its text: the key does; and
    // not its payload: the checksum does.
    if (data !== null && data.subarray(0, key.length).toString("latin1") === key) {
      const payload = data.subarray(key.length + CHECKSUM_LENGTH);
      const stored = data.subarray(key.length, key.length + CHECKSUM_LENGTH).toString("latin1");
      if (stored === checksum(payload)) cachedData = payload;
    }
  } catch {
    // no cache yet
  }
  let script: Script;
  const module = { exports: {} as Exports };
  try {
    const source = readFileSync(file, "utf8");
    script = new Script(HEAD + source + TAIL, { filename: file, cachedData });
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      createRequire(file),
      module,
      file,
      dirname(file),
      importer,
    );
  } catch {
    return null;
  }
  let fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache() {
      if (!fresh || crc32 === undefined) return;
      fresh = false;
      const temporary = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      try {
        const payload = script.createCachedData();
        writeFileSync(
          temporary,
          Buffer.concat([Buffer.from(key + checksum(payload), "latin1"), payload]),
        );
        renameSync(temporary, cacheFile);
      } catch {
        // a read-only installation: the bundle still runs, compiled each time
        try {
          rmSync(temporary, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}
