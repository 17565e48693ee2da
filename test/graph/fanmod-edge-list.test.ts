import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { formatFanmodEdgeList, parseFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";

function errorOf(text: string): NnmotifsError {
  try {
    parseFanmodEdgeList(text, "g.txt");
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

describe("parseFanmodEdgeList(text, file)", () => {
  it("reads three-column lines, nodeCount = max id + 1", () => {
    const g = parseFanmodEdgeList("0 3 2\n1\t2 1\n  4 0 3  \n");
    expect(g.nodeCount).toBe(5);
    expect(Array.from(g.edgeSrc)).toEqual([0, 1, 4]);
    expect(Array.from(g.edgeTrg)).toEqual([3, 2, 0]);
    expect(Array.from(g.edgeColour)).toEqual([2, 1, 3]);
  });

  it("gives two-column files colour 1 and skips blank lines and # comments", () => {
    const g = parseFanmodEdgeList("# a comment\n\n0 1\n1 2 # trailing\r\n\n");
    expect(g.nodeCount).toBe(3);
    expect(Array.from(g.edgeColour)).toEqual([1, 1]);
  });

  it("reads an empty file as the empty graph", () => {
    expect(parseFanmodEdgeList("").nodeCount).toBe(0);
  });

  it("maps string node names to ids in order of first appearance, kept in meta.nodeNames", () => {
    const g = parseFanmodEdgeList("# people\nbob alice\nalice carol\ncarol bob\n");
    expect(g.nodeCount).toBe(3);
    expect(g.meta?.nodeNames).toEqual(["bob", "alice", "carol"]);
    expect(Array.from(g.edgeSrc)).toEqual([0, 1, 2]);
    expect(Array.from(g.edgeTrg)).toEqual([1, 2, 0]);
    expect(g.nodeIds).toBeUndefined();
  });

  it("reads a third column of names as colours", () => {
    const g = parseFanmodEdgeList("geneA geneB 2\ngeneB geneC 3\n");
    expect(g.meta?.nodeNames).toEqual(["geneA", "geneB", "geneC"]);
    expect(Array.from(g.edgeColour)).toEqual([2, 3]);
  });

  it.each([
    ["0 1\n-1 2\n", ["0", "1", "-1", "2"]],
    ["0 1\n1 2.5\n", ["0", "1", "2.5"]],
    ["7 1\na 7\n", ["7", "1", "a"]],
    ["10 9\n9 x\n", ["10", "9", "x"]],
  ])("treats every id of a mixed file %j as a name", (text, names) => {
    const g = parseFanmodEdgeList(text);
    expect(g.meta?.nodeNames).toEqual(names);
    expect(g.nodeCount).toBe(names.length);
  });

  it("gives a named file the graph of its first-appearance relabelling (property)", () => {
    const arb = fc.uniqueArray(fc.tuple(fc.nat(12), fc.nat(12)), {
      selector: ([s, t]) => `${s} ${t}`,
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(arb, (raw) => {
        const pairs = [...raw.filter(([s, t]) => s !== t), [13, 14] as [number, number]];
        const named = parseFanmodEdgeList(pairs.map(([s, t]) => `n${s} n${t}\n`).join(""));
        const order = new Map<number, number>();
        for (const [s, t] of pairs)
          for (const v of [s, t]) if (!order.has(v)) order.set(v, order.size);
        const plain = parseFanmodEdgeList(
          pairs.map(([s, t]) => `${order.get(s)} ${order.get(t)}\n`).join(""),
        );
        expect(named.nodeCount).toBe(plain.nodeCount);
        expect(Array.from(named.edgeSrc)).toEqual(Array.from(plain.edgeSrc));
        expect(Array.from(named.edgeTrg)).toEqual(Array.from(plain.edgeTrg));
        expect(named.meta?.nodeNames).toEqual([...order.keys()].map((v) => `n${v}`));
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it("keeps both directions of a bidirectional pair", () => {
    const g = parseFanmodEdgeList("0 1 1\n1 0 2\n");
    expect(g.edgeSrc.length).toBe(2);
  });

  it.each([
    ["0 1 1\n0 1 2 3\n", 2, /4 fields/],
    ["0 1 1\n7\n", 2, /1 fields/],
    ["0 1 1\n\n1 2\n", 3, /2 columns but line 1 has 3/],
    ["0 1\n1 99999999999\n", 2, /invalid target node id/],
    ["0 1\n2 2\n", 2, /self-loop 2 → 2/],
    ["a b\nc c\n", 2, /self-loop c → c/],
    ["a b 1\nb c 1\na b 2\n", 3, /duplicate edge a → b \(first on line 1\)/],
    ["geneA geneB 2\ngeneB geneC 9\n", 2, /invalid colour "9"/],
    ["alice bob\nbob carol eve dave\n", 2, /4 fields/],
    ["0 1 1\n1 2 1\n0 1 2\n", 3, /duplicate edge 0 → 1 \(first on line 1\)/],
    ["0 1 0\n", 1, /invalid colour "0". Should be an integer 1..7/],
    ["0 1 8\n", 1, /invalid colour "8"/],
    ["0 1 x\n", 1, /invalid colour "x"/],
    ["# c\n0 1 1.5\n", 2, /invalid colour "1.5"/],
  ])("rejects %j at line %i", (text, line, message) => {
    const error = errorOf(text);
    expect(error.file).toBe("g.txt");
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.format()).toMatch(new RegExp(`^g\\.txt:${line}: `));
  });
});

describe("formatFanmodEdgeList(g)", () => {
  it("round-trips random coloured graphs, edge order kept", () => {
    const arb = fc
      .uniqueArray(fc.tuple(fc.nat(30), fc.nat(30)), {
        selector: ([s, t]) => `${s} ${t}`,
        maxLength: 60,
      })
      .map((pairs) => pairs.filter(([s, t]) => s !== t))
      .chain((pairs) =>
        fc.tuple(
          fc.constant(pairs),
          fc.array(fc.integer({ min: 1, max: 7 }), {
            minLength: pairs.length,
            maxLength: pairs.length,
          }),
        ),
      );
    fc.assert(
      fc.property(arb, ([pairs, colours]) => {
        const text = pairs.map(([s, t], e) => `${s} ${t} ${colours[e]}\n`).join("");
        const g = parseFanmodEdgeList(text);
        expect(formatFanmodEdgeList(g)).toBe(text);
      }),
      { seed: 20200501, numRuns: 200 },
    );
  });

  it.runIf(HAVE_ANCHOR)("reproduces the anchor tree_w_Graph.txt (95 nodes, 550 edges)", () => {
    const text = readFileSync(anchorFile("tree_w_Graph.txt"), "utf8");
    const g = parseFanmodEdgeList(text, "tree_w_Graph.txt");
    expect(g.nodeCount).toBe(95);
    expect(g.edgeSrc.length).toBe(550);
    expect(formatFanmodEdgeList(g).trim().split("\n")).toEqual(text.trim().split(/\r?\n/));
  });
});
