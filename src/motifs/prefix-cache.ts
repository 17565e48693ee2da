/**
 * Canonical order of ESU prefixes. At the last level of the ESU tree the first k−1 vertices are
 * fixed and every leaf adds one vertex. Relabelling those k−1 vertices in the canonical order of
 * their own subgraph before the leaves are coded makes the leaf codes of one class far less
 * varied (the code stays a valid labelled code: the prefix is just listed in another order), so
 * the counting table stays small and fewer distinct raw codes need a class lookup afterwards.
 * Prefix codes are cached per layout, across censuses.
 */
import { canonicalPermutation } from "./canonical-label.js";
import { codeLayout, decodeRawCode, type CodeLayout } from "./census-graph.js";
import { CodeMap, EMPTY, hashCode } from "./code-table.js";

/**
 * Canonical prefix ids below this go to the compact table, keyed by (id << 16 | group value); a
 * prefix past them is counted by its raw code, and its id is COMPACT_PREFIXES itself.
 */
export const COMPACT_PREFIXES = 1 << 15;

export class PrefixCache {
  readonly k1: number;
  readonly map = new CodeMap(1);
  /** Per entry: the canonical prefix code and the order (prefix positions) that gives it. */
  canon = new Float64Array(1024);
  perm = new Int32Array(1024);
  /**
   * Per entry: the id of its canonical prefix code (equal codes, equal ids), or COMPACT_PREFIXES
   * for every canonical prefix past the first COMPACT_PREFIXES: only those have ids of their own
   * (a long k = 6 ensemble meets new canonical prefixes in every random network, and keeping
   * them all grew a worker's heap without bound).
   */
  cid = new Int32Array(1024);
  /** Canonical prefix code of each id below COMPACT_PREFIXES. */
  canonOfCid: number[] = [];
  private readonly cidOfCanon = new Map<number, number>();
  count = 0;
  private readonly prefixLayout: CodeLayout;
  private readonly matrix: Uint8Array;
  private readonly vdigits: Int32Array;
  private readonly p: Int32Array;
  private readonly limb = new Float64Array(1);

  /** For k-subgraph codes of `layout` (one limb only). */
  constructor(readonly layout: CodeLayout) {
    this.k1 = layout.k - 1;
    this.prefixLayout = codeLayout(this.k1, layout.base, layout.vbase, layout.pairCodes);
    this.matrix = new Uint8Array(this.k1 * this.k1);
    this.vdigits = new Int32Array(this.k1);
    this.p = new Int32Array(this.k1);
    this.perm = new Int32Array(1024 * this.k1);
  }

  /**
   * Forget the raw prefixes (memory bound), keeping the canonical prefix ids: codes keyed by
   * (canonical prefix id, leaf) stay valid, and a raw prefix met again gets its old id back.
   */
  forgetRawPrefixes(): void {
    this.map.clear();
    this.count = 0;
  }

  /** Entry index of a prefix code (canonicalising it the first time it is seen). */
  indexOf(prefix: number): number {
    const map = this.map;
    const data = map.data;
    let h = hashCode(prefix) & map.mask;
    let key = data[2 * h];
    while (key !== prefix && key !== EMPTY) {
      h = (h + 1) & map.mask;
      key = data[2 * h];
    }
    if (key === prefix) return data[2 * h + 1];
    return this.add(prefix);
  }

  private add(prefix: number): number {
    const { k1, matrix, vdigits, p, layout } = this;
    this.limb[0] = prefix;
    decodeRawCode(this.prefixLayout, this.limb, 0, matrix, vdigits);
    // Vertex digits take part as colours, so the relabelled prefix keeps its vertex colours.
    canonicalPermutation(matrix, k1, layout.vbase > 1 ? vdigits : null, p);
    let c = 0;
    for (let q = 0; q < k1; q++) {
      const w = p[q];
      c += vdigits[w] * layout.vmul[q];
      for (let j = 0; j < q; j++) {
        const x = p[j];
        const pair = matrix[w * k1 + x] + layout.base * matrix[x * k1 + w];
        c += layout.pairIdOf[pair] * layout.pmul[q * layout.k + j];
      }
    }
    const idx = this.count++;
    if (idx >= this.canon.length) {
      const canon = new Float64Array(2 * this.canon.length);
      canon.set(this.canon);
      this.canon = canon;
      const perm = new Int32Array(2 * this.perm.length);
      perm.set(this.perm);
      this.perm = perm;
      const cid = new Int32Array(2 * this.cid.length);
      cid.set(this.cid);
      this.cid = cid;
    }
    this.canon[idx] = c;
    let id = this.cidOfCanon.get(c);
    if (id === undefined) {
      id = this.canonOfCid.length;
      if (id < COMPACT_PREFIXES) {
        this.canonOfCid.push(c);
        this.cidOfCanon.set(c, id);
      }
    }
    this.cid[idx] = id;
    this.perm.set(p, idx * k1);
    const slot = this.map.slot(this.limb, 0, idx);
    this.map.data[2 * slot + 1] = idx;
    return idx;
  }
}
