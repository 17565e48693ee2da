/**
 * Open-addressing hash maps (linear probing) in one Float64Array, keyed by the W limbs of a raw
 * subgraph code (census-graph.ts), with one number per slot: a count while counting, a class id
 * in the cache of canonicalised codes. A slot is W+1 consecutive doubles [limb 0..W-1, value], so
 * a lookup touches one cache line. Keys are integers ≥ 0; EMPTY (−1) marks a free slot.
 */

export const EMPTY = -1;

export class CodeMap {
  capacity: number;
  mask: number;
  /** Slot s occupies data[s*stride .. s*stride+W]; the value is data[s*stride + W]. */
  data: Float64Array;
  readonly stride: number;
  /** Occupied slots in insertion order (to visit or clear them without scanning the table). */
  used: Int32Array;
  size = 0;

  constructor(
    readonly limbs: number,
    capacity = 1 << 12,
  ) {
    this.stride = limbs + 1;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.data = new Float64Array(capacity * this.stride).fill(EMPTY);
    this.used = new Int32Array(capacity);
  }

  /** Double the capacity and re-insert every key (slots move; `used` is rebuilt in order). */
  grow(): void {
    const { data, used, size, stride } = this;
    const W = this.limbs;
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.data = new Float64Array(this.capacity * stride).fill(EMPTY);
    this.used = new Int32Array(this.capacity);
    for (let t = 0; t < size; t++) {
      const from = used[t] * stride;
      let h = hashLimbs(data, from, W) & this.mask;
      while (this.data[h * stride] !== EMPTY) h = (h + 1) & this.mask;
      for (let l = 0; l < stride; l++) this.data[h * stride + l] = data[from + l];
      this.used[t] = h;
    }
  }

  /** The slot of the code in `limbs[at .. at+W)`, inserted with value `init` when absent. */
  slot(limbs: ArrayLike<number>, at: number, init: number): number {
    const W = this.limbs;
    const stride = this.stride;
    let h = hashLimbs(limbs, at, W) & this.mask;
    for (;;) {
      const base = h * stride;
      const d = this.data;
      if (d[base] === EMPTY) {
        for (let l = 0; l < W; l++) d[base + l] = limbs[at + l];
        d[base + W] = init;
        this.used[this.size++] = h;
        if (this.size * 2 > this.capacity) {
          this.grow();
          return this.slot(limbs, at, init);
        }
        return h;
      }
      let same = true;
      for (let l = 0; l < W && same; l++) same = d[base + l] === limbs[at + l];
      if (same) return h;
      h = (h + 1) & this.mask;
    }
  }

  /** Empty the map, keeping its capacity (cost proportional to the number of keys). */
  clear(): void {
    const { data, used, stride } = this;
    for (let t = 0; t < this.size; t++)
      data.fill(EMPTY, used[t] * stride, used[t] * stride + stride);
    this.size = 0;
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

/** Hash of W limbs; equals hashCode(limb 0) when W = 1. */
export function hashLimbs(a: ArrayLike<number>, at: number, W: number): number {
  let h = 0;
  for (let l = 0; l < W; l++) h = hashCode(a[at + l]) ^ Math.imul(h, 0x01000193);
  return h;
}
