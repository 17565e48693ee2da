/**
 * The shipped E. coli transcription network (@ecoli, scripts/networks/ecoli.py) — golden counts.
 *
 * Milo et al. (2002, Table 1) report for E. coli 424 nodes, 519 edges, 40 feed-forward loops and
 * 203 bi-fans, from ColiNet-1.0. The copy we found is ColiNet-1.1 (its README lists three
 * corrections to 1.0: a spelling, hycA united into the hycABCDE operon, and an ArcA interaction
 * added): 423 nodes, 519 arcs, 42 feed-forward loops and 209 bi-fans, as the committed Python
 * script's independent enumeration also counts. The test pins both the copy's numbers and their
 * difference from the paper's, so neither can drift unnoticed.
 */
import { describe, expect, it } from "vitest";
import { withoutColours } from "../../src/graph/digraph.js";
import { readGraph } from "../../src/graph/read-graph.js";
import { shippedNetworks } from "../../src/graph/networks.js";
import { canonicalKey } from "../../src/motifs/canonical-label.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";

function keyOf(k: number, edges: Array<[number, number]>): string {
  const m = new Uint8Array(k * k);
  for (const [a, b] of edges) m[a * k + b] = 1;
  return canonicalKey(m, k);
}

const FFL = keyOf(3, [
  [0, 1],
  [0, 2],
  [1, 2],
]);
const BI_FAN = keyOf(4, [
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
]);

/** Milo et al. 2002, Table 1 (ColiNet-1.0). */
const PUBLISHED = { nodes: 424, arcs: 519, ffl: 40, biFan: 203 };

describe("@ecoli (ColiNet-1.1, no auto-regulation) — golden", () => {
  const g = withoutColours(readGraph("@ecoli"));
  const k3 = countSubgraphs(g, { size: 3 });
  const k4 = countSubgraphs(g, { size: 4 });

  it("has 423 nodes and 519 arcs, no mutual pairs, every arc from a regulator", () => {
    expect([g.nodeCount, g.edgeSrc.length]).toEqual([423, 519]);
    const arcs = new Set<string>();
    for (let e = 0; e < g.edgeSrc.length; e++) arcs.add(`${g.edgeSrc[e]} ${g.edgeTrg[e]}`);
    for (let e = 0; e < g.edgeSrc.length; e++) {
      expect(arcs.has(`${g.edgeTrg[e]} ${g.edgeSrc[e]}`)).toBe(false);
    }
    // crp (ColiNet operon 66, node 65) is the largest hub: out-degree 72, in-degree 0.
    let out = 0;
    let inn = 0;
    for (let e = 0; e < g.edgeSrc.length; e++) {
      if (g.edgeSrc[e] === 65) out++;
      if (g.edgeTrg[e] === 65) inn++;
    }
    expect([out, inn]).toEqual([72, 0]);
  });

  it("has the 3- and 4-node totals and the FFL and bi-fan counts of the independent count", () => {
    const entry = shippedNetworks().find((n) => n.name === "ecoli");
    expect(entry?.subgraphs).toMatchObject({ k3: 5206, k4: 83893 });
    expect(k3.total).toBe(5206);
    expect(k4.total).toBe(83893);
    expect(k3.counts.get(FFL)).toBe(42);
    expect(k4.counts.get(BI_FAN)).toBe(209);
  });

  it("differs from Milo et al.'s ColiNet-1.0 by one node, 2 FFLs and 6 bi-fans, same arcs", () => {
    expect(g.nodeCount - PUBLISHED.nodes).toBe(-1);
    expect(g.edgeSrc.length - PUBLISHED.arcs).toBe(0);
    expect((k3.counts.get(FFL) ?? 0) - PUBLISHED.ffl).toBe(2);
    expect((k4.counts.get(BI_FAN) ?? 0) - PUBLISHED.biFan).toBe(6);
  });
});
