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

  it("keeps both directions of a bidirectional pair", () => {
    const g = parseFanmodEdgeList("0 1 1\n1 0 2\n");
    expect(g.edgeSrc.length).toBe(2);
  });

  it.each([
    ["0 1 1\n0 1 2 3\n", 2, /4 fields/],
    ["0 1 1\n7\n", 2, /1 fields/],
    ["0 1 1\n\n1 2\n", 3, /2 columns but line 1 has 3/],
    ["0 1\n-1 2\n", 2, /invalid source node id "-1"/],
    ["0 1\n1 2.5\n", 2, /invalid target node id "2.5"/],
    ["0 1\na 2\n", 2, /invalid source node id "a"/],
    ["0 1\n1 99999999999\n", 2, /invalid target node id/],
    ["0 1\n2 2\n", 2, /self-loop 2 → 2/],
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
