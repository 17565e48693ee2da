/**
 * Test helper: read a FANMOD edge list ("src trg colour" per line) into a Digraph, without the
 * graph I/O module (written in parallel), for the golden tests.
 */
import { readFileSync } from "node:fs";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";

export function readEdges(file: string): Digraph {
  const edges: [number, number, number][] = [];
  let n = 0;
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const t = line.trim();
    if (t === "") continue;
    const [s, d, c] = t.split(/\s+/).map(Number);
    edges.push([s, d, c ?? 1]);
    n = Math.max(n, s + 1, d + 1);
  }
  return makeDigraph(n, edges);
}
