import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { prepareSwitching, colourKindKey } from "../../src/nulls/switch.js";
import { randomEnsemble } from "../../src/motifs/random-ensemble.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

describe("randomEnsemble(g, keys, options)", () => {
  const g = randomEdgeGraph(30, 90, 4);
  const keys = [...countSubgraphs(g, { size: 3 }).counts.keys()].sort();

  it("network i is the original switched with Rng(seed, i), counted exactly", async () => {
    const e = await randomEnsemble(g, keys, { size: 3, networks: 5, seed: 9, threads: 1 });
    const switching = prepareSwitching(g, colourKindKey);
    for (const i of [0, 4]) {
      const r = switching.randomise(new Rng(9, i));
      const c = countSubgraphs(r.graph, { size: 3 });
      expect(e.totals[i]).toBe(c.total);
      expect(e.switching.tries[i]).toBe(r.tries);
      expect(e.switching.successes[i]).toBe(r.successes);
      keys.forEach((key, k) => expect(e.counts[i * keys.length + k]).toBe(c.counts.get(key) ?? 0));
      const others = [...c.counts.keys()].filter((key) => !keys.includes(key)).length;
      expect(e.otherClasses[i]).toBe(others);
    }
  });

  it("is bit-identical for 1, 2 and 3 threads (worker threads load the .ts worker via tsx)", async () => {
    const progress: number[] = [];
    const runs = [];
    for (const threads of [1, 2, 3]) {
      runs.push(
        await randomEnsemble(g, keys, {
          size: 3,
          networks: 13,
          seed: 2,
          threads,
          onProgress: (done, total) => {
            expect(total).toBe(13);
            progress.push(done);
          },
        }),
      );
    }
    expect(runs[1].threads).toBe(2);
    for (const r of runs.slice(1)) {
      expect(Array.from(r.counts)).toEqual(Array.from(runs[0].counts));
      expect(Array.from(r.totals)).toEqual(Array.from(runs[0].totals));
      expect(Array.from(r.switching.tries)).toEqual(Array.from(runs[0].switching.tries));
    }
    expect(progress.filter((d) => d === 13)).toHaveLength(3);
  });

  it("keeps every layered random network between the original layer pairs", async () => {
    // Layers 0: 0..9, 1: 10..19, 2: 20..29, edges only from layer l to l+1.
    const rng = new Rng(1);
    const edges: [number, number, number][] = [];
    for (let s = 0; s < 20; s++)
      for (let t = 10 * (Math.floor(s / 10) + 1); t < 10 * (Math.floor(s / 10) + 2); t++)
        if (rng.int(3) === 0) edges.push([s, t, 1 + rng.int(2)]);
    const layered = makeDigraph(30, edges);
    const layers = Int32Array.from({ length: 30 }, (_, v) => Math.floor(v / 10));
    const k3 = [...countSubgraphs(layered, { size: 3, vertexColours: layers }).counts.keys()];
    const e = await randomEnsemble(layered, k3, {
      size: 3,
      networks: 4,
      nullModel: "layered",
      layers,
      vertexColours: layers,
      threads: 1,
    });
    // With layers as vertex colours, a within-layer or skip edge would create a new class.
    expect(Array.from(e.otherClasses)).toEqual([0, 0, 0, 0]);
    expect(e.switching.successes.every((s) => s > 0)).toBe(true);
  });
});
