/**
 * The census worker's bundle entry (src/motifs/random-ensemble-worker-entry.ts, built into
 * dist/motifs/random-ensemble-worker-entry.cjs) as piscina loads it: it answers tasks as the
 * worker module does in-process, from its bundle, and falls back cleanly — to the plain module
 * when the bundle is missing or broken, to compiling when the code cache is missing or corrupt
 * (then it writes a good one). Each case runs a copy of dist/ (test/dist-copy.ts). Run
 * `npm run build` first when running this file alone.
 */
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Piscina } from "piscina";
import { describe, expect, it } from "vitest";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import {
  runEnsembleTask,
  runOriginalTask,
  type EnsembleTask,
  type OriginalTask,
  type WorkerTask,
} from "../../src/motifs/random-ensemble-worker.js";
import { distCopy } from "../dist-copy.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const g = randomEdgeGraph(30, 90, 4);
const graph = {
  nodeCount: g.nodeCount,
  edgeSrc: g.edgeSrc,
  edgeTrg: g.edgeTrg,
  edgeColour: g.edgeColour,
};
const counting = { graph, size: 3, colours: true, vertexColours: null, sample: null, seed: 5 };
const original: OriginalTask = { kind: "original", ...counting, stream: 0 };
const ensemble: EnsembleTask = {
  kind: "ensemble",
  ...counting,
  layers: null,
  nullModel: "switch",
  nullSource: null,
  context: null,
  exchanges: 3,
  tries: 100,
  keys: [...countSubgraphs(g, { size: 3 }).counts.keys()].sort(),
  first: 2,
  count: 4,
};
const expected = [runOriginalTask(original), runEnsembleTask(ensemble)];

/** The tasks on a one-thread pool of the entry in dist copy `root`, as piscina runs them. */
async function runEntry(root: string): Promise<unknown[]> {
  const pool = new Piscina<WorkerTask, unknown>({
    filename: join(root, "dist", "motifs", "random-ensemble-worker-entry.cjs"),
    minThreads: 1,
    maxThreads: 1,
  });
  try {
    return [await pool.run(original), await pool.run(ensemble)];
  } finally {
    await pool.destroy();
  }
}

function files(root: string) {
  const motifs = join(root, "dist", "motifs");
  return {
    bundle: join(motifs, "random-ensemble-worker.bundle.cjs"),
    cache: join(motifs, "random-ensemble-worker.bundle.v8cache"),
  };
}

/** The code cache's key line (src/core/cached-bundle.ts): the bundle's size and time, Node. */
function keyOf(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  return `${size} ${mtimeMs} ${process.version} ${process.arch}\n`;
}

describe("the census worker's bundle entry on piscina", () => {
  it("answers as the worker module in-process, writes the code cache, then runs from it", async () => {
    const root = distCopy("nnmotifs-worker-entry-");
    const { bundle, cache } = files(root);
    expect(await runEntry(root)).toEqual(expected);
    const written = statSync(cache);
    expect(readFileSync(cache, "latin1").startsWith(keyOf(bundle))).toBe(true);
    expect(await runEntry(root)).toEqual(expected);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  it("rewrites a corrupt (payload altered inside), truncated or foreign code cache, with the same answers", async () => {
    const root = distCopy("nnmotifs-worker-entry-");
    const { bundle, cache } = files(root);
    await runEntry(root);
    const good = readFileSync(cache);
    const key = keyOf(bundle);
    // The payload altered inside, key and checksum intact: V8 itself would abort the process.
    const flipped = Buffer.from(good);
    for (let i = Math.floor(flipped.length / 2); i < flipped.length / 2 + 64; i++)
      flipped[i] ^= 0x5a;
    const corrupt = [
      flipped,
      Buffer.from("not a cache at all"),
      Buffer.concat([Buffer.from(key, "latin1"), Buffer.alloc(5000, 7)]),
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.concat([Buffer.from(`0 0 v0 x\n`, "latin1"), good.subarray(key.length)]),
    ];
    for (const data of corrupt) {
      writeFileSync(cache, data);
      expect(await runEntry(root)).toEqual(expected);
      const rewritten = readFileSync(cache);
      expect(rewritten.equals(data)).toBe(false);
      expect(rewritten.subarray(0, key.length).toString("latin1")).toBe(key);
    }
  });

  it("runs the plain module when the bundle is missing, broken or stale", async () => {
    const missing = distCopy("nnmotifs-worker-entry-");
    rmSync(files(missing).bundle);
    expect(await runEntry(missing)).toEqual(expected);
    expect(existsSync(files(missing).cache)).toBe(false);

    // Current by its manifest, but not JavaScript: a syntax error when compiled.
    const broken = distCopy("nnmotifs-worker-entry-");
    writeFileSync(files(broken).bundle, "this is not ( a bundle");
    expect(await runEntry(broken)).toEqual(expected);
    expect(existsSync(files(broken).cache)).toBe(false);

    // Stale: the entry's own check (workerFile would not have started it).
    const stale = distCopy("nnmotifs-worker-entry-");
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(stale, "dist", "motifs", "count-subgraphs.js"), future, future);
    expect(await runEntry(stale)).toEqual(expected);
    expect(existsSync(files(stale).cache)).toBe(false);
  });
});
