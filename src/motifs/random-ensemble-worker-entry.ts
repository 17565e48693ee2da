/**
 * The census worker (random-ensemble-worker.ts) from its bundle and V8 code cache: one script
 * compiled from its cache instead of ~30 ES modules compiled one by one in every worker thread
 * (Node 20 caches no ES module). `npm run build` bundles this module, with the loader
 * (core/cached-bundle.ts), into dist/motifs/random-ensemble-worker-entry.cjs, the file piscina
 * loads (a `require`, then the `default` export), and the worker into
 * dist/motifs/random-ensemble-worker.bundle.cjs (scripts/bundle-census.mjs). random-ensemble.ts
 * starts its workers here only when that bundle is there and current (`workerFile`).
 *
 * The code cache is written by a worker after its first successful task (all it compiled then),
 * when there was none that V8 accepted; core/cached-bundle.ts writes it atomically, so workers
 * doing so at once are safe. No bundle, a stale one, or one that fails to load: the plain module,
 * the same code.
 */
import { fileURLToPath } from "node:url";
import { loadCachedBundle } from "../core/cached-bundle.js";
import type { WorkerTask, WorkerTaskResult } from "./random-ensemble-worker.js";

type Run = (task: WorkerTask) => Promise<WorkerTaskResult>;

const bundle = loadCachedBundle<{ default: Run }>(
  fileURLToPath(new URL("./random-ensemble-worker.bundle.cjs", import.meta.url)),
  (specifier) => import(specifier),
);
// Not a literal import(): the build must not bundle the plain module into this one.
const PLAIN = new URL("./random-ensemble-worker.js", import.meta.url).href;
let run: Run | Promise<Run> =
  bundle?.exports.default ??
  import(PLAIN).then((m: typeof import("./random-ensemble-worker.js")) => m.default);
let unsaved = bundle !== null;

export default async function (task: WorkerTask): Promise<WorkerTaskResult> {
  run = await run;
  const result = await run(task);
  if (unsaved) {
    unsaved = false;
    bundle?.saveCache();
  }
  return result;
}
