import type { Digraph } from "./digraph.js";

/**
 * Colour of every edge of the full network graph `full` (SPEC §4.1 order) given the binned graph
 * `kept` (a subsequence of it): its colour where kept, 0 where the binning removed it.
 */
export function coloursOfEdges(full: Digraph, kept: Digraph): Uint8Array {
  const colours = new Uint8Array(full.edgeSrc.length);
  let r = 0;
  for (let e = 0; e < colours.length && r < kept.edgeSrc.length; e++) {
    if (full.edgeSrc[e] === kept.edgeSrc[r] && full.edgeTrg[e] === kept.edgeTrg[r]) {
      colours[e] = kept.edgeColour[r++];
    }
  }
  return colours;
}
