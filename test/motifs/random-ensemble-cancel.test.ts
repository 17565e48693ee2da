/** Cancellation (issue 8): an AbortSignal reaches the ESU loop, the ensemble and census(). */
import { describe, expect, it } from "vitest";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { sampleSubgraphs } from "../../src/motifs/rand-esu.js";
import { randomEnsemble } from "../../src/motifs/random-ensemble.js";
import { Rng } from "../../src/core/random.js";
import { census } from "../../src/stats/census.js";
import { layeredGraph } from "../../bench/census-bench.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

/** An AbortSignal that counts its checks and aborts itself at check number `abortAt`. */
function countingSignal(abortAt = Infinity): { signal: AbortSignal; checks: () => number } {
  const controller = new AbortController();
  let checks = 0;
  const signal = controller.signal;
  const check = signal.throwIfAborted.bind(signal);
  signal.throwIfAborted = () => {
    checks++;
    if (checks >= abortAt) controller.abort(new Error("stop at check " + checks));
    check();
  };
  return { signal, checks: () => checks };
}

describe("countSubgraphs(g, {signal})", () => {
  const g = randomEdgeGraph(40, 120, 5);

  it("checks the signal once per root vertex and gives the same counts as without it", () => {
    const { signal, checks } = countingSignal();
    const plain = countSubgraphs(g, { size: 4 });
    const watched = countSubgraphs(g, { size: 4, signal });
    expect(checks()).toBe(g.nodeCount);
    expect(watched.total).toBe(plain.total);
    expect([...watched.counts]).toEqual([...plain.counts]);
  });

  it("stops at the root where the signal is aborted, throwing its reason; the next census is whole", () => {
    const { signal, checks } = countingSignal(7);
    expect(() => countSubgraphs(g, { size: 4, signal })).toThrow("stop at check 7");
    expect(checks()).toBe(7);
    // The half-filled tables of the stopped census do not leak into the next one.
    const again = countSubgraphs(g, { size: 4 });
    expect(again.total).toBe(countSubgraphs(g, { size: 4 }).total);
    const sampled = countingSignal(3);
    expect(() =>
      sampleSubgraphs(g, {
        size: 4,
        probabilities: [1, 1, 0.5, 0.5],
        rng: new Rng(1),
        signal: sampled.signal,
      }),
    ).toThrow("stop at check 3");
  });
});

describe("randomEnsemble(g, keys, {signal})", () => {
  const g = randomEdgeGraph(30, 90, 4);
  const keys = [...countSubgraphs(g, { size: 3 }).counts.keys()].sort();

  it("rejects at once with an already aborted signal", async () => {
    const reason = new Error("aborted before");
    const signal = AbortSignal.abort(reason);
    await expect(
      randomEnsemble(g, keys, { size: 3, networks: 4, signal, threads: 1 }),
    ).rejects.toBe(reason);
    await expect(
      randomEnsemble(g, keys, { size: 3, networks: 4, signal, threads: 2 }),
    ).rejects.toBe(reason);
  });

  it("in-process, stops after the network counted when aborted from the progress callback", async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const run = randomEnsemble(g, keys, {
      size: 3,
      networks: 40,
      threads: 1,
      signal: controller.signal,
      onProgress: (d) => {
        done.push(d);
        controller.abort(new Error("enough"));
      },
    });
    await expect(run).rejects.toThrow("enough");
    expect(done).toEqual([1]); // in-process batches are one network each: then nothing
  });
});

describe("census(g, {signal}) on worker threads", () => {
  it("terminates the workers promptly when aborted in the middle of a long count", async () => {
    // k = 6 of a 900-node layered graph: many seconds per network, far longer than the wait below.
    const g = layeredGraph([300, 300, 200, 100], 3000, 11);
    const controller = new AbortController();
    let done = 0;
    const run = census(g, {
      size: 6,
      networks: 8,
      threads: 2,
      signal: controller.signal,
      onProgress: (d) => (done = d),
    });
    let aborted = 0;
    setTimeout(() => {
      aborted = performance.now();
      controller.abort(new Error("Ctrl-C"));
    }, 1500);
    await expect(run).rejects.toThrow("Ctrl-C");
    expect(performance.now() - aborted).toBeLessThan(1000);
    expect(done).toBe(0); // it was still counting
  });
});
