/**
 * `nnmotifs census` from one script with a V8 code cache (issue 12 item 4, start-up): the bundle
 * that `npm run build` writes (scripts/bundle-census.mjs, dist/cli/census.bundle.cjs) compiled
 * from its cache, next to it (census.bundle.v8cache), instead of ~45 ES modules resolved, read and
 * compiled one by one (Node 20 caches no ES module). The cache is written after the first
 * successful run, and again whenever V8 rejects it (another Node, other flags); the loading is
 * src/core/cached-bundle.ts, shared with the census workers.
 *
 * No bundle (a tsc-only build, the sources under tsx), or one older than the tsc output: null, and
 * the command runs the plain modules. Nothing here may change what the command does: every failure
 * to read or write the cache is silent.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCachedBundle, type Importer } from "../core/cached-bundle.js";
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

/**
 * Load the bundle next to `programUrl` (the URL of dist/cli/program.js), or null. `importer` is
 * an `import()` of the caller's module (dist/cli/), for the packages the bundle loads lazily.
 */
export function loadCensusBundle(programUrl: string, importer: Importer): CensusBundle | null {
  const file = join(dirname(fileURLToPath(programUrl)), BUNDLE_FILE);
  const bundle = loadCachedBundle<{ runNnmotifs: typeof runNnmotifs }>(file, importer);
  if (bundle === null) return null;
  return { runNnmotifs: bundle.exports.runNnmotifs, saveCache: () => bundle.saveCache() };
}
