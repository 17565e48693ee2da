/**
 * Undirected graphs for the census (FANMOD's and gtrieScanner's undirected mode): an undirected
 * edge {a, b} is the mutual pair a→b, b→a. The census of the symmetrised graph then counts exactly
 * the undirected classes (their matrices are the symmetric ones), and both null models switch
 * mutual pairs as units (SPEC 6.1: a↔b, c↔d → a↔d, c↔b), which keeps every node's undirected
 * degree per colour — the undirected switching null.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";

/**
 * `g` with every arc's reverse added (its colour, and weight when the graph has weights). A pair
 * given in both directions with different colours has no undirected colour: refused.
 */
export function symmetrise(g: Digraph, file?: string): Digraph {
  const n = g.nodeCount;
  const colourOf = new Map<number, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) colourOf.set(g.edgeSrc[e] * n + g.edgeTrg[e], e);
  const src: number[] = [];
  const trg: number[] = [];
  const colour: number[] = [];
  const weight: number[] = [];
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    const back = colourOf.get(t * n + s);
    if (back !== undefined) {
      if (g.edgeColour[back] !== g.edgeColour[e]) {
        throw new NnmotifsError(
          `an undirected census needs one colour per pair: ${s} → ${t} has colour ${g.edgeColour[e]}, ` +
            `${t} → ${s} colour ${g.edgeColour[back]}.`,
          { file },
        );
      }
      if (s > t) continue; // the pair is added once, from its smaller end
    }
    src.push(s, t);
    trg.push(t, s);
    colour.push(g.edgeColour[e], g.edgeColour[e]);
    if (g.edgeWeight) weight.push(g.edgeWeight[e], g.edgeWeight[e]);
  }
  return {
    ...g,
    edgeSrc: Int32Array.from(src),
    edgeTrg: Int32Array.from(trg),
    edgeColour: Uint8Array.from(colour),
    ...(g.edgeWeight ? { edgeWeight: Float64Array.from(weight) } : {}),
    meta: { ...g.meta, undirected: true },
  };
}

/** True when every arc's reverse is in `g` with the same colour. */
export function isSymmetric(g: Digraph): boolean {
  const n = g.nodeCount;
  const colourOf = new Map<number, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    colourOf.set(g.edgeSrc[e] * n + g.edgeTrg[e], g.edgeColour[e]);
  }
  for (let e = 0; e < g.edgeSrc.length; e++) {
    if (colourOf.get(g.edgeTrg[e] * n + g.edgeSrc[e]) !== g.edgeColour[e]) return false;
  }
  return true;
}
