/**
 * Where the reference files live: ../shared/anchor beside the repository (CI clones main with
 * shared/ beside it). Users do not have these files; only tests read them.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ANCHOR_ROOT = join(REPO_ROOT, "..", "shared", "anchor", "zambra2020");
export const ANCHOR_RUN = join(ANCHOR_ROOT, "seed180112-normal");
export const ANCHOR_DATASETS = join(ANCHOR_ROOT, "datasets");
export const HAVE_ANCHOR = existsSync(ANCHOR_RUN);

export function anchorFile(name: string): string {
  return join(ANCHOR_RUN, name);
}
