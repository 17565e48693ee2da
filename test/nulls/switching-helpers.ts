/** Shared helpers for the switching tests: random graphs and the invariants every switch keeps. */
import fc from "fast-check";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";

/** A random simple digraph (no self-loops, no multi-edges; mutual pairs allowed) with colours. */
export function arbitraryDigraph(
  maxNodes = 14,
  colours = 3,
  withMutual = true,
): fc.Arbitrary<Digraph> {
  return fc.integer({ min: 4, max: maxNodes }).chain((n) =>
    fc
      .uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: colours })), {
        selector: ([s, t]) => `${s},${t}`,
        maxLength: n * 3,
      })
      .map((edges) => {
        const seen = new Set<string>();
        const kept = edges.filter(([s, t]) => {
          if (s === t) return false;
          if (!withMutual && seen.has(`${t},${s}`)) return false;
          seen.add(`${s},${t}`);
          return true;
        });
        return makeDigraph(n, kept);
      }),
  );
}

/** Per node and colour: out-degree and in-degree, and mutual out/in per colour pair. */
export function degreeSignature(g: Digraph): string {
  const n = g.nodeCount;
  const pairs = new Set<number>();
  for (let e = 0; e < g.edgeSrc.length; e++) pairs.add(g.edgeSrc[e] * n + g.edgeTrg[e]);
  const rows: string[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    const mutual = pairs.has(t * n + s) ? "m" : "s";
    rows[s].push(`o${mutual}${g.edgeColour[e]}`);
    rows[t].push(`i${mutual}${g.edgeColour[e]}`);
  }
  return rows.map((r) => r.sort().join(".")).join("|");
}

export function mutualPairCount(g: Digraph): number {
  const n = g.nodeCount;
  const pairs = new Set<number>();
  for (let e = 0; e < g.edgeSrc.length; e++) pairs.add(g.edgeSrc[e] * n + g.edgeTrg[e]);
  let count = 0;
  for (let e = 0; e < g.edgeSrc.length; e++)
    if (pairs.has(g.edgeTrg[e] * n + g.edgeSrc[e])) count++;
  return count / 2;
}

/** True when g has no self-loops and no repeated (src, trg). */
export function isSimple(g: Digraph): boolean {
  const seen = new Set<number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    if (g.edgeSrc[e] === g.edgeTrg[e]) return false;
    const key = g.edgeSrc[e] * g.nodeCount + g.edgeTrg[e];
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** Sorted edge list "s>t:c", for comparing networks. */
export function edgeSet(g: Digraph): string[] {
  const out: string[] = [];
  for (let e = 0; e < g.edgeSrc.length; e++)
    out.push(`${g.edgeSrc[e]}>${g.edgeTrg[e]}:${g.edgeColour[e]}`);
  return out.sort();
}
