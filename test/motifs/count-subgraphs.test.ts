import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { makeDigraph, withoutColours } from "../../src/graph/digraph.js";
import { canonicalKey } from "../../src/motifs/canonical-label.js";
import { DENSE_PAIR_LIMIT } from "../../src/motifs/census-graph.js";
import { IntMap } from "../../src/motifs/code-table.js";
import {
  censusTuning,
  clearCensusCache,
  countSubgraphs,
  prepareCensus,
  tallySubgraphClasses,
} from "../../src/motifs/count-subgraphs.js";
import { COMPACT_PREFIXES } from "../../src/motifs/prefix-cache.js";
import { bruteForceCounts, randomDigraph } from "./census-helpers.js";

describe("countSubgraphs(g, {size, colours, vertexColours})", () => {
  it("equals brute force on random coloured graphs with mutual edges (k = 2..5)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 5, max: 11 }),
        fc.double({ min: 0.05, max: 0.45, noNaN: true }),
        fc.integer({ min: 1, max: 7 }),
        fc.nat(),
        (k, n, density, colours, seed) => {
          const g = randomDigraph(new Rng(seed), n, density, colours);
          const census = countSubgraphs(g, { size: k });
          const brute = bruteForceCounts(g, k);
          expect(census.total).toBe(brute.total);
          expect(census.counts).toEqual(brute.counts);
          expect(census.sampled).toBe(false);
          expect(census.size).toBe(k);
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });

  it("equals brute force with vertex colours and without edge colours", () => {
    const rng = new Rng(9);
    for (let trial = 0; trial < 12; trial++) {
      const n = 6 + rng.int(5);
      const g = randomDigraph(rng, n, 0.3, 3);
      const layer = Int32Array.from({ length: n }, () => rng.int(3) * (trial % 2 ? 1 : 100) - 7);
      const k = 3 + (trial % 3);
      expect(countSubgraphs(g, { size: k, vertexColours: layer })).toMatchObject(
        bruteForceCounts(g, k, true, layer),
      );
      const plain = countSubgraphs(g, { size: k, colours: false });
      expect(plain).toMatchObject(bruteForceCounts(g, k, false));
      expect(plain.counts).toEqual(countSubgraphs(withoutColours(g), { size: k }).counts);
      for (const key of plain.counts.keys()) expect(key).toMatch(/^[01]+$/);
    }
  });

  it("equals brute force when the code needs several limbs (k = 6, 7 colours) and for k = 7", () => {
    const rng = new Rng(77);
    for (const [k, n, colours] of [
      [6, 9, 7],
      [6, 10, 3],
      [7, 9, 2],
    ] as const) {
      const g = randomDigraph(rng, n, 0.3, colours);
      const census = countSubgraphs(g, { size: k });
      const brute = bruteForceCounts(g, k);
      expect(census.total).toBe(brute.total);
      expect(census.counts).toEqual(brute.counts);
    }
  });

  it("gives the same counts on a graph too large for the dense pair matrix", () => {
    const small = randomDigraph(new Rng(5), 14, 0.25, 3);
    const edges: [number, number, number][] = [];
    for (let e = 0; e < small.edgeSrc.length; e++) {
      // Spread the nodes over the id range so lookups hit the sparse path.
      edges.push([small.edgeSrc[e] * 700, small.edgeTrg[e] * 700, small.edgeColour[e]]);
    }
    const big = makeDigraph(Math.max(DENSE_PAIR_LIMIT + 2000, 14 * 700), edges);
    for (const k of [3, 4, 5]) {
      expect(countSubgraphs(big, { size: k })).toEqual(countSubgraphs(small, { size: k }));
    }
  });

  it("gives the same counts when prefix blocks run out or a census is counted again without them", () => {
    // k = 4 with 3 colours uses PrefixBlocks, uncoloured the direct counts; 2 blocks leave most
    // prefixes to the hash table, and a count limit of 0 makes every census count itself again
    // without blocks or direct counts.
    const graphs = [1, 2, 3].map((s) => randomDigraph(new Rng(s), 11, 0.35, 3));
    const plain = graphs.map((g) => countSubgraphs(g, { size: 4 }));
    const saved = { ...censusTuning };
    try {
      for (const tuning of [{ blockSlots: 2 * 4096 }, { blockCountLimit: 0 }]) {
        Object.assign(censusTuning, saved, tuning);
        clearCensusCache();
        graphs.forEach((g, i) => {
          const census = countSubgraphs(g, { size: 4 });
          expect(census).toEqual(plain[i]);
          expect(census.counts).toEqual(bruteForceCounts(g, 4).counts);
          // Uncoloured: direct counts, counted again with the hash tables at limit 0.
          const plainUncoloured = countSubgraphs(g, { size: 4, colours: false });
          expect(plainUncoloured.counts).toEqual(bruteForceCounts(g, 4, false).counts);
        });
      }
    } finally {
      Object.assign(censusTuning, saved);
      clearCensusCache();
    }
  });

  it("gives the same counts and tallies when the class and prefix caches evict entries", () => {
    // Tiny bounds make every census evict (every table kind: direct counts for uncoloured k = 4,
    // prefix blocks for coloured k = 4, the compact table for k = 5, several limbs for k = 6 with
    // 7 colours, vertex colours); the classes kept are renumbered, so a stale id shows up as a
    // wrong class. The prefix cache forgets its raw prefixes after every census too.
    const rng = new Rng(404);
    const jobs = [
      { k: 4, colours: 3, options: { colours: false } },
      { k: 4, colours: 3, options: {} },
      { k: 5, colours: 2, options: {} },
      { k: 6, colours: 7, options: {} },
      {
        k: 4,
        colours: 2,
        options: { vertexColours: Int32Array.from({ length: 10 }, (_, i) => i % 3) },
      },
    ];
    const graphs = [0, 1, 2, 3, 4].map(() => randomDigraph(rng, 10, 0.35, 3));
    const expected = jobs.map(({ k, options }) =>
      graphs.map((g) => countSubgraphs(g, { size: k, ...options })),
    );
    const saved = { ...censusTuning };
    try {
      Object.assign(censusTuning, { maxCachedEntries: 40, keptClasses: 6, maxCachedPrefixes: 3 });
      clearCensusCache();
      jobs.forEach(({ k, options }, j) => {
        const keys = [...expected[j][0].counts.keys()];
        // Twice over the graphs: the second pass meets kept, renumbered and forgotten classes.
        for (const g of [...graphs, ...graphs]) {
          const i = graphs.indexOf(g);
          expect(countSubgraphs(g, { size: k, ...options })).toEqual(expected[j][i]);
          const tally = tallySubgraphClasses(g, { size: k, ...options }, keys);
          const want = expected[j][i].counts;
          expect(Array.from(tally.counts)).toEqual(keys.map((key) => want.get(key) ?? 0));
          expect(tally.otherClasses).toBe(
            [...want.keys()].filter((key) => !keys.includes(key)).length,
          );
        }
      });
    } finally {
      Object.assign(censusTuning, saved);
      clearCensusCache();
    }
  });

  it("tallies the same counts, other classes and other count when the class cache is full", () => {
    // maxCachedEntries 0: a tally caches no class and sends every subgraph to its overflow sink,
    // from every table kind: direct counts (uncoloured k = 4), prefix blocks (coloured k = 4),
    // the compact table (k = 5), the one-limb hash table (k = 4 with 7 edge and 3 vertex
    // colours: a last group too large for the compact keys) and vertex colours. Keys come from another graph, so some
    // listed classes are absent and some present ones are not listed. Exact and sampled.
    const rng = new Rng(77);
    const jobs = [
      { k: 4, colours: 1, options: { colours: false } },
      { k: 4, colours: 3, options: {} },
      { k: 5, colours: 2, options: {} },
      {
        k: 4,
        colours: 7,
        options: { vertexColours: Int32Array.from({ length: 11 }, (_, i) => i % 3) },
      },
      {
        k: 4,
        colours: 2,
        options: { vertexColours: Int32Array.from({ length: 11 }, (_, i) => i % 3) },
      },
    ];
    const saved = { ...censusTuning };
    try {
      for (const { k, colours, options } of jobs) {
        const graphs = [0, 1, 2].map(() => randomDigraph(rng, 11, 0.4, colours));
        clearCensusCache();
        const keys = [...countSubgraphs(graphs[0], { size: k, ...options }).counts.keys()];
        const sampled = { probabilities: Array.from({ length: k }, (_, d) => (d < 2 ? 1 : 0.7)) };
        const tallies = (): unknown[] =>
          graphs.flatMap((g, i) => [
            tallySubgraphClasses(g, { size: k, ...options }, keys),
            tallySubgraphClasses(g, { size: k, ...options, ...sampled, rng: new Rng(i) }, keys),
          ]);
        Object.assign(censusTuning, saved);
        clearCensusCache();
        const cached = tallies();
        Object.assign(censusTuning, { maxCachedEntries: 0 });
        clearCensusCache();
        const overflowed = tallies();
        expect(overflowed).toEqual(cached);
        graphs.forEach((g, i) => {
          const want = countSubgraphs(g, { size: k, ...options }).counts;
          const tally = overflowed[2 * i] as ReturnType<typeof tallySubgraphClasses>;
          const others = [...want].filter(([key]) => !keys.includes(key));
          expect(Array.from(tally.counts)).toEqual(keys.map((key) => want.get(key) ?? 0));
          expect(tally.otherClasses).toBe(others.length);
          expect(tally.otherCount).toBe(others.reduce((a, [, c]) => a + c, 0));
          if (i > 0) expect(others.length).toBeGreaterThan(0);
        });
      }
    } finally {
      Object.assign(censusTuning, saved);
      clearCensusCache();
    }
  });

  it("counts the same once the canonical prefix ids run out (prefixes past them by raw code)", () => {
    // k = 6, 3 colours, no mutual pairs: one-limb codes with the prefix cache. The cache is first
    // filled with COMPACT_PREFIXES + 500 random 5-vertex prefixes, so every prefix of the graph
    // that is new takes the shared id COMPACT_PREFIXES and is counted by its raw code.
    const rng = new Rng(606);
    const n = 13;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (rng.next() < 0.35)
          edges.push(rng.next() < 0.5 ? [i, j, 1 + rng.int(3)] : [j, i, 1 + rng.int(3)]);
    const g = makeDigraph(n, edges);
    clearCensusCache();
    const fresh = countSubgraphs(g, { size: 6 });
    const keys = [...fresh.counts.keys()].filter((_, i) => i % 2 === 0);
    clearCensusCache();
    const prefixes = prepareCensus(g, { size: 6 }, "test").cache.prefixes!;
    expect(prefixes).not.toBeNull();
    const layout = prefixes.layout;
    const space = layout.groupSize.slice(0, 5).reduce((a, b) => a * b, 1);
    while (prefixes.canonOfCid.length < COMPACT_PREFIXES) prefixes.indexOf(rng.int(space));
    const firstIds = prefixes.canonOfCid.slice();
    for (let extra = 0; extra < 500; extra++) {
      const entry = prefixes.indexOf(rng.int(space));
      const known = firstIds.indexOf(prefixes.canon[entry]);
      expect(prefixes.cid[entry]).toBe(known >= 0 ? known : COMPACT_PREFIXES);
    }
    expect(prefixes.canonOfCid).toEqual(firstIds);
    expect(countSubgraphs(g, { size: 6 })).toEqual(fresh);
    const tally = tallySubgraphClasses(g, { size: 6 }, keys);
    expect(Array.from(tally.counts)).toEqual(keys.map((key) => fresh.counts.get(key)));
    expect(tally.otherClasses).toBe(fresh.counts.size - keys.length);
    clearCensusCache();
  });

  it("reuses its raw-code cache correctly across graphs and after clearCensusCache()", () => {
    const rng = new Rng(31);
    const graphs = [0, 1, 2].map(() => randomDigraph(rng, 9, 0.3, 3));
    const first = graphs.map((g) => countSubgraphs(g, { size: 4 }));
    clearCensusCache();
    graphs.forEach((g, i) => {
      expect(countSubgraphs(g, { size: 4 })).toEqual(first[i]);
      expect(first[i].counts).toEqual(bruteForceCounts(g, 4).counts);
    });
  });

  it("gives the same counts, keys in the same order, whatever earlier censuses left in the cache", () => {
    // k = 4 and 5 with 3 colours: prefix blocks and the compact table, whose slots keep their
    // classes between censuses. Graph i is counted fresh, then after the others (twice).
    const rng = new Rng(58);
    const graphs = [0, 1, 2, 3].map(() => randomDigraph(rng, 10, 0.35, 3));
    for (const k of [4, 5]) {
      const fresh = graphs.map((g) => {
        clearCensusCache();
        return countSubgraphs(g, { size: k });
      });
      clearCensusCache();
      for (const round of [0, 1]) {
        graphs.forEach((g, i) => {
          const warm = countSubgraphs(g, { size: k });
          const keys = [...warm.counts.keys()];
          expect(keys).toEqual([...fresh[i].counts.keys()]);
          expect(warm).toEqual(fresh[i]);
          if (round === 0) expect(warm.counts).toEqual(bruteForceCounts(g, k).counts);
        });
      }
    }
    clearCensusCache();
  });

  it("counts the classes of small known graphs", () => {
    // A directed 3-cycle 0→1→2→0 plus a mutual pair 2⇄3 of two colours.
    const g = makeDigraph(4, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
      [2, 3, 2],
      [3, 2, 3],
    ]);
    const c3 = countSubgraphs(g, { size: 3 });
    expect(c3.total).toBe(3); // {0,1,2}, {0,2,3}, {1,2,3}
    expect(c3.counts.get(canonicalKey(["010", "001", "100"], 3))).toBe(1);
    expect(c3.counts.get(canonicalKey(["000", "102", "030"], 3))).toBe(1); // {0,2,3}
    expect(c3.counts.get(canonicalKey(["010", "002", "030"], 3))).toBe(1); // {1,2,3}
    const c4 = countSubgraphs(g, { size: 4 });
    expect(c4.total).toBe(1);
    expect([...c4.counts.values()]).toEqual([1]);
    // Self-loops are ignored; isolated nodes contribute nothing.
    const withLoop = makeDigraph(6, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
      [2, 3, 2],
      [3, 2, 3],
      [4, 4, 1],
    ]);
    expect(countSubgraphs(withLoop, { size: 3 })).toEqual(c3);
  });

  it("returns an empty census for graphs without k connected nodes", () => {
    for (const g of [
      makeDigraph(0, []),
      makeDigraph(6, []),
      makeDigraph(3, [
        [0, 1],
        [1, 2],
      ]),
    ]) {
      const c = countSubgraphs(g, { size: 4 });
      expect(c.total).toBe(0);
      expect(c.counts.size).toBe(0);
    }
  });

  it("rejects a bad size or vertex colours with an NnmotifsError", () => {
    const g = makeDigraph(3, [
      [0, 1],
      [1, 2],
    ]);
    expect(() => countSubgraphs(g, { size: 9 })).toThrow(NnmotifsError);
    expect(() => countSubgraphs(g, { size: 2.5 })).toThrow(/size/);
    expect(() => countSubgraphs(g, { size: 3, vertexColours: new Int32Array(2) })).toThrow(
      /vertex colours/,
    );
  });
});

