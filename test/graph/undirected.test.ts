import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { isSymmetric, symmetrise } from "../../src/graph/undirected.js";
import { parseVertexColours } from "../../src/graph/vertex-colours.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { switchGraph } from "../../src/nulls/switch.js";

/** A random simple undirected graph, each edge given in one (random) direction. */
function randomUndirected(n: number, m: number, seed: number): Digraph {
  const rng = new Rng(seed);
  const seen = new Set<number>();
  const edges: [number, number][] = [];
  while (edges.length < m) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    edges.push(rng.int(2) === 0 ? [a, b] : [b, a]);
  }
  return makeDigraph(n, edges);
}

/** Undirected canonical form by brute force: the smallest adjacency bit string over all orders. */
function undirectedClass(nodes: number[], adjacent: (a: number, b: number) => boolean): string {
  const k = nodes.length;
  let best: string | null = null;
  const perm = nodes.map((_, i) => i);
  const visit = (i: number): void => {
    if (i === k) {
      let bits = "";
      for (let a = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++)
          bits += adjacent(nodes[perm[a]], nodes[perm[b]]) ? "1" : "0";
      }
      if (best === null || bits < best) best = bits;
      return;
    }
    for (let j = i; j < k; j++) {
      [perm[i], perm[j]] = [perm[j], perm[i]];
      visit(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
  };
  visit(0);
  return best!;
}

/** Every connected k-node set of an undirected graph, by class (brute force over all k-subsets). */
function bruteForceUndirectedCensus(g: Digraph, k: number): Map<string, number> {
  const n = g.nodeCount;
  const adj = new Set<number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    adj.add(g.edgeSrc[e] * n + g.edgeTrg[e]);
    adj.add(g.edgeTrg[e] * n + g.edgeSrc[e]);
  }
  const adjacent = (a: number, b: number): boolean => adj.has(a * n + b);
  const counts = new Map<string, number>();
  const chosen: number[] = [];
  const connected = (): boolean => {
    const seen = new Set([chosen[0]]);
    const stack = [chosen[0]];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const u of chosen) {
        if (!seen.has(u) && adjacent(v, u)) {
          seen.add(u);
          stack.push(u);
        }
      }
    }
    return seen.size === k;
  };
  const pick = (from: number): void => {
    if (chosen.length === k) {
      if (connected()) {
        const c = undirectedClass([...chosen], adjacent);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      return;
    }
    for (let v = from; v < n; v++) {
      chosen.push(v);
      pick(v + 1);
      chosen.pop();
    }
  };
  pick(0);
  return counts;
}

/** The undirected class of a directed class key whose matrix is symmetric. */
function undirectedOfKey(key: string, k: number): string {
  const digits = key.replace(/[^0-7]/g, "").slice(0, k * k);
  const adjacent = (a: number, b: number): boolean => digits[a * k + b] !== "0";
  return undirectedClass(
    Array.from({ length: k }, (_, i) => i),
    adjacent,
  );
}

describe("symmetrise(g): the undirected census", () => {
  it("equals a brute-force undirected census, class by class (k = 3, 4)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(3, 4), (seed, k) => {
        const g = randomUndirected(9, 14, seed);
        const directed = countSubgraphs(symmetrise(g), { size: k });
        const mapped = new Map<string, number>();
        for (const [key, count] of directed.counts) {
          const u = undirectedOfKey(key, k);
          mapped.set(u, (mapped.get(u) ?? 0) + count);
        }
        // Distinct directed keys must stay distinct undirected classes (symmetric matrices only).
        expect(mapped.size).toBe(directed.counts.size);
        expect(Object.fromEntries([...mapped].sort())).toEqual(
          Object.fromEntries([...bruteForceUndirectedCensus(g, k)].sort()),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("adds each reverse arc once, keeps colours, and refuses a pair with two colours", () => {
    const g = symmetrise(
      makeDigraph(3, [
        [0, 1, 2],
        [1, 0, 2],
        [1, 2, 1],
      ]),
    );
    expect(g.edgeSrc.length).toBe(4);
    expect(isSymmetric(g)).toBe(true);
    expect(g.meta?.undirected).toBe(true);
    expect(() =>
      symmetrise(
        makeDigraph(2, [
          [0, 1, 1],
          [1, 0, 2],
        ]),
        "g.txt",
      ),
    ).toThrow(NnmotifsError);
  });

  it("stays undirected under switching: random networks are symmetric with the same degrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const g = symmetrise(randomUndirected(30, 60, seed));
        const random = switchGraph(g, new Rng(seed)).graph;
        expect(isSymmetric(random)).toBe(true);
        const degree = (h: Digraph): number[] => {
          const d = new Array<number>(h.nodeCount).fill(0);
          for (const s of h.edgeSrc) d[s]++;
          return d;
        };
        expect(degree(random)).toEqual(degree(g));
      }),
      { numRuns: 20 },
    );
  });
});

describe("parseVertexColours(text, nodeCount, file)", () => {
  it("reads node colour lines", () => {
    expect(Array.from(parseVertexColours("0 1\n2 0 # c\n1 7\n", 3))).toEqual([1, 7, 0]);
  });

  it("names the file and line of a bad or missing colour", () => {
    expect(() => parseVertexColours("0 1\n5 1\n", 3, "c.txt")).toThrow(/node 0\.\.2/);
    expect(() => parseVertexColours("0 1\n", 3, "c.txt")).toThrow(
      /no colour for node 1 \(and 1 more\)/,
    );
  });
});
