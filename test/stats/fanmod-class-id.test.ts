import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFanmodResults } from "../../src/motifs/fanmod-results.js";
import { uncolouredClassId } from "../../src/stats/census.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";

/** FANMOD's class ID read back as the k×k 0/1 matrix it encodes (row-major, first bit highest). */
function idMatrix(id: number, k: number): string[] {
  const bits = id.toString(2).padStart(k * k, "0");
  return Array.from({ length: k }, (_, i) => bits.slice(i * k, (i + 1) * k));
}

const FILES = ["tree", "clus", "init"].flatMap((net) =>
  [4, 5].map((k) => `${net}_w_s${k}_out.csv`),
);

// FANMOD's ID is nauty's canonical form of the uncoloured class (getGraphID in graph64.cpp of
// the FANMOD sources: nauty with the `adjacencies` invariant, canonical graph read as k·k bits).
// Reproducing nauty's exact choice among the relabellings is out of scope, so uncolouredClassId
// picks its own canonical relabelling: the numbers may differ, the grouping must not.
describe.skipIf(!HAVE_ANCHOR)("uncolouredClassId(adjacency) on the six anchor files", () => {
  it.each(FILES)("%s: FANMOD's ID encodes the class's topology, one ID per topology", (file) => {
    const { classes, size } = parseFanmodResults(readFileSync(anchorFile(file), "utf8"));
    expect(classes.length).toBeGreaterThan(100);
    const oursOf = new Map<number, number>();
    const theirsOf = new Map<number, number>();
    for (const c of classes) {
      const ours = uncolouredClassId(c.adjacency);
      // The ID's matrix is a relabelling of the class's matrix without colours.
      expect(uncolouredClassId(idMatrix(c.id, size))).toBe(ours);
      // One-to-one: grouping classes by either ID gives the same groups.
      expect(oursOf.get(c.id) ?? ours).toBe(ours);
      expect(theirsOf.get(ours) ?? c.id).toBe(c.id);
      oursOf.set(c.id, ours);
      theirsOf.set(ours, c.id);
    }
  });
});
