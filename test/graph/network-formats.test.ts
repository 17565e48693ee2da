import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { parseGml } from "../../src/graph/gml.js";
import { parseGraphml } from "../../src/graph/graphml.js";
import { parsePajek } from "../../src/graph/pajek.js";
import { parseGraph } from "../../src/graph/read-graph.js";
import type { Digraph } from "../../src/graph/digraph.js";

function arcs(g: Digraph): string[] {
  return Array.from(g.edgeSrc, (s, e) => `${s}>${g.edgeTrg[e]}:${g.edgeColour[e]}`);
}

function errorOf(f: () => unknown): NnmotifsError {
  try {
    f();
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

const GML = `Creator "test"
graph
[
  directed 1
  node [ id 10 label "a" ]
  node [ id 20 label "b" ]
  node [ id 30 ]
  edge [ source 10 target 20 value 7 ]
  edge [ source 20 target 30 value 2 colour 3 ]
  edge [ source 30 target 30 ]
  edge [ source 10 target 20 value 1 ]
]
`;

describe("parseGml(text, file, {minWeight})", () => {
  it("renumbers nodes in file order, keeps labels, weights and colours, drops loops, merges parallels", () => {
    const g = parseGml(GML, "g.gml");
    expect(g.nodeCount).toBe(3);
    expect(arcs(g)).toEqual(["0>1:1", "1>2:3"]);
    expect(Array.from(g.edgeWeight!)).toEqual([7, 2]);
    expect(g.meta?.nodeNames).toEqual(["a", "b", "30"]);
  });

  it("keeps only edges of weight ≥ minWeight", () => {
    expect(arcs(parseGml(GML, "g.gml", { minWeight: 5 }))).toEqual(["0>1:1"]);
  });

  it("reads an undirected graph as mutual pairs", () => {
    const g = parseGml(
      "graph [ directed 0 node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 ] ]",
    );
    expect(arcs(g)).toEqual(["0>1:1", "1>0:1"]);
  });

  it("names the file and line of what is wrong", () => {
    const e = errorOf(() =>
      parseGml("graph [\n node [ id 0 ]\n edge [ source 0 target 9 ]\n]", "x.gml"),
    );
    expect(e.format()).toBe("x.gml:3: GML edge 0 → 9 names a node that is not declared.");
    expect(errorOf(() => parseGml("graph [ node [ id 0 ]", "y.gml")).message).toMatch(
      /never closed/,
    );
    expect(errorOf(() => parseGml("graph [\n node [ id @ ] ]", "z.gml")).format()).toMatch(
      /^z\.gml:2: not valid GML/,
    );
  });
});

describe("parsePajek(text, file)", () => {
  it("reads *Vertices, labels, *Arcs with weights and *Edges as mutual pairs (1-based ids)", () => {
    const g = parsePajek('*Vertices 3\n1 "x"\n2 "y"\n*Arcs\n1 2 0.5\n*Edges\n2 3\n', "g.net");
    expect(arcs(g)).toEqual(["0>1:1", "1>2:1", "2>1:1"]);
    expect(g.meta?.nodeNames).toEqual(["x", "y", "3"]);
  });

  it("reads *Arcslist lines", () => {
    expect(arcs(parsePajek("*Vertices 3\n*Arcslist\n1 2 3\n"))).toEqual(["0>1:1", "0>2:1"]);
  });

  it("refuses an id outside 1..n, naming file and line", () => {
    const e = errorOf(() => parsePajek("*Vertices 2\n*Arcs\n1 3\n", "g.net"));
    expect(e.format()).toBe('g.net:3: vertex "3": should be 1..2.');
  });
});

const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d1">in</data></node>
    <node id="n1"/>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="d0">1.5</data></edge>
    <edge source="n1" target="n2" directed="false"/>
  </graph>
</graphml>`;

describe("parseGraphml(text, file)", () => {
  it("reads nodes, labels, weights and per-edge direction", () => {
    const g = parseGraphml(GRAPHML, "g.graphml");
    expect(arcs(g)).toEqual(["0>1:1", "1>2:1", "2>1:1"]);
    expect(Array.from(g.edgeWeight!)).toEqual([1.5, 1, 1]);
    expect(g.meta?.nodeNames).toEqual(["in", "n1", "n2"]);
  });

  it("refuses XML that is not well formed, naming the line", () => {
    const e = errorOf(() => parseGraphml("<graphml>\n<graph>\n</graphml>", "bad.graphml"));
    expect(e.format()).toMatch(/^bad\.graphml:\d+: not valid XML/);
  });
});

describe("parseGraph(text) detects network formats by content", () => {
  it("GML, GraphML, Pajek and FANMOD edge lists", () => {
    expect(parseGraph(GML).meta?.format).toBe("gml");
    expect(parseGraph(GRAPHML).meta?.format).toBe("graphml");
    expect(parseGraph("% comment\n*Vertices 2\n*Arcs\n1 2\n").meta?.format).toBe("pajek");
    expect(parseGraph("0 1\n").meta).toBeUndefined();
  });
});
