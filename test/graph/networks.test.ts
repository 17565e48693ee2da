import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { withoutColours } from "../../src/graph/digraph.js";
import { NETWORKS_DIR, resolveGraphPath, shippedNetworks } from "../../src/graph/networks.js";
import { readGraph } from "../../src/graph/read-graph.js";
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
const BI_PARALLEL = keyOf(4, [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
]);

/** Every shipped network's 4-node total is checked (the largest, @pgp's 2.5e9, takes ~15 s). */
const TEST_K4_LIMIT = 3e9;

describe("shipped networks (networks/networks.json)", () => {
  const networks = shippedNetworks();

  it("lists the C. elegans network and networks from 161 to ~40 000 nodes", () => {
    const names = networks.map((n) => n.name);
    expect(names).toContain("celegans");
    const sizes = networks.map((n) => n.nodes);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(161);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(39_000);
  });

  for (const network of networks) {
    describe(`@${network.name}`, () => {
      it("has the sha256, node and arc counts its provenance note records", () => {
        const bytes = readFileSync(join(NETWORKS_DIR, network.file));
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(network.sha256);
        const g = readGraph(`@${network.name}`);
        expect(g.nodeCount).toBe(network.nodes);
        expect(g.edgeSrc.length).toBe(network.arcs);
        for (const field of ["licence", "citation", "derivation"] as const) {
          expect(network[field].length).toBeGreaterThan(10);
        }
        expect(network.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      });

      it("has the 3- and 4-node subgraph totals that igraph counted", () => {
        const g = withoutColours(readGraph(`@${network.name}`));
        expect(countSubgraphs(g, { size: 3 }).total).toBe(network.subgraphs.k3);
        if (network.subgraphs.k4 <= TEST_K4_LIMIT) {
          expect(countSubgraphs(g, { size: 4 }).total).toBe(network.subgraphs.k4);
        }
      }, 240_000);
    });
  }
});

describe("C. elegans, synapses of weight ≥ 5 (Milo et al. 2002, Table 1) — golden", () => {
  it("has 252 nodes, 509 arcs and 125 feed-forward loops", () => {
    const g = readGraph("@celegans");
    expect([g.nodeCount, g.edgeSrc.length]).toEqual([252, 509]);
    expect(countSubgraphs(g, { size: 3 }).counts.get(FFL)).toBe(125);
  });

  it("has 127 bi-fans and 227 bi-parallels", () => {
    const counts = countSubgraphs(readGraph("@celegans"), { size: 4 }).counts;
    expect(counts.get(BI_FAN)).toBe(127);
    expect(counts.get(BI_PARALLEL)).toBe(227);
  });

  it("is what the GML source gives with --min-weight 5 (the derivation, redone by nnmotifs)", () => {
    const source = join(NETWORKS_DIR, "sources", "celegansneural.gml.gz");
    const fromGml = readGraph(source, { minWeight: 5 });
    const shipped = readGraph("@celegans");
    // The shipped file drops nodes without kept arcs and renumbers the rest in source-id order.
    const used = [...new Set([...fromGml.edgeSrc, ...fromGml.edgeTrg])].sort((a, b) => a - b);
    const renumber = new Map(used.map((v, i) => [v, i]));
    const arcs = (src: Int32Array, trg: Int32Array, map?: Map<number, number>): string[] =>
      Array.from(src, (s, e) => `${map?.get(s) ?? s} ${map?.get(trg[e]) ?? trg[e]}`).sort();
    expect(arcs(fromGml.edgeSrc, fromGml.edgeTrg, renumber)).toEqual(
      arcs(shipped.edgeSrc, shipped.edgeTrg),
    );
  });
});

describe("resolveGraphPath(arg)", () => {
  it("leaves paths alone and resolves @names into networks/", () => {
    expect(resolveGraphPath("g.txt")).toBe("g.txt");
    expect(resolveGraphPath("@celegans")).toBe(join(NETWORKS_DIR, "celegans.txt"));
  });

  it("names the shipped networks when @name is unknown", () => {
    expect(() => resolveGraphPath("@nope")).toThrow(NnmotifsError);
    expect(() => resolveGraphPath("@nope")).toThrow(/Shipped: .*@celegans/);
  });
});
