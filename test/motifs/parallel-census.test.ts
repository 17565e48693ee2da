import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { buildCensusGraph } from "../../src/motifs/census-graph.js";
import {
  countSubgraphs,
  countSubgraphUnits,
  tallySubgraphClasses,
} from "../../src/motifs/count-subgraphs.js";
import { countSubgraphsParallel, planCensusUnits } from "../../src/motifs/parallel-census.js";
import { randomDigraph } from "./census-helpers.js";

/** Sum the per-task results of a plan, as countSubgraphsParallel merges them. */
function sumOfUnits(
  g: ReturnType<typeof randomDigraph>,
  k: number,
  plan: Int32Array[],
  vertexColours: Int32Array | null = null,
): { total: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const units of plan) {
    const r = countSubgraphUnits(g, { size: k, vertexColours }, units);
    total += r.total;
    r.keys.forEach((key, i) => counts.set(key, (counts.get(key) ?? 0) + r.counts[i]));
  }
  return { total, counts };
}

describe("planCensusUnits and countSubgraphUnits (one census split into ESU work units)", () => {
  it("the units of any plan add up to the whole census (k = 3..5, 1..40 tasks)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 4, max: 14 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.nat(),
        (k, n, density, tasks, withVertexColours, seed) => {
          const rng = new Rng(seed);
          const g = randomDigraph(rng, n, density, 3);
          const vc = withVertexColours ? Int32Array.from({ length: n }, (_, i) => i % 3) : null;
          const plan = planCensusUnits(buildCensusGraph(g, false, null), k, tasks);
          expect(plan.length).toBeLessThanOrEqual(tasks);
          const whole = countSubgraphs(g, { size: k, vertexColours: vc });
          const parts = sumOfUnits(g, k, plan, vc);
          expect(parts.total).toBe(whole.total);
          expect(parts.counts).toEqual(whole.counts);
        },
      ),
      { seed: 12, numRuns: 60 },
    );
  });

  it("a plan splits a hub's children across tasks, each child in exactly one unit", () => {
    // A star: root 0 has every other node as a child; 6 tasks must cut inside root 0.
    const n = 30;
    const edges: [number, number, number][] = [];
    for (let u = 1; u < n; u++) edges.push([0, u, 1]);
    for (let u = 1; u + 1 < n; u++) edges.push([u, u + 1, 2]);
    const star = makeDigraph(n, edges);
    const plan = planCensusUnits(buildCensusGraph(star, false, null), 4, 6);
    expect(plan.length).toBe(6);
    const children = plan.flatMap((u) => {
      const out: number[] = [];
      for (let t = 0; t < u.length; t += 3)
        if (u[t] === 0) for (let c = u[t + 1]; c < u[t + 2]; c++) out.push(c);
      return out;
    });
    expect(children).toEqual(Array.from({ length: n - 1 }, (_, i) => i));
    expect(sumOfUnits(star, 4, plan).counts).toEqual(countSubgraphs(star, { size: 4 }).counts);
  });
});

describe("countSubgraphsParallel", () => {
  it("gives the same counts, keys sorted, on 1 and 2 worker threads", async () => {
    const g = randomDigraph(new Rng(5), 60, 0.12, 3);
    const one = await countSubgraphsParallel(g, { size: 4, threads: 1 });
    const two = await countSubgraphsParallel(g, { size: 4, threads: 2, inProcessBelowSeconds: 0 });
    const plain = countSubgraphs(g, { size: 4 });
    expect(one.total).toBe(plain.total);
    expect(two.total).toBe(plain.total);
    expect([...two.counts]).toEqual([...one.counts]);
    expect([...one.counts.keys()]).toEqual([...plain.counts.keys()].sort());
    expect(new Map(one.counts)).toEqual(plain.counts);
  }, 30_000);
});

describe("the signal option", () => {
  it("an aborted signal stops countSubgraphs and tallySubgraphClasses with an AbortError", () => {
    const g = randomDigraph(new Rng(3), 12, 0.3, 2);
    const signal = AbortSignal.abort();
    expect(() => countSubgraphs(g, { size: 3, signal })).toThrow(
      expect.objectContaining({ name: "AbortError" }),
    );
    expect(() => tallySubgraphClasses(g, { size: 3, signal }, [])).toThrow(
      expect.objectContaining({ name: "AbortError" }),
    );
    // Not aborted: counts as without a signal.
    const live = new AbortController().signal;
    expect(countSubgraphs(g, { size: 3, signal: live }).counts).toEqual(
      countSubgraphs(g, { size: 3 }).counts,
    );
  });

  it("aborting mid-census stops it at the next root", () => {
    const g = randomDigraph(new Rng(4), 40, 0.2, 2);
    const controller = new AbortController();
    let roots = 0;
    const signal = {
      get aborted() {
        return controller.signal.aborted;
      },
      throwIfAborted() {
        if (++roots === 5) controller.abort();
        controller.signal.throwIfAborted();
      },
    } as unknown as AbortSignal;
    expect(() => countSubgraphs(g, { size: 4, signal })).toThrow(
      expect.objectContaining({ name: "AbortError" }),
    );
    expect(roots).toBe(5);
  });

  it("countSubgraphsParallel rejects when the signal is already aborted", async () => {
    const g = randomDigraph(new Rng(5), 60, 0.12, 3);
    await expect(
      countSubgraphsParallel(g, {
        size: 4,
        threads: 2,
        inProcessBelowSeconds: 0,
        signal: AbortSignal.abort(),
      }),
    ).rejects.toMatchObject({ name: "AbortError" });
  }, 30_000);
});
