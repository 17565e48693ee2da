/**
 * `shareMainThread` (issue 12, threads): the calling thread counts random networks beside
 * `threads` − 1 workers, and counts again what a worker has not returned when it runs out of work.
 * Whoever counts a network, its numbers are those of the in-process run.
 */
import { describe, expect, it } from "vitest";
import { censusCounts, randomEnsemble } from "../../src/motifs/random-ensemble.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { layeredGraph } from "../../bench/census-bench.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

function plain(e: Awaited<ReturnType<typeof randomEnsemble>>) {
  return {
    counts: Array.from(e.counts),
    totals: Array.from(e.totals),
    tries: Array.from(e.switching.tries),
    successes: Array.from(e.switching.successes),
    otherClasses: Array.from(e.otherClasses),
  };
}

describe("randomEnsemble(g, keys, {shareMainThread})", () => {
  const g = randomEdgeGraph(30, 90, 4);
  const keys = [...countSubgraphs(g, { size: 3 }).counts.keys()].sort();

  it("gives the in-process numbers for 2 and 3 threads, with progress up to N", async () => {
    const alone = await randomEnsemble(g, keys, { size: 3, networks: 17, seed: 4, threads: 1 });
    for (const threads of [2, 3]) {
      const progress: number[] = [];
      const shared = await randomEnsemble(g, keys, {
        size: 3,
        networks: 17,
        seed: 4,
        threads,
        shareMainThread: true,
        onProgress: (done, total) => {
          expect(total).toBe(17);
          progress.push(done);
        },
      });
      expect(shared.threads).toBe(threads);
      expect(plain(shared)).toEqual(plain(alone));
      // Every network stored once: progress rises strictly and ends at N.
      expect(progress.at(-1)).toBe(17);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    }
  });

  it("the workers count part of a longer job, and the numbers stay the in-process ones", async () => {
    // k = 5 of a 180-node layered graph: 30 networks take the main thread seconds alone, long
    // enough for a worker under tsx to start and return batches (a step of progress > 1).
    const big = layeredGraph([60, 60, 40, 20], 900, 3);
    const opts = { size: 5, networks: 30, seed: 8, colours: true, originalStream: 1000 };
    const alone = await censusCounts(big, { ...opts, threads: 1 });
    const steps: number[] = [];
    let last = 0;
    const shared = await censusCounts(big, {
      ...opts,
      threads: 2,
      shareMainThread: true,
      onProgress: (done) => {
        steps.push(done - last);
        last = done;
      },
    });
    expect(shared.keys).toEqual(alone.keys);
    expect([...shared.original.counts]).toEqual([...alone.original.counts]);
    expect(plain(shared.ensemble)).toEqual(plain(alone.ensemble));
    expect(Math.max(...steps)).toBeGreaterThan(1);
  }, 60_000);

  it("stops when aborted from the progress callback, rejecting with the signal's reason", async () => {
    const controller = new AbortController();
    const run = randomEnsemble(g, keys, {
      size: 3,
      networks: 40,
      threads: 2,
      shareMainThread: true,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error("enough")),
    });
    await expect(run).rejects.toThrow("enough");
  });
});
