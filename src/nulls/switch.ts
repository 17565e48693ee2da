/**
 * Edge switching null models (SPEC §6.1), FANMOD-compatible, built once per original graph and
 * then run many times with different seeds.
 *
 * Units. Edges are switched as *units*: a single edge a→b, or a mutual (bidirectional) pair a↔b
 * switched as one unit, so every node keeps its number of bidirectional edges ("locally constant
 * number of bidirectional edges", FANMOD) and no new bidirectional edge can appear.
 *
 * Groups. A unit may only be exchanged with a unit of the same group. The group is a number
 * computed by a `GroupKey` function of the unit's oriented endpoints and colours; the variants differ
 * only in that function (`switch`: colour and kind; `layered`, in layered.ts: also the pair of
 * layers). A mutual unit is stored in the orientation whose key is smaller; when both
 * orientations give the same key the unit is "symmetric" and, as in FANMOD, both units of a try
 * are read from their smaller node to their larger one.
 *
 * The try loop follows FANMOD 1.1's "locally constant" switching: `randomize_graph`, case
 * LOCAL_CONST, in maingraph.cpp of the FANMOD sources (bags of edges in EdgeContainer.hpp;
 * re-implemented here, not copied). One round visits the groups one after another and, within a
 * group, every position in order; a position gets up to T tries and stops at its first success.
 * A try picks a partner position uniformly among the *other* positions of the group (a group of
 * one unit counts T failed tries); it fails unless the four endpoints are distinct and neither
 * new pair {a,d}, {c,b} is already linked in either direction; on success (a→b, c→d) becomes
 * (a→d, c→b) — for mutual units a↔b, c↔d becomes a↔d, c↔b. Like FANMOD, each position keeps
 * the smaller-numbered node of its unit (FANMOD stores an edge as the node pair (min, max)): if
 * a < b the positions swap targets, else they swap sources. The resulting graph is the same
 * either way, but which new unit lands on a position still to be tried this round changes the
 * tries and successes; with this rule our counts match the figures in FANMOD's output headers.
 * E rounds make one random network. Every try and every success is counted, as FANMOD reports
 * them ("N tries were made, M were successful"). FANMOD chains its networks (each one switches
 * the previous one, and it switches once more after the last); here every network starts from
 * the original: the totals scale by 100/101 and, on the anchor graphs, the ratio moves by at
 * most 0.003 (the original is slightly easier to switch than its random versions).
 *
 * Linked pairs live in an open-addressing hash set of unordered pairs (linear probing, backward-shift
 * deletion): O(1) checks, no allocation inside the loop.
 */