describe("tallySubgraphClasses(g, options, keys)", () => {
  it("gives the counts of the listed classes and sums up the others", () => {
    const rng = new Rng(12);
    const original = randomDigraph(rng, 12, 0.25, 3);
    const keys = [...countSubgraphs(original, { size: 4 }).counts.keys()].slice(0, 15);
    keys.push("not-a-class");
    for (let r = 0; r < 4; r++) {
      const g = randomDigraph(rng, 12, 0.25, 3);
      const full = countSubgraphs(g, { size: 4 });
      const tally = tallySubgraphClasses(g, { size: 4 }, keys);
      expect(tally.total).toBe(full.total);
      expect(Array.from(tally.counts)).toEqual(keys.map((key) => full.counts.get(key) ?? 0));
      const listed = keys.filter((key) => full.counts.has(key));
      expect(tally.otherClasses).toBe(full.counts.size - listed.length);
      expect(tally.otherCount + tally.counts.reduce((a, b) => a + b, 0)).toBe(full.total);
      expect(tally.sampled).toBe(false);
    }
  });

  it("never lets a key no subgraph can have take the place of a class that is there", () => {
    // Each foreign key is a class of the graph with one thing changed (another size, an edge
    // colour the graph lacks, a loop, vertex colours in a census without them), listed first.
    const g = randomDigraph(new Rng(21), 12, 0.3, 3);
    const full = countSubgraphs(g, { size: 4 });
    for (const [key] of full.counts) {
      const foreign = [
        "010001100",
        key.replace(/[1-9]/, "7"),
        `1${key.slice(1)}`,
        `${key}/0,0,0,0`,
        "not-a-class",
      ];
      const keys = [...foreign, key];
      const tally = tallySubgraphClasses(g, { size: 4 }, keys);
      expect(Array.from(tally.counts)).toEqual([0, 0, 0, 0, 0, full.counts.get(key)]);
      expect(tally.otherClasses).toBe(full.counts.size - 1);
    }
  });

  it("samples like sampleSubgraphs when given probabilities and an rng", () => {
    const g = randomDigraph(new Rng(13), 14, 0.25, 2);
    const keys = [...countSubgraphs(g, { size: 4 }).counts.keys()];
    const tally = tallySubgraphClasses(
      g,
      { size: 4, probabilities: [1, 1, 0.5, 0.5], rng: new Rng(4) },
      keys,
    );
    expect(tally.sampled).toBe(true);
    expect(tally.otherClasses).toBe(0);
    expect(tally.total).toBeCloseTo(
      tally.counts.reduce((a, b) => a + b, 0),
      6,
    );
    expect(() =>
      tallySubgraphClasses(g, { size: 4, probabilities: [1, 1, 0.5, 0.5] }, keys),
    ).toThrow(NnmotifsError);
  });
});

describe("IntMap (the compact counting table)", () => {
  it("counts past 2^31 per key by spilling, and survives growth", () => {
    const m = new IntMap(4);
    for (let key = 0; key < 100; key++) m.add(key * 65537, key + 1);
    for (let r = 0; r < 5; r++) m.add(7, 0x3fffffff);
    const got = new Map<number, number>();
    for (let t = 0; t < m.size; t++) {
      const key = m.data[2 * m.used[t]];
      got.set(key, m.data[2 * m.used[t] + 1] + (m.spill.get(key) ?? 0));
    }
    expect(got.get(7)).toBe(5 * 0x3fffffff);
    for (let key = 1; key < 100; key++) expect(got.get(key * 65537)).toBe(key + 1);
    m.clear();
    expect(m.size).toBe(0);
    expect(m.spill.size).toBe(0);
  });
});
