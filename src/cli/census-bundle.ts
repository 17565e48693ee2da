/**
 * `nnmotifs census` from one script with a V8 code cache (issue 12 item 4, start-up): the bundle
 * that `npm run build` writes (scripts/bundle-census.mjs, dist/cli/census.bundle.cjs) compiled
 * from its cache, next to it (census.bundle.v8cache), instead of ~45 ES modules resolved, read and
 * compiled one by one (Node 20 caches no ES module). The cache is written after the first
 * successful run, and again whenever V8 rejects it (another Node, other flags).
 *
 * No bundle (a tsc-only build, the sources under tsx), or one older than the tsc output: null, and
 * the command runs the plain modules. Nothing here may change what the command does: every failure
 * to read or write the cache is silent.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { runNnmotifs } from "./program.js";

export interface CensusBundle {
  readonly runNnmotifs: typeof runNnmotifs;
  /** Write the code cache if there was none that V8 accepted (after the run: all it compiled). */
  saveCache(): void;
}

export const BUNDLE_FILE = "census.bundle.cjs";
export const CACHE_FILE = "census.bundle.v8cache";
/** The dist/ modules in the bundle (relative to dist/), written with it. */
export const MANIFEST_FILE = "census.bundle.json";

/** The CommonJS wrapper, plus the bundle's `import()` (scripts/bundle-census.mjs). */
const HEAD =
  '(function (exports, require, module, __filename, __dirname, __nnmImport) {"use strict";';
const TAIL = "\n})";

/**
 * Load the bundle next to `programUrl` (the URL of dist/cli/program.js), or null. `importer` is
 * an `import()` of the caller's module (dist/cli/), for the packages the bundle loads lazily.
 */
export function loadCensusBundle(
  programUrl: string,
  importer: (specifier: string) => Promise<unknown>,
): CensusBundle | null {
  const program = fileURLToPath(programUrl);
  const dir = dirname(program);
  const file = join(dir, BUNDLE_FILE);
  let key: string;
  try {
    const bundle = statSync(file);
    // A module of dist/ newer than the bundle (tsc ran since): its bundled copy is stale.
    const { inputs } = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as {
      inputs: string[];
    };
    const root = dirname(dir);
    if (inputs.some((input) => statSync(join(root, input)).mtimeMs > bundle.mtimeMs)) return null;
    key = `${bundle.size} ${bundle.mtimeMs} ${process.version} ${process.arch}\n`;
  } catch {
    return null;
  }
  const source = readFileSync(file, "utf8");
  const cacheFile = join(dir, CACHE_FILE);
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
  const script = new Script(HEAD + source + TAIL, { filename: file, cachedData });
  const module = { exports: {} as { runNnmotifs: typeof runNnmotifs } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dir,
    importer,
  );
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    runNnmotifs: module.exports.runNnmotifs,
    saveCache() {
      if (!fresh) return;
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(
          temporary,
          Buffer.concat([Buffer.from(key, "latin1"), script.createCachedData()]),
        );
        renameSync(temporary, cacheFile);
      } catch {
        // a read-only installation: the bundle still runs, compiled each time
      }
    },
  };
}