import type { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import type { NullModel } from "./null-model.js";

/**
 * The group of a unit oriented src→trg with colour `colour` (and `backColour` for the trg→src edge
 * of a mutual unit, 0 for a single edge). Must be invariant under the switch itself: two units of
 * one group exchanging targets must stay in that group (true for colour, kind and layer pair).
 */
export type GroupKey = (src: number, trg: number, colour: number, backColour: number) => number;

export interface SwitchOptions {
  /** Rounds over all units (FANMOD's "exchanges per edge"), default 3. */
  readonly exchanges?: number;
  /** Tries per unit and round (FANMOD's "tries per edge"), default 3. */
  readonly tries?: number;
}

export const SWITCH_DEFAULTS: Required<SwitchOptions> = { exchanges: 3, tries: 3 };

export interface SwitchResult {
  /** The random network: same nodes, same edge order and colours, rewired endpoints. */
  readonly graph: Digraph;
  readonly tries: number;
  readonly successes: number;
}

/** A switching null model prepared for one original graph. */
export interface Switching {
  /** Number of units (single edges plus mutual pairs). */
  readonly units: number;
  /** Number of mutual (bidirectional) pairs among the units. */
  readonly mutualUnits: number;
  /** Number of distinct groups. */
  readonly groups: number;
  /** One random network, switched from the original with `rng`. */
  randomise(rng: Rng, options?: SwitchOptions): SwitchResult;
}

/** The `switch` key: colour, and for mutual units the colour of the way back (kind ≠ 0). */
export const colourKindKey: GroupKey = (_src, _trg, colour, backColour) => colour * 8 + backColour;

/** The abstract builder of both switching variants. */
export function prepareSwitching(g: Digraph, groupKey: GroupKey): Switching {
  const n = g.nodeCount;
  const m = g.edgeSrc.length;
  const { edgeSrc, edgeTrg, edgeColour } = g;

  // Find mutual pairs: edge e = a→b whose reverse b→a exists.
  const edgeIndex = new Map<number, number>();
  for (let e = 0; e < m; e++) edgeIndex.set(edgeSrc[e] * n + edgeTrg[e], e);
  const edgeUnit = new Int32Array(m).fill(-1);
  const edgeReversed = new Uint8Array(m);
  const unitSrc: number[] = [];
  const unitTrg: number[] = [];
  const unitKey: number[] = [];
  const unitSymmetric: number[] = [];
  let mutualUnits = 0;
  for (let e = 0; e < m; e++) {
    if (edgeUnit[e] >= 0) continue;
    const a = edgeSrc[e];
    const b = edgeTrg[e];
    const back = edgeIndex.get(b * n + a);
    const u = unitSrc.length;
    if (back === undefined || back === e) {
      unitSrc.push(a);
      unitTrg.push(b);
      unitKey.push(groupKey(a, b, edgeColour[e], 0));
      unitSymmetric.push(0);
      edgeUnit[e] = u;
      continue;
    }
    mutualUnits++;
    const forward = groupKey(a, b, edgeColour[e], edgeColour[back]);
    const reverse = groupKey(b, a, edgeColour[back], edgeColour[e]);
    const flip = reverse < forward;
    unitSrc.push(flip ? b : a);
    unitTrg.push(flip ? a : b);
    unitKey.push(flip ? reverse : forward);
    unitSymmetric.push(forward === reverse ? 1 : 0);
    edgeUnit[e] = u;
    edgeUnit[back] = u;
    edgeReversed[flip ? e : back] = 1;
  }
  const units = unitSrc.length;

  // Group the units: members of group k are groupMembers[groupStart[k] .. groupStart[k+1]).
  const groupOf = new Map<number, number>();
  const unitGroup = new Int32Array(units);
  for (let u = 0; u < units; u++) {
    let k = groupOf.get(unitKey[u]);
    if (k === undefined) {
      k = groupOf.size;
      groupOf.set(unitKey[u], k);
    }
    unitGroup[u] = k;
  }
  const groups = groupOf.size;
  const groupStart = new Int32Array(groups + 1);
  for (let u = 0; u < units; u++) groupStart[unitGroup[u] + 1]++;
  for (let k = 0; k < groups; k++) groupStart[k + 1] += groupStart[k];
  const fill = groupStart.slice(0, groups);
  const groupMembers = new Int32Array(units);
  for (let u = 0; u < units; u++) groupMembers[fill[unitGroup[u]]++] = u;
  const symmetric = Uint8Array.from(unitSymmetric);

  const originalSrc = Int32Array.from(unitSrc);
  const originalTrg = Int32Array.from(unitTrg);
  const pairs: LinkedPairs = n <= DENSE_PAIRS_NODES ? new DensePairSet(n) : new PairSet(units, n);
  for (let u = 0; u < units; u++) pairs.add(originalSrc[u], originalTrg[u]);
  const originalTable = pairs.snapshot();

  function randomise(rng: Rng, options: SwitchOptions = {}): SwitchResult {
    const exchanges = options.exchanges ?? SWITCH_DEFAULTS.exchanges;
    const maxTries = options.tries ?? SWITCH_DEFAULTS.tries;
    const src = originalSrc.slice();
    const trg = originalTrg.slice();
    pairs.restore(originalTable);
    let tries = 0;
    let successes = 0;
    for (let round = 0; round < exchanges; round++) {
      for (let k = 0; k < groups; k++) {
        const start = groupStart[k];
        const size = groupStart[k + 1] - start;
        if (size === 1) {
          tries += maxTries; // FANMOD counts every try of a partnerless edge as made
          continue;
        }
        for (let pos = 0; pos < size; pos++) {
          const x = groupMembers[start + pos];
          for (let t = 0; t < maxTries; t++) {
            tries++;
            // Uniform over the other positions of the group (FANMOD redraws when it hits itself).
            let other = rng.int(size - 1);
            if (other >= pos) other++;
            const y = groupMembers[start + other];
            let a = src[x];
            let b = trg[x];
            let c = src[y];
            let d = trg[y];
            if (symmetric[x] === 1) {
              // Symmetric mutual units are read from their smaller node, as FANMOD stores them.
              if (a > b) {
                a = trg[x];
                b = src[x];
              }
              if (c > d) {
                c = trg[y];
                d = src[y];
              }
            }
            if (a === c || a === d || b === c || b === d) continue;
            if (pairs.has(a, d) || pairs.has(c, b)) continue;
            pairs.remove(a, b);
            pairs.remove(c, d);
            pairs.add(a, d);
            pairs.add(c, b);
            // Position x keeps its smaller node: x = a→d, y = c→b if a < b, else x = c→b, y = a→d.
            if (a < b) {
              src[x] = a;
              trg[x] = d;
              src[y] = c;
              trg[y] = b;
            } else {
              src[x] = c;
              trg[x] = b;
              src[y] = a;
              trg[y] = d;
            }
            successes++;
            break;
          }
        }
      }
    }
    const outSrc = new Int32Array(m);
    const outTrg = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      const u = edgeUnit[e];
      if (edgeReversed[e] === 1) {
        outSrc[e] = trg[u];
        outTrg[e] = src[u];
      } else {
        outSrc[e] = src[u];
        outTrg[e] = trg[u];
      }
    }
    const graph: Digraph = {
      nodeCount: n,
      edgeSrc: outSrc,
      edgeTrg: outTrg,
      edgeColour,
      ...(g.nodeLayer ? { nodeLayer: g.nodeLayer } : {}),
    };
    return { graph, tries, successes };
  }

  return { units, mutualUnits, groups, randomise };
}

