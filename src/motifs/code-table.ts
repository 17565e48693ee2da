/**
 * Counting raw subgraph codes: an open-addressing hash table in typed arrays (linear probing),
 * keyed by the W limbs of a raw code (see census-graph.ts), with a count per slot and the slot's
 * class id once canonicalised. One table per code layout is kept between censuses, so the 100
 * random networks of a run canonicalise only the labelled codes they see for the first time.
 */

export const EMPTY = -1;

export class CodeTable {
  capacity: number;
  mask: number;
  keys: Float64Array;
  counts: Float64Array;
  classId: Int32Array;
  /** Slots whose count is non-zero in the current census. */
  touched: Int32Array;
  touchedCount = 0;
  size = 0;

  constructor(
    readonly limbs: number,
    capacity = 1 << 12,
  ) {
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.keys = new Float64Array(capacity * limbs).fill(EMPTY);
    this.counts = new Float64Array(capacity);
    this.classId = new Int32Array(capacity).fill(-1);
    this.touched = new Int32Array(capacity);
  }

  /** Double the capacity and re-insert every key (slots move: touched is rebuilt). */
  grow(): void {
    const W = this.limbs;
    const { keys, counts, classId, capacity } = this;
    const cap = capacity * 2;
    this.capacity = cap;
    this.mask = cap - 1;
    this.keys = new Float64Array(cap * W).fill(EMPTY);
    this.counts = new Float64Array(cap);
    this.classId = new Int32Array(cap).fill(-1);
    this.touched = new Int32Array(cap);
    this.touchedCount = 0;
    for (let s = 0; s < capacity; s++) {
      if (keys[s * W] === EMPTY) continue;
      let h = hashLimbs(keys, s * W, W) & this.mask;
      while (this.keys[h * W] !== EMPTY) h = (h + 1) & this.mask;
      for (let l = 0; l < W; l++) this.keys[h * W + l] = keys[s * W + l];
      this.counts[h] = counts[s];
      this.classId[h] = classId[s];
      if (counts[s] !== 0) this.touched[this.touchedCount++] = h;
    }
  }

  /** Add `weight` to the count of the code in `limbs[at .. at+W)`; returns its slot. */
  addLimbs(limbs: Float64Array, at: number, weight: number): void {
    const W = this.limbs;
    let h = hashLimbs(limbs, at, W) & this.mask;
    const keys = this.keys;
    for (;;) {
      const base = h * W;
      if (keys[base] === EMPTY) {
        for (let l = 0; l < W; l++) keys[base + l] = limbs[at + l];
        this.size++;
        break;
      }
      let same = true;
      for (let l = 0; l < W; l++) {
        if (keys[base + l] !== limbs[at + l]) {
          same = false;
          break;
        }
      }
      if (same) break;
      h = (h + 1) & this.mask;
    }
    if (this.counts[h] === 0) this.touched[this.touchedCount++] = h;
    this.counts[h] += weight;
    if (this.size * 2 > this.capacity) this.grow();
  }
}

/** Hash of one code held in a double (an integer below 2^53). */
export function hashCode(x: number): number {
  const lo = x >>> 0;
  const hi = (x / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

export function hashLimbs(a: Float64Array, at: number, W: number): number {
  let h = 0;
  for (let l = 0; l < W; l++) h = hashCode(a[at + l]) ^ Math.imul(h, 0x01000193);
  return h;
}
