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
 * aborts the process. Only this module writes the file, whole (temp file + rename); a checksum of
 * our own would cost ~1 ms per worker and ~2.6 ms per census start (a 2-vCPU machine).
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
    const data = readFileSync(cacheFile);
    // V8 checks its version, its flags and the source's length, not its text: the key does.
    if (data.subarray(0, key.length).toString("latin1") === key) {
      cachedData = data.subarray(key.length);
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
      if (!fresh) return;
      fresh = false;
      const temporary = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      try {
        writeFileSync(
          temporary,
          Buffer.concat([Buffer.from(key, "latin1"), script.createCachedData()]),
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