/** One `switch` random network (SPEC §6.1); prepare once with `prepareSwitching` for many. */
export function switchGraph(g: Digraph, rng: Rng, options: SwitchOptions = {}): SwitchResult {
  return prepareSwitching(g, colourKindKey).randomise(rng, options);
}

/** The `switch` null model (SPEC §6.1) for the registry. */
export const switchNull: NullModel = {
  description:
    "FANMOD switching: same colour and kind (single/bidirectional), locally constant bidirectional edges",
  needsLayers: false,
  prepare: ({ graph }, options) => {
    const switching = prepareSwitching(graph, colourKindKey);
    return (rng) => {
      const { graph: random, tries, successes } = switching.randomise(rng, options);
      return { graph: random, switching: { tries, successes } };
    };
  },
};

const EMPTY = -1;

/** Hash set of unordered node pairs {lo, hi}, stored as lo·n + hi in a Float64Array. */
/** The linked unordered pairs of a graph being switched, with a snapshot to start again from. */
interface LinkedPairs {
  snapshot(): Uint32Array | Float64Array;
  restore(table: Uint32Array | Float64Array): void;
  has(a: number, b: number): boolean;
  add(a: number, b: number): void;
  remove(a: number, b: number): void;
}

/** Graphs up to this many nodes keep their linked pairs in a bit matrix (n²/8 bytes: 512 kB). */
const DENSE_PAIRS_NODES = 2048;

/** Linked pairs as a bit matrix over (min, max): one memory access a check, nothing to probe. */
class DensePairSet implements LinkedPairs {
  private readonly bits: Uint32Array;

  constructor(private readonly n: number) {
    this.bits = new Uint32Array(Math.ceil((n * n) / 32));
  }

  snapshot(): Uint32Array {
    return this.bits.slice();
  }

  restore(table: Uint32Array | Float64Array): void {
    this.bits.set(table);
  }

  has(a: number, b: number): boolean {
    const i = a < b ? a * this.n + b : b * this.n + a;
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  add(a: number, b: number): void {
    const i = a < b ? a * this.n + b : b * this.n + a;
    this.bits[i >>> 5] |= 1 << (i & 31);
  }

  remove(a: number, b: number): void {
    const i = a < b ? a * this.n + b : b * this.n + a;
    this.bits[i >>> 5] &= ~(1 << (i & 31));
  }
}

class PairSet implements LinkedPairs {
  private table: Float64Array;
  private readonly mask: number;
  private readonly n: number;

  constructor(expected: number, n: number) {
    let capacity = 16;
    while (capacity < expected * 4) capacity *= 2;
    this.table = new Float64Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.n = n;
  }

  snapshot(): Float64Array {
    return this.table.slice();
  }

  restore(table: Uint32Array | Float64Array): void {
    this.table.set(table);
  }

  private slot(lo: number, hi: number): number {
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  has(a: number, b: number): boolean {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * this.n + hi;
    const table = this.table;
    for (let i = this.slot(lo, hi); ; i = (i + 1) & this.mask) {
      const k = table[i];
      if (k === key) return true;
      if (k === EMPTY) return false;
    }
  }

  add(a: number, b: number): void {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * this.n + hi;
    const table = this.table;
    let i = this.slot(lo, hi);
    while (table[i] !== EMPTY && table[i] !== key) i = (i + 1) & this.mask;
    table[i] = key;
  }

  remove(a: number, b: number): void {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * this.n + hi;
    const table = this.table;
    const mask = this.mask;
    let i = this.slot(lo, hi);
    while (table[i] !== key) {
      if (table[i] === EMPTY) return;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the hole when their home
    // slot does not lie cyclically in (hole, j].
    let hole = i;
    for (let j = (i + 1) & mask; table[j] !== EMPTY; j = (j + 1) & mask) {
      const k = table[j];
      const klo = Math.floor(k / this.n);
      const home = this.slot(klo, k - klo * this.n);
      const inRange = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!inRange) {
        table[hole] = k;
        hole = j;
      }
    }
    table[hole] = EMPTY;
  }
}
