import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { readGraph } from "../../src/graph/read-graph.js";
import { canonicalKey } from "../../src/motifs/canonical-label.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { parseFanmodResults } from "../../src/motifs/fanmod-results.js";
import { census, censusJson, uncolouredClassId } from "../../src/stats/census.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

function pearson(xs: number[], ys: number[]): number {
  const mean = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("census(g, options)", () => {
  const g = randomEdgeGraph(25, 70, 3, 2);

  it("gives bit-identical JSON for 1, 2 and 3 threads with the same seed", async () => {
    const texts: string[] = [];
    for (const threads of [1, 2, 3]) {
      const r = await census(g, { size: 3, networks: 12, seed: 5, threads });
      expect(r.run.threads).toBe(threads);
      texts.push(JSON.stringify(censusJson(r)));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    const other = await census(g, { size: 3, networks: 12, seed: 6, threads: 1 });
    expect(JSON.stringify(censusJson(other))).not.toBe(texts[0]);
  });

  it("lists every class of the input graph with the issue's JSON fields", async () => {
    const r = await census(g, { size: 3, networks: 10, threads: 1 });
    const exact = countSubgraphs(g, { size: 3 });
    expect(r.subgraphs).toBe(exact.total);
    expect(r.motifs.map((m) => m.key).sort()).toEqual([...exact.counts.keys()].sort());
    expect(r.motifs.reduce((s, m) => s + m.frequency, 0)).toBeCloseTo(1, 12);
    const json = censusJson(r) as unknown as Record<string, unknown>;
    for (const field of ["nodes", "edges", "colours", "size", "subgraphs", "random", "motifs"])
      expect(json).toHaveProperty(field);
    expect(Object.keys(r.random)).toEqual(
      expect.arrayContaining(["networks", "null", "exchanges", "tries", "seed"]),
    );
    const m = r.motifs[0];
    for (const field of [
      "adjacency",
      "count",
      "frequency",
      "randomMean",
      "randomSd",
      "z",
      "pOver",
      "pUnder",
      "zCount",
      "sp",
    ])
      expect(m).toHaveProperty(field);
    expect(m.adjacency).toHaveLength(3);
    expect(m.frequency).toBe(m.count / r.subgraphs);
    expect(json).not.toHaveProperty("run");
    // Most frequent first.
    for (let i = 1; i < r.motifs.length; i++)
      expect(r.motifs[i].count).toBeLessThanOrEqual(r.motifs[i - 1].count);
  });

  it("with no random networks gives null statistics", async () => {
    const r = await census(g, { size: 3, networks: 0 });
    expect(r.motifs.every((m) => m.z === null && m.pOver === null && m.randomMean === null)).toBe(
      true,
    );
  });

  it("runs the layered null with inferred layers and layer vertex colours on a DAG", async () => {
    const dag = makeDigraph(6, [
      [0, 2, 1],
      [0, 3, 2],
      [1, 2, 1],
      [1, 3, 1],
      [2, 4, 1],
      [3, 5, 2],
      [2, 5, 1],
    ]);
    const r = await census(dag, {
      size: 3,
      networks: 5,
      nullModel: "layered",
      vertexColours: "layer",
      threads: 1,
    });
    expect(r.vertexColours).toBe("layer");
    expect(r.random.classesAbsentFromOriginal).toBe(0);
    expect(r.motifs[0].vertexColours).toHaveLength(3);
  });

  it("rejects bad options with an NnmotifsError saying what is allowed", async () => {
    await expect(census(g, { size: 1 })).rejects.toThrow(/Should be an integer 2..8/);
    await expect(census(g, { networks: -1 })).rejects.toThrow(NnmotifsError);
    await expect(census(g, { tries: 0 })).rejects.toThrow(/`tries` 0/);
    await expect(
      census(g, { nullModel: "nope" as unknown as "switch", networks: 1 }),
    ).rejects.toThrow(/Should be one of: switch, layered/);
    await expect(census(g, { size: 3, sample: [1, 0.5] })).rejects.toThrow(/Should be 3 numbers/);
    const cyclic = makeDigraph(3, [
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    await expect(census(cyclic, { nullModel: "layered", networks: 1 })).rejects.toThrow(
      /not a DAG/,
    );
  });

  it("samples with RAND-ESU when given probabilities (sampled flag, deterministic)", async () => {
    const a = await census(g, { size: 3, networks: 4, sample: [1, 1, 0.5], threads: 1 });
    const b = await census(g, { size: 3, networks: 4, sample: [1, 1, 0.5], threads: 2 });
    expect(a.sampled).toBe(true);
    expect(JSON.stringify(censusJson(a))).toBe(JSON.stringify(censusJson(b)));
  });

  it("states each sampled count's relative error √((1 − P)/(count·P)); exact censuses have none", async () => {
    const sampled = await census(g, { size: 3, networks: 0, sample: [1, 0.5, 0.4], threads: 1 });
    const P = 0.2;
    expect(sampled.motifs.length).toBeGreaterThan(0);
    for (const m of sampled.motifs) {
      expect(m.relativeError).toBeCloseTo(Math.sqrt((1 - P) / (m.count * P)), 12);
    }
    // The rarer the class, the larger its error.
    const byCount = [...sampled.motifs].sort((x, y) => x.count - y.count);
    expect(byCount[0].relativeError!).toBeGreaterThanOrEqual(byCount.at(-1)!.relativeError!);
    const exact = await census(g, { size: 3, networks: 0, threads: 1 });
    expect(exact.motifs.every((m) => !("relativeError" in m))).toBe(true);
  });
});

describe("uncolouredClassId(adjacency)", () => {
  it("is the same for every colouring of one topology and reads the matrix as binary", () => {
    expect(uncolouredClassId(["0000", "0000", "2000", "2200"])).toBe(
      uncolouredClassId(["0000", "0000", "1000", "3100"]),
    );
    // A 3-chain 0→1→2: canonical form has 2 edges → 2 bits set.
    const id = uncolouredClassId(["010", "001", "000"]);
    expect(id.toString(2).split("1").length - 1).toBe(2);
  });
});

describe.skipIf(!HAVE_ANCHOR)("census on the anchor (FANMOD tree_w_s4_out.csv)", () => {
  it("Z under switch with 100 networks agrees with FANMOD's (Pearson r ≥ 0.95)", async () => {
    const g = readGraph(anchorFile("tree_w_Graph.txt"));
    const text = readFileSync(anchorFile("tree_w_s4_out.csv"), "utf8");
    const fanmod = parseFanmodResults(text);
    const byKey = new Map(fanmod.classes.map((c) => [canonicalKey(c.adjacency, 4), c]));
    const r = await census(g, { size: 4, networks: 100, seed: 1, threads: 1 });
    expect(r.subgraphs).toBe(fanmod.subgraphs);
    const ours: number[] = [];
    const theirs: number[] = [];
    const sdRatio: number[] = [];
    for (const m of r.motifs) {
      const f = byKey.get(m.key);
      expect(f).toBeDefined();
      // Units: FANMOD prints frequencies in percent but the SD as a fraction.
      if (f!.standardDeviation > 0 && m.randomSd !== null)
        sdRatio.push(m.randomSd / f!.standardDeviation);
      if (f!.z !== null && m.z !== null) {
        ours.push(m.z);
        theirs.push(f!.z);
      }
    }
    expect(ours.length).toBeGreaterThan(200);
    expect(pearson(ours, theirs)).toBeGreaterThanOrEqual(0.95);
    sdRatio.sort((a, b) => a - b);
    expect(sdRatio[sdRatio.length >> 1]).toBeGreaterThan(0.8);
    expect(sdRatio[sdRatio.length >> 1]).toBeLessThan(1.25);
    // Switching acceptance: FANMOD reports tries and successes in its header.
    const [, tries, successes] = /(\d+) tries were made, (\d+) were successful/.exec(text)!;
    const fanmodRatio = Number(successes) / Number(tries);
    expect(Math.abs(r.random.successes / r.random.triesMade - fanmodRatio)).toBeLessThan(0.03);
  });
});
