/**
 * `nnmotifs census --threads 2` with its workers from their bundle and V8 code cache
 * (src/motifs/random-ensemble-worker-entry.ts, scripts/bundle-census.mjs) prints what it prints
 * with the plain worker module: with the bundle, from its cache, without the bundle, and with a
 * stale one. Each runs a copy of dist/ (test/dist-copy.ts). Run `npm run build` first when
 * running this file alone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { distCopy } from "../dist-copy.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";
import { scratchDir } from "../scratch-dir.js";

const graph = join(scratchDir("nnmotifs-worker-bundle-"), "g.txt");
// Anchor-sized (95 nodes, 550 edges): 2000 networks at k = 3 count on a worker (~0.6 s).
writeFileSync(graph, formatFanmodEdgeList(randomEdgeGraph(95, 550, 3)));

function census(root: string): string {
  const r = spawnSync(
    process.execPath,
    [join(root, "dist", "cli", "main.js"), "census", graph, "-k", "3", "-r", "2000"].concat([
      "--threads",
      "2",
      "-f",
      "json",
      "-q",
    ]),
    { encoding: "utf8", timeout: 30_000 },
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("nnmotifs census --threads 2 and the worker bundle", () => {
  it("prints the same JSON from the bundle, its code cache, and the plain worker module", () => {
    const root = distCopy("nnmotifs-worker-bundle-");
    const motifs = join(root, "dist", "motifs");
    const cache = join(motifs, "random-ensemble-worker.bundle.v8cache");
    expect(existsSync(cache)).toBe(false);

    // The workers ran the bundle: they wrote its code cache.
    const bundled = census(root);
    expect(JSON.parse(bundled).motifs.length).toBeGreaterThan(3);
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(1000);

    // From the cache, which V8 accepted (not written again).
    expect(census(root)).toBe(bundled);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);

    // Without the bundle: the plain module, which writes no cache.
    rmSync(cache);
    rmSync(join(motifs, "random-ensemble-worker.bundle.cjs"));
    expect(census(root)).toBe(bundled);
    expect(existsSync(cache)).toBe(false);
  }, 30_000);

  it("runs the plain worker module when a module in the bundle is newer than it", () => {
    const root = distCopy("nnmotifs-worker-bundle-");
    const bundled = census(root);
    const motifs = join(root, "dist", "motifs");
    const cache = join(motifs, "random-ensemble-worker.bundle.v8cache");
    expect(existsSync(cache)).toBe(true);
    rmSync(cache);
    // In the worker's manifest only: the census itself still runs from its own bundle.
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(motifs, "random-ensemble-worker-entry.js"), future, future);
    expect(census(root)).toBe(bundled);
    expect(existsSync(cache)).toBe(false);
  }, 30_000);
});
