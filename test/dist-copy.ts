/**
 * A copy of the built dist/ (`npm run build` first) in a temporary folder, with the package.json
 * and node_modules beside it that it needs, for tests that remove, age or corrupt built files:
 * the real dist/ is never modified. Timestamps are kept (the bundles' stale checks compare them),
 * and no code cache is copied.
 */
import { cpSync, existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./anchor.js";
import { scratchDir } from "./scratch-dir.js";

/** The copy's root; its dist/ is `join(root, "dist")`. */
export function distCopy(prefix: string): string {
  const root = scratchDir(prefix);
  const dist = join(REPO_ROOT, "dist");
  if (!existsSync(join(dist, "motifs", "random-ensemble-worker.bundle.cjs"))) {
    throw new Error("no worker bundle in dist/: run `npm run build` first");
  }
  cpSync(dist, join(root, "dist"), {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !source.endsWith(".v8cache") && !source.endsWith(".tmp"),
  });
  cpSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}
