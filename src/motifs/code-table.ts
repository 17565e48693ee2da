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

  /** The value of the code in `limbs[at .. at+W)`, or EMPTY when absent (nothing inserted). */
  get(limbs: ArrayLike<number>, at: number): number {
    const W = this.limbs;
    const stride = this.stride;
    const d = this.data;
    for (let h = hashLimbs(limbs, at, W) & this.mask; ; h = (h + 1) & this.mask) {
      const base = h * stride;
      if (d[base] === EMPTY) return EMPTY;
      let same = true;
      for (let l = 0; l < W && same; l++) same = d[base + l] === limbs[at + l];
      if (same) return d[base + W];
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

/** Hash of a non-negative 31-bit integer key. */
export function hashInt(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  h ^= h >>> 15;
  return Math.imul(h, 0x846ca68b) ^ (h >>> 16);
}

/**
 * The compact variant for keys that fit 31 bits (canonical prefix id << 16 | last group value):
 * [key, value] pairs in one Int32Array, 8 bytes a slot, so the counting table of a k = 5 census
 * stays in the L2 cache. Values are Int32: counting spills into `spill` long before overflow.
 */
export class IntMap {
  capacity: number;
  mask: number;
  data: Int32Array;
  used: Int32Array;
  size = 0;
  /** Key → amount moved out of a slot whose count neared 2^31 (counting only). */
  readonly spill = new Map<number, number>();

  constructor(capacity = 1 << 12) {
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.data = new Int32Array(2 * capacity).fill(EMPTY);
    this.used = new Int32Array(capacity);
  }

  grow(): void {
    const { data, used, size } = this;
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.data = new Int32Array(2 * this.capacity).fill(EMPTY);
    this.used = new Int32Array(this.capacity);
    for (let t = 0; t < size; t++) {
      const key = data[2 * used[t]];
      let h = hashInt(key) & this.mask;
      while (this.data[2 * h] !== EMPTY) h = (h + 1) & this.mask;
      this.data[2 * h] = key;
      this.data[2 * h + 1] = data[2 * used[t] + 1];
      this.used[t] = h;
    }
  }

  /** Add `weight` to the value of `key` (inserted at 0 when absent). */
  add(key: number, weight: number): void {
    const data = this.data;
    const mask = this.mask;
    let h = hashInt(key) & mask;
    let k = data[2 * h];
    while (k !== key && k !== EMPTY) {
      h = (h + 1) & mask;
      k = data[2 * h];
    }
    if (k === EMPTY) {
      data[2 * h] = key;
      data[2 * h + 1] = weight;
      this.used[this.size++] = h;
      if (this.size * 2 > this.capacity) this.grow();
      return;
    }
    const v = data[2 * h + 1] + weight;
    if (v > 0x40000000) {
      this.spill.set(key, (this.spill.get(key) ?? 0) + v);
      data[2 * h + 1] = 0;
    } else {
      data[2 * h + 1] = v;
    }
  }

  /** The value of `key`, or EMPTY when absent (nothing inserted). */
  get(key: number): number {
    const data = this.data;
    for (let h = hashInt(key) & this.mask; ; h = (h + 1) & this.mask) {
      const k = data[2 * h];
      if (k === key) return data[2 * h + 1];
      if (k === EMPTY) return EMPTY;
    }
  }

  /** The slot of `key`, inserted with value `init` when absent. */
  slot(key: number, init: number): number {
    let h = hashInt(key) & this.mask;
    for (;;) {
      const k = this.data[2 * h];
      if (k === key) return h;
      if (k === EMPTY) {
        this.data[2 * h] = key;
        this.data[2 * h + 1] = init;
        this.used[this.size++] = h;
        if (this.size * 2 > this.capacity) {
          this.grow();
          return this.slot(key, init);
        }
        return h;
      }
      h = (h + 1) & this.mask;
    }
  }

  clear(): void {
    const { data, used } = this;
    for (let t = 0; t < this.size; t++) {
      data[2 * used[t]] = EMPTY;
      data[2 * used[t] + 1] = EMPTY;
    }
    this.size = 0;
    this.spill.clear();
  }
}

/**
 * Direct-indexed counts for layouts whose whole raw code space is small (uncoloured k ≤ 5, or
 * k = 3 with a few colours): one slot per possible code, so a leaf costs one array increment and
 * no hashing or prefix canonicalisation. The index of a code puts its last group lowest
 * (index = prefix · G_last + last group), so the leaves of one ESU prefix touch one short run of
 * slots. Counts are doubles (exact to 2^53). `touched` lists the slots made non-zero, in the
 * order they were first reached, so reading and clearing cost the number of distinct codes.
 * Counts are Int32 (half the cache footprint of doubles: 10 % faster at k = 5); a census of 2^31
 * subgraphs or more is counted again without them (count-subgraphs.ts).
 */
export class DirectCounts {
  readonly counts: Int32Array;
  readonly touched: Int32Array;
  size = 0;

  constructor(
    /** Number of possible raw codes (the product of every group's size). */
    readonly space: number,
    /** Size of the last group, G_last. */
    readonly lastGroup: number,
  ) {
    this.counts = new Int32Array(space);
    this.touched = new Int32Array(space);
  }

  /** Zero every touched slot. */
  clear(): void {
    const { counts, touched } = this;
    for (let t = 0; t < this.size; t++) counts[touched[t]] = 0;
    this.size = 0;
  }
}

/** Largest raw code space counted directly (4 MB of counts, 4 MB of touched slots). */
export const DIRECT_CODE_SPACE = 1 << 20;

/**
 * Direct-indexed counts by (canonical prefix id, last group value) for the first `maxCids` prefix
 * ids (ids are given in order of first sight, so the common prefixes come first): slot
 * cid · group + value. A leaf of such a prefix is one increment, with no per-prefix tally to flush
 * into a hash table. `classOf` caches each slot's class id across censuses (−1: unknown).
 * Counts are Int32 like the tally's (one type in the leaf loop); a census of 2^31 subgraphs or
 * more could overflow a slot, so count-subgraphs.ts counts such a census again without blocks.
 * Grows by doubling up to `maxCids`; the census lists the slots it touched in `touched`.
 */
export class PrefixBlocks {
  counts = new Int32Array(0);
  touched = new Int32Array(0);
  classOf = new Int32Array(0);
  size = 0;
  cids = 0;
  readonly maxCids: number;

  constructor(
    /** Size of the last group, G_last. */
    readonly group: number,
    slotLimit = PREFIX_BLOCK_SLOTS,
  ) {
    this.maxCids = Math.floor(slotLimit / group);
  }

  /** Whether prefix id `cid` has a block (made room for it when possible). */
  reserve(cid: number): boolean {
    if (cid < this.cids) return true;
    if (cid >= this.maxCids) return false;
    const cids = Math.min(this.maxCids, Math.max(16, 2 * this.cids, cid + 1));
    const slots = cids * this.group;
    const counts = new Int32Array(slots);
    counts.set(this.counts);
    const touched = new Int32Array(slots);
    touched.set(this.touched);
    const classOf = new Int32Array(slots).fill(-1);
    classOf.set(this.classOf);
    this.counts = counts;
    this.touched = touched;
    this.classOf = classOf;
    this.cids = cids;
    return true;
  }

  /** Zero every touched slot. */
  clear(): void {
    const { counts, touched } = this;
    for (let t = 0; t < this.size; t++) counts[touched[t]] = 0;
    this.size = 0;
  }
}

/**
 * Largest last group with PrefixBlocks: k = 4 with 3 colours (4096). At k = 5 (65 536) a prefix's
 * leaves scatter over a 512 kB block and the per-prefix tally, which stays in cache, is faster.
 */
export const PREFIX_BLOCK_GROUP = 1 << 13;

/** Slots of PrefixBlocks at most (16 bytes each: 32 MB). */
export const PREFIX_BLOCK_SLOTS = 1 << 21;
