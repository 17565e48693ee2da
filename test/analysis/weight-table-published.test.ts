/**
 * The weight table against the authors' own published tables (Zambra et al. 2020, their
 * `t-test_complete.txt`: all weights, and `t-tests_partial.txt`: kept weights, LaTeX rows
 * "Init & Network & mean|w| & sd & p \\"), for every configuration whose models and tables are under
 * ../shared/anchor (or under $NNMOTIFS_PUBLISHED_TABLES): any folder holding `t-test_complete.txt`,
 * `t-tests_partial.txt` and `model_<network>.h5` files, with the cut-off in `details_log.txt` in it
 * or its parent ("Cut-off: 0.55"), as in the authors' Results/ folders. Skips when there is none.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { weightSetsOfGroup } from "../../src/analysis/weight-sets.js";
import { weightTable } from "../../src/analysis/weight-table.js";
import { binGroup } from "../../src/graph/binning.js";
import { readKerasH5 } from "../../src/model/keras-h5.js";
import { ANCHOR_ROOT } from "../anchor.js";

const ROOT = process.env.NNMOTIFS_PUBLISHED_TABLES ?? ANCHOR_ROOT;
/** The authors' network labels and their model files. */
const MODEL_OF: Record<string, string> = {
  Initial: "model_init.h5",
  Tree: "model_tree.h5",
  Clusters: "model_clus.h5",
  MNIST: "model_mnist.h5",
};

function configurations(root: string, depth = 0): string[] {
  if (!existsSync(root) || depth > 4) return [];
  const here = existsSync(join(root, "t-test_complete.txt")) ? [root] : [];
  const below = readdirSync(root)
    .map((name) => join(root, name))
    .filter((p) => statSync(p).isDirectory())
    .flatMap((p) => configurations(p, depth + 1));
  return [...here, ...below];
}

interface PublishedRow {
  network: string;
  meanAbs: string;
  sd: string;
  p: string;
}

function publishedRows(path: string): PublishedRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.includes("&"))
    .map((l) => {
      const [, network, meanAbs, sd, p] = l
        .replace(/\\\\\s*$/, "")
        .split("&")
        .map((c) => c.trim());
      return { network, meanAbs, sd, p };
    });
}

function cutoffOf(dir: string): number {
  for (const d of [dir, dirname(dir)]) {
    const log = join(d, "details_log.txt");
    if (existsSync(log)) {
      const m = /Cut-off:\s*([\d.]+)/.exec(readFileSync(log, "utf8"));
      if (m) return Number(m[1]);
    }
  }
  throw new Error(`${dir}: no details_log.txt with "Cut-off:" beside or above it`);
}

const DIRS = configurations(ROOT).filter((d) => existsSync(join(d, "t-tests_partial.txt")));

describe("weightTable(initial, trained) against the authors' published tables", () => {
  it.each(DIRS)("reproduces every printed number of %s", async (dir) => {
    const complete = publishedRows(join(dir, "t-test_complete.txt"));
    const partial = publishedRows(join(dir, "t-tests_partial.txt"));
    const labels = complete.map((r) => r.network);
    expect(labels[0]).toBe("Initial");
    const nets = await Promise.all(labels.map((l) => readKerasH5(join(dir, MODEL_OF[l]))));
    const group = binGroup(nets, "paper", { cutoff: cutoffOf(dir) });
    const sets = weightSetsOfGroup(labels, nets, group);
    const rows = weightTable(sets[0], sets.slice(1));
    const ours = (network: string, weights: "all" | "kept") =>
      rows.find((r) => r.network === network && r.weights === weights)!;
    for (const [published, weights] of [
      [complete, "all"],
      [partial, "kept"],
    ] as const) {
      for (const row of published) {
        const mine = ours(row.network, weights);
        expect(mine.meanAbs!.toFixed(6)).toBe(row.meanAbs);
        expect(mine.sd!.toFixed(6)).toBe(row.sd);
        // The authors print 0.000000 (all) or -- (kept) for the initial network, which has no p.
        if (row.network === "Initial") expect(mine.p).toBeNull();
        else expect(mine.p!.toFixed(6)).toBe(row.p);
      }
    }
  });
  // Without published tables there is nothing to compare: say so as a skipped test.
  if (DIRS.length === 0) it.skip(`(no published weight tables under ${ROOT})`, () => {});
});
