/**
 * countSubgraphs: the exact census (SPEC §5). Pipeline:
 *
 *   Digraph ─► CensusGraph (typed arrays, census-graph.ts)
 *           ─► ESU (esu.ts): each k-subgraph's raw code, built vertex by vertex, its last k−1
 *              vertices listed in canonical order (prefix-cache.ts), counted in a hash table
 *              (code-table.ts: the compact Int32 table when the code fits, else doubles)
 *           ─► class id per distinct code: cached; new codes are canonically labelled
 *              (canonical-label.ts) once per layout and process
 *           ─► class key → count (or a tally against fixed keys: tallySubgraphClasses).
 *
 * Caches are per layout (size, edge colour base, pair codes, vertex colours) and persist between calls, so
 * the random networks of one run reuse the labelling work; clearCensusCache() frees them. A cache
 * holds at most about censusTuning.maxCachedEntries entries: a tally of one-limb codes stops
 * caching there and sends the classes it has no room for to an OverflowSink; a census past it
 * keeps only the classes met in the most censuses (evictRareClasses). So a long ensemble at
 * k = 6 stays within a fixed memory.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import { canonicalPermutation } from "./canonical-label.js";
import { formatClassKey, parseClassKey, type ParsedClassKey } from "./class-key.js";
import { buildCensusGraph, codeLayout, decodeRawCode } from "./census-graph.js";
import type { CensusGraph, CodeLayout } from "./census-graph.js";
import {
  CodeMap,
  DIRECT_CODE_SPACE,
  DirectCounts,
  IntMap,
  PREFIX_BLOCK_GROUP,
  PREFIX_BLOCK_SLOTS,
  PrefixBlocks,
} from "./code-table.js";
import { COMPACT_PREFIXES, esuCount, EsuWorkspace, LEAF_GROUP_LIMIT } from "./esu.js";
import { PrefixCache } from "./prefix-cache.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
import type { Rng } from "../core/random.js";
import { checkMotifSize } from "./motif-size.js";

/**
 * Thresholds of the counting tables and caches. Tests lower them (then clearCensusCache()) to
 * reach the fallbacks on small graphs: `blockSlots`, the PrefixBlocks size (prefix ids past it use
 * the compact hash table); `blockCountLimit`, the census size above which an Int32 slot of the
 * blocks or the direct counts might have overflowed and the census is counted again without them;
 * `maxCachedEntries`, the memory bound of a class cache (codes, raw and compact, plus classes):
 * a tally with one-limb codes caches no more past it (OverflowSink); after any other census past
 * it, evictRareClasses keeps only the `keptClasses` classes met in the most censuses and their
 * codes. At k = 6 each random network of the anchor graph meets ~600 000 classes, ten times the
 * original's, nearly all of them once. 2^18 rather than 2^19 saved ~20 MB a worker at the same
 * speed (anchor k = 6, MNIST-sized k = 5, both coloured).
 */
export const censusTuning = {
  blockSlots: PREFIX_BLOCK_SLOTS,
  blockCountLimit: 0x7fffffff,
  maxCachedEntries: 1 << 18,
  keptClasses: 1 << 16,
  /** Raw (k−1)-prefixes kept by the prefix cache; past it they are forgotten, ids kept. */
  maxCachedPrefixes: 1 << 16,
};

/**
 * Per code layout, kept between calls: the counting table (emptied after each census), the
 * cache raw code → class id, canonical code → class id, and each class's canonical code.
 */
interface ClassCache {
  counting: CodeMap;
  rawToClass: CodeMap;
  canonToClass: CodeMap;
  /** Canonical code of class id i at [i·W, (i+1)·W): its key is formatted from it (keyOf). */
  canonOfClass: Float64Array;
  classCount: number;
  /** Keys formatted so far, by class id (a tally formats only the ids it must look up). */
  keys: (string | undefined)[];
  /** Vertex colour of each vertex digit, or null when vertices are not coloured. */
  vvalues: readonly number[] | null;
  perClass: Float64Array;
  /** Number of censuses each class id was present in (what eviction keeps the commonest of). */
  censusesOf: Int32Array;
  prefixes: PrefixCache | null;
  /** Compact counting table and its class cache, keyed by (canonical prefix id << 16 | value). */
  compact: IntMap | null;
  compactToClass: IntMap | null;
  /** Direct-indexed counts and class ids by slot (−1: not resolved yet), for small code spaces. */
  direct: DirectCounts | null;
  directToClass: Int32Array | null;
  /** Direct counts of the commonest canonical prefixes (with `compact` for the others). */
  blocks: PrefixBlocks | null;
  /** The enumeration's buffers, reused by every census of this layout. */
  workspace: EsuWorkspace;
}

const caches = new Map<string, ClassCache>();

/** Forget the cached raw code → class tables (frees their memory). */
export function clearCensusCache(): void {
  caches.clear();
}

export function checkSize(size: number, where: string): void {
  checkMotifSize(size, where);
}

/** Prepare a graph and layout for counting (shared by the exact and the sampled census). */
export function prepareCensus(
  g: Digraph,
  options: SubgraphCountOptions,
  where: string,
  built?: CensusGraph,
): { cg: CensusGraph; layout: CodeLayout; cache: ClassCache; cacheKey: string } {
  checkSize(options.size, where);
  const colours = options.colours ?? true;
  const cg = built ?? buildCensusGraph(g, colours, options.vertexColours ?? null);
  const layout = codeLayout(options.size, cg.base, cg.vbase, cg.pairCodes);
  const cacheKey = `${layout.k}|${layout.base}|${cg.pairCodes.join(".")}|${cg.vdigit ? cg.vvalues.join(",") : "-"}`;
  let cache = caches.get(cacheKey);
  if (!cache) {
    const W = layout.limbs;
    const space = layout.groupSize.reduce((a, b) => a * b, 1);
    const direct = W === 1 && layout.k >= 3 && space <= DIRECT_CODE_SPACE;
    // Direct layouts keep the prefix cache and compact table too: a census too large for their
    // Int32 slots is counted again with those (runKernel).
    const compact = W === 1 && layout.k >= 3 && layout.groupSize[layout.k - 1] <= LEAF_GROUP_LIMIT;
    cache = {
      counting: new CodeMap(W),
      rawToClass: new CodeMap(W),
      canonToClass: new CodeMap(W),
      canonOfClass: new Float64Array(1024 * W),
      classCount: 0,
      keys: [],
      vvalues: cg.vdigit ? Array.from(cg.vvalues) : null,
      perClass: new Float64Array(1024),
      censusesOf: new Int32Array(1024),
      prefixes: W === 1 && layout.k >= 3 ? new PrefixCache(layout) : null,
      compact: compact ? new IntMap() : null,
      compactToClass: compact ? new IntMap() : null,
      direct: direct ? new DirectCounts(space, layout.groupSize[layout.k - 1]) : null,
      directToClass: direct ? new Int32Array(space).fill(-1) : null,
      blocks:
        compact && !direct && layout.groupSize[layout.k - 1] <= PREFIX_BLOCK_GROUP
          ? new PrefixBlocks(layout.groupSize[layout.k - 1], censusTuning.blockSlots)
          : null,
      workspace: new EsuWorkspace(layout),
    };
    caches.set(cacheKey, cache);
  }
  return { cg, layout, cache, cacheKey };
}

/** Scratch of the canonicalisation of one raw code. */
let scratchK = -1;
let matrix = new Uint8Array(0);
let vdigits = new Int32Array(0);
let vcolours = new Int32Array(0);
let perm = new Int32Array(0);
let canon = new Float64Array(0);

/**
 * The class id of the raw code at `data[at .. at+W)`, canonicalising it (once per class). With
 * `insert` false a class not cached yet is not added: the result is EMPTY and the canonical code
 * is left in `canon` (see OverflowSink).
 */
function classOf(
  cache: ClassCache,
  cg: CensusGraph,
  layout: CodeLayout,
  data: Float64Array,
  at: number,
  insert = true,
): number {
  const { k, limbs: W, base, vbase, limbOf, vmul, pmul, pairIdOf } = layout;
  if (scratchK !== k || canon.length !== W) {
    scratchK = k;
    matrix = new Uint8Array(k * k);
    vdigits = new Int32Array(k);
    vcolours = new Int32Array(k);
    perm = new Int32Array(k);
    canon = new Float64Array(W);
  }
  decodeRawCode(layout, data, at, matrix, vdigits);
  if (cg.vdigit) for (let i = 0; i < k; i++) vcolours[i] = cg.vvalues[vdigits[i]];
  canonicalPermutation(matrix, k, cg.vdigit ? vcolours : null, perm);
  // The canonical code: the raw code of the vertices in canonical order.
  canon.fill(0);
  for (let p = 0; p < k; p++) {
    const w = perm[p];
    let c = vbase > 1 ? vdigits[w] * vmul[p] : 0;
    for (let j = 0; j < p; j++) {
      const x = perm[j];
      c += pairIdOf[matrix[w * k + x] + base * matrix[x * k + w]] * pmul[p * k + j];
    }
    canon[limbOf[p]] += c;
  }
  if (!insert) return cache.canonToClass.get(canon, 0);
  return classOfCanonical(cache, canon, 0);
}

/** The class id of the canonical code at `code[at .. at+W)`, a new class when not cached. */
function classOfCanonical(cache: ClassCache, code: Float64Array, at: number): number {
  const W = cache.canonToClass.limbs;
  const slot = cache.canonToClass.slot(code, at, -1);
  const at2 = slot * cache.canonToClass.stride + W;
  let id = cache.canonToClass.data[at2];
  if (id < 0) {
    id = cache.classCount++;
    if ((id + 1) * W > cache.canonOfClass.length) {
      const grown = new Float64Array(2 * cache.canonOfClass.length);
      grown.set(cache.canonOfClass);
      cache.canonOfClass = grown;
    }
    cache.canonOfClass.set(code.subarray(at, at + W), id * W);
    cache.canonToClass.data[at2] = id;
  }
  return id;
}

/** Scratch of classOfPrefixLeaf: the leaf's pair digit with each prefix position. */
let leafDigits = new Int32Array(0);
const leafRaw = new Float64Array(1);

/**
 * The class id of the one-limb raw code (prefix code `prefix`, in ESU order; last group value
 * `gv`). The prefix is relabelled in its canonical order (PrefixCache) and the leaf's digits with
 * it, which gives another raw code of the same subgraph, keyed by (canonical prefix id, leaf) as
 * in the compact table. The direct counts see every ESU order of a class as its own slot (up to
 * k!·colourings of them): labelling each slot canonically cost ~1.5 µs apiece, 23 000 times in
 * the first 100 random networks of the anchor graph at k = 4 coloured; through the prefix, the
 * full labelling runs once per (canonical prefix, leaf) key.
 */
function classOfPrefixLeaf(
  cache: ClassCache,
  cg: CensusGraph,
  layout: CodeLayout,
  prefix: number,
  gv: number,
  insert: boolean,
): number {
  const prefixes = cache.prefixes!;
  const last = layout.k - 1;
  const B = layout.pairCodes.length;
  const vbase = layout.vbase;
  if (leafDigits.length < last) leafDigits = new Int32Array(last);
  const entry = prefixes.indexOf(prefix);
  const cid = prefixes.cid[entry];
  // gv = vertex digit + vbase · Σ_j pair id with ESU position j · B^j (codeLayout).
  const vertexDigit = gv % vbase;
  let rest = (gv - vertexDigit) / vbase;
  for (let j = 0; j < last; j++) {
    const digit = rest % B;
    leafDigits[j] = digit;
    rest = (rest - digit) / B;
  }
  let canonGv = vertexDigit;
  let mul = vbase;
  const perm = prefixes.perm;
  for (let j = 0; j < last; j++) {
    canonGv += leafDigits[perm[entry * last + j]] * mul;
    mul *= B;
  }
  leafRaw[0] = prefixes.canon[entry] + canonGv * layout.vmul[last];
  const compactToClass = cache.compactToClass;
  if (compactToClass !== null && cid < COMPACT_PREFIXES) {
    const key = (cid << 16) | canonGv;
    let id = compactToClass.get(key);
    if (id < 0) {
      id = classOf(cache, cg, layout, leafRaw, 0, insert);
      if (insert) compactToClass.slot(key, id);
    }
    return id;
  }
  // No compact key (never met with a direct layout's code spaces): the caller keeps the slot's id.
  return classOf(cache, cg, layout, leafRaw, 0, insert);
}

/** The class key of class `id`, decoded from its canonical code (and kept). */
function keyOf(cache: ClassCache, layout: CodeLayout, id: number): string {
  const known = cache.keys[id];
  if (known !== undefined) return known;
  const k = layout.k;
  const m = new Uint8Array(k * k);
  const digits = new Int32Array(k);
  // The canonical code lists the vertices in canonical order, so its matrix is the class's.
  decodeRawCode(layout, cache.canonOfClass, id * layout.limbs, m, digits);
  const vvalues = cache.vvalues;
  const key = formatClassKey(m, k, vvalues ? Array.from(digits, (d) => vvalues[d]) : null);
  cache.keys[id] = key;
  return key;
}

/**
 * The canonical code of a class key in `layout` (the inverse of keyOf) into `out`; false when
 * no subgraph of this layout can have that class (other size, an edge colour pair or a vertex
 * colour the graph does not have).
 */
function canonicalCodeOfKey(
  key: string,
  layout: CodeLayout,
  vvalues: readonly number[] | null,
  out: Float64Array,
): boolean {
  const { k, base, vbase, limbOf, vmul, pmul, pairIdOf, pairCodes } = layout;
  let parsed: ParsedClassKey;
  try {
    parsed = parseClassKey(key);
  } catch {
    return false;
  }
  const colours = parsed.vertexColours;
  if (parsed.size !== k || (colours === null) !== (vvalues === null)) return false;
  const m = parsed.matrix;
  out.fill(0);
  for (let p = 0; p < k; p++) {
    if (m[p * k + p] !== 0) return false;
    let c = 0;
    if (vvalues !== null && colours !== null) {
      const digit = vvalues.indexOf(colours[p]);
      if (digit < 0) return false;
      if (vbase > 1) c = digit * vmul[p];
    }
    for (let j = 0; j < p; j++) {
      const a = m[p * k + j];
      const b = m[j * k + p];
      const pair = a + base * b;
      if (a >= base || b >= base || pairCodes[pairIdOf[pair]] !== pair) return false;
      c += pairIdOf[pair] * pmul[p * k + j];
    }
    out[limbOf[p]] += c;
  }
  return true;
}

/** The `limit` class ids below `n` met in the most censuses (ties: the older id), in id order. */
function commonestClasses(censusesOf: Int32Array, n: number, limit: number): number[] {
  if (limit <= 0) return [];
  const sorted = censusesOf.slice(0, n).sort();
  const threshold = sorted[n - limit];
  let above = 0; // classes strictly above the threshold: all kept, ties fill the rest
  for (let id = 0; id < n; id++) if (censusesOf[id] > threshold) above++;
  let ties = limit - above;
  const kept: number[] = [];
  for (let id = 0; id < n; id++) {
    const c = censusesOf[id];
    if (c > threshold || (c === threshold && ties-- > 0)) kept.push(id);
  }
  return kept;
}

/**
 * Shrink a cache past censusTuning.maxCachedEntries: keep the `keptClasses` classes met in the
 * most censuses so far, renumbered 0.., and the codes of those classes; forget the rest (met
 * again, they are canonically labelled again). A null ensemble keeps meeting new classes, most of
 * them in one random network only; the classes met network after network are the ones worth
 * keeping. Counts do not depend on the cache, only the time to reach them. The tables are
 * refilled in place, so their buffers are reused rather than reallocated (which fragments the
 * heap).
 */
function evictRareClasses(prepared: ReturnType<typeof prepareCensus>): void {
  const { cache, cacheKey, layout } = prepared;
  const W = layout.limbs;
  // At most half the classes, so that each eviction frees room (and their codes) for long.
  const limit = Math.min(censusTuning.keptClasses, Math.floor(cache.classCount / 2));
  const kept = commonestClasses(cache.censusesOf, cache.classCount, limit);
  const newId = new Int32Array(cache.classCount).fill(-1);
  const keptCanon = new Float64Array(kept.length * W);
  const keys: (string | undefined)[] = [];
  for (let n = 0; n < kept.length; n++) {
    const id = kept[n];
    newId[id] = n;
    keptCanon.set(cache.canonOfClass.subarray(id * W, id * W + W), n * W);
    cache.censusesOf[n] = cache.censusesOf[id]; // n ≤ id: read before written
    if (cache.keys[id] !== undefined) keys[n] = cache.keys[id];
  }
  cache.censusesOf.fill(0, kept.length);
  const renumber = (id: number): number => (id >= 0 && id < newId.length ? newId[id] : -1);
  const { canonToClass, rawToClass, compactToClass, directToClass } = cache;
  canonToClass.clear();
  cache.canonOfClass.set(keptCanon);
  // slot() inserts a missing code with the given value.
  for (let n = 0; n < kept.length; n++) canonToClass.slot(keptCanon, n * W, n);
  // Codes: the kept entries (limbs and new id) are copied out, the table emptied and refilled.
  const stride = rawToClass.stride;
  const rawKept = new Float64Array(rawToClass.size * stride);
  let rawCount = 0;
  for (let t = 0; t < rawToClass.size; t++) {
    const at = rawToClass.used[t] * stride;
    const id = renumber(rawToClass.data[at + W]);
    if (id < 0) continue;
    rawKept.set(rawToClass.data.subarray(at, at + W), rawCount * stride);
    rawKept[rawCount++ * stride + W] = id;
  }
  rawToClass.clear();
  for (let r = 0; r < rawCount; r++) rawToClass.slot(rawKept, r * stride, rawKept[r * stride + W]);
  if (compactToClass !== null) {
    const pairs = new Int32Array(2 * compactToClass.size);
    let count = 0;
    for (let t = 0; t < compactToClass.size; t++) {
      const id = renumber(compactToClass.data[2 * compactToClass.used[t] + 1]);
      if (id < 0) continue;
      pairs[2 * count] = compactToClass.data[2 * compactToClass.used[t]];
      pairs[2 * count++ + 1] = id;
    }
    compactToClass.clear();
    for (let c = 0; c < count; c++) compactToClass.slot(pairs[2 * c], pairs[2 * c + 1]);
  }
  if (directToClass !== null)
    for (let i = 0; i < directToClass.length; i++) directToClass[i] = renumber(directToClass[i]);
  const blockClass = cache.blocks?.classOf;
  if (blockClass)
    for (let i = 0; i < blockClass.length; i++) blockClass[i] = renumber(blockClass[i]);
  // A new object: the tallies' class → key-index tables (keyIndexes) are per cache object.
  caches.set(cacheKey, { ...cache, classCount: kept.length, keys });
}

/**
 * Where a tally (one-limb codes) sends the subgraphs of classes the full cache has no room for,
 * instead of growing it: at k = 6 a random network meets ~600 000 classes, ten times the
 * original's, nearly all of them in that network only, and caching each one for the length of
 * the census (canonical code, class id, every code of it) took ~150 MB a worker thread. Such a
 * class costs one labelling per code met, as it would have once evicted. The tally's listed
 * classes are always cached (seedListedClasses), so a class sent here is one of its other
 * classes: its canonical code goes to `others`, whose distinct values are counted. Counts are
 * integers until the tally scales them, so the numbers do not depend on which classes were cached.
 */
interface OverflowSink {
  /** Canonical codes of unlisted classes, once per code met (deduplicated by the tally). */
  others: Float64Array;
  othersSize: number;
  /** Sum of the counts of those unlisted classes. */
  otherCount: number;
}

/** Scratch of OverflowSink.others, kept between tallies. */
let overflowCodes: Float64Array = new Float64Array(1 << 12);

/** Send `count` subgraphs of the class whose canonical code classOf left in `canon`. */
function sendToSink(sink: OverflowSink, count: number): void {
  if (sink.othersSize === sink.others.length) {
    const grown = new Float64Array(2 * sink.others.length);
    grown.set(sink.others);
    sink.others = grown;
  }
  sink.others[sink.othersSize++] = canon[0];
  sink.otherCount += count;
}

/** Whether a cache may take one more code or class (censusTuning.maxCachedEntries). */
function hasRoom(cache: ClassCache): boolean {
  const entries =
    cache.rawToClass.size + (cache.compactToClass?.size ?? 0) + cache.canonToClass.size;
  return entries < censusTuning.maxCachedEntries;
}

/**
 * Run the kernel and sum the raw codes' counts per class: `ids` lists the classes met, in the
 * order ESU first met them (independent of the cache state), and `cache.perClass[id]` holds
 * their counts until `release` zeroes them. With a `sink`, a class met once the cache is full is
 * not cached: its subgraphs go to the sink and not to `ids`.
 */
function runKernel(
  prepared: ReturnType<typeof prepareCensus>,
  probabilities: Float64Array | null,
  rng: Rng | null,
  signal?: AbortSignal,
  units: Int32Array | null = null,
  sink: OverflowSink | null = null,
): { total: number; ids: number[] } {
  const { cg, layout, cache, cacheKey } = prepared;
  const { counting, rawToClass, compact, compactToClass, prefixes, direct, blocks } = cache;
  const W = layout.limbs;
  if (sink !== null && W !== 1) throw new Error("runKernel: an overflow sink needs one-limb codes");
  counting.clear();
  compact?.clear();
  direct?.clear();
  blocks?.clear();
  let total: number;
  try {
    total = esuCount(
      cg,
      layout,
      counting,
      { probabilities, rng, prefixes, compact, direct, blocks, units, signal },
      cache.workspace,
    );
    const slotsUsed = (blocks?.size ?? 0) + (direct?.size ?? 0);
    if (slotsUsed > 0 && total > censusTuning.blockCountLimit) {
      // An Int32 slot (blocks, direct counts) may have overflowed: count again with the tally
      // and the hash tables, whose counts spill before they overflow.
      blocks?.clear();
      direct?.clear();
      counting.clear();
      compact?.clear();
      total = esuCount(
        cg,
        layout,
        counting,
        { probabilities, rng, prefixes, compact, direct: null, blocks: null, units, signal },
        cache.workspace,
      );
    }
  } catch (err) {
    caches.delete(cacheKey); // a half-filled table must not leak into the next census
    throw err;
  }
  const ids: number[] = [];
  const grow = (id: number): void => {
    if (id >= cache.perClass.length) {
      const grown = new Float64Array(Math.max(2 * cache.perClass.length, id + 1));
      grown.set(cache.perClass);
      cache.perClass = grown;
    }
  };
  if (direct !== null && cache.directToClass !== null) {
    const directToClass = cache.directToClass;
    const { counts, touched, lastGroup } = direct;
    for (let t = 0; t < direct.size; t++) {
      const at = touched[t];
      let id = directToClass[at];
      if (id < 0) {
        const prefix = Math.floor(at / lastGroup);
        const insert = sink === null || hasRoom(cache);
        id = classOfPrefixLeaf(cache, cg, layout, prefix, at - prefix * lastGroup, insert);
        if (id < 0) {
          sendToSink(sink!, counts[at]);
          counts[at] = 0;
          continue;
        }
        directToClass[at] = id;
      }
      grow(id);
      if (cache.perClass[id] === 0) ids.push(id);
      cache.perClass[id] += counts[at];
      counts[at] = 0; // cleared here, while the slot is in cache (direct.clear's work)
    }
    direct.size = 0;
  }
  if (blocks !== null && prefixes !== null) {
    const { counts, touched, classOf: blockClass, group } = blocks;
    const raw = new Float64Array(1);
    const leafVmul = layout.vmul[layout.k - 1];
    for (let t = 0; t < blocks.size; t++) {
      const at = touched[t];
      let id = blockClass[at];
      if (id < 0) {
        const cid = Math.floor(at / group);
        raw[0] = prefixes.canonOfCid[cid] + (at - cid * group) * leafVmul;
        id = classOf(cache, cg, layout, raw, 0, sink === null || hasRoom(cache));
        if (id < 0) {
          sendToSink(sink!, counts[at]);
          counts[at] = 0;
          continue;
        }
        blockClass[at] = id;
      }
      grow(id);
      if (cache.perClass[id] === 0) ids.push(id);
      cache.perClass[id] += counts[at];
      counts[at] = 0;
    }
    blocks.size = 0;
  }
  const stride = counting.stride;
  for (let t = 0; t < counting.size; t++) {
    const at = counting.used[t] * stride;
    const data = counting.data;
    let id = rawToClass.get(data, at);
    if (id < 0) {
      const insert = sink === null || hasRoom(cache);
      id = classOf(cache, cg, layout, data, at, insert);
      if (id < 0) {
        sendToSink(sink!, data[at + W]);
        continue;
      }
      if (insert) rawToClass.slot(data, at, id);
    }
    if (id >= cache.perClass.length) {
      const grown = new Float64Array(Math.max(2 * cache.perClass.length, id + 1));
      grown.set(cache.perClass);
      cache.perClass = grown;
    }
    if (cache.perClass[id] === 0) ids.push(id);
    cache.perClass[id] += data[at + W];
  }
  counting.clear();
  if (compact !== null && compactToClass !== null && prefixes !== null) {
    const raw = new Float64Array(1);
    const leafVmul = layout.vmul[layout.k - 1];
    for (let t = 0; t < compact.size; t++) {
      const key = compact.data[2 * compact.used[t]];
      const count = compact.data[2 * compact.used[t] + 1] + (compact.spill.get(key) ?? 0);
      let id = compactToClass.get(key);
      if (id < 0) {
        raw[0] = prefixes.canonOfCid[key >>> 16] + (key & 0xffff) * leafVmul;
        const insert = sink === null || hasRoom(cache);
        id = classOf(cache, cg, layout, raw, 0, insert);
        if (id < 0) {
          sendToSink(sink!, count);
          continue;
        }
        if (insert) compactToClass.slot(key, id);
      }
      if (id >= cache.perClass.length) {
        const grown = new Float64Array(Math.max(2 * cache.perClass.length, id + 1));
        grown.set(cache.perClass);
        cache.perClass = grown;
      }
      if (cache.perClass[id] === 0) ids.push(id);
      cache.perClass[id] += count;
    }
    compact.clear();
  }
  return { total, ids };
}

function release(prepared: ReturnType<typeof prepareCensus>, ids: number[]): void {
  const { cache } = prepared;
  if (cache.censusesOf.length < cache.classCount) {
    const grown = new Int32Array(Math.max(2 * cache.censusesOf.length, cache.classCount));
    grown.set(cache.censusesOf);
    cache.censusesOf = grown;
  }
  for (const id of ids) {
    cache.perClass[id] = 0;
    cache.censusesOf[id]++;
  }
  const entries =
    cache.rawToClass.size + (cache.compactToClass?.size ?? 0) + cache.canonToClass.size;
  // A tally's cache stops at the bound (hasRoom) and is kept as it is: evicting it after each
  // network (and labelling codes again) was slower (anchor, k = 6, 8 networks: 13.4 s, not 12.3).
  if (entries > censusTuning.maxCachedEntries) evictRareClasses(prepared);
  if (cache.prefixes !== null && cache.prefixes.count > censusTuning.maxCachedPrefixes) {
    cache.prefixes.forgetRawPrefixes();
  }
}

/** Run the census and return class key → count (each count multiplied by `scale`). */
export function runCensus(
  prepared: ReturnType<typeof prepareCensus>,
  probabilities: Float64Array | null,
  rng: Rng | null,
  scale: number,
  signal?: AbortSignal,
  units: Int32Array | null = null,
): { total: number; counts: Map<string, number> } {
  const { total, ids } = runKernel(prepared, probabilities, rng, signal, units);
  const { cache, layout } = prepared;
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(keyOf(cache, layout, id), cache.perClass[id] * scale);
  release(prepared, ids);
  return { total: total * scale, counts };
}

/** Counts of chosen classes only, without building a Map (see `tallySubgraphClasses`). */
export interface ClassTally {
  readonly size: number;
  /** Total number of k-subgraphs (an estimate when sampled). */
  readonly total: number;
  /** counts[i] = count (or estimate) of the class `keys[i]`; 0 when absent. */
  readonly counts: Float64Array;
  /** Number of distinct classes present that are not in `keys`. */
  readonly otherClasses: number;
  /** Sum of the counts of those other classes. */
  readonly otherCount: number;
  readonly sampled: boolean;
}

/**
 * Per key list: per layout (cache key), canonical code → index in the list; per cache, class id →
 * index (−1: not listed, −2: not resolved yet). Matching codes, not keys, spares formatting the
 * key of every class a random network meets.
 */
const keyIndexes = new WeakMap<
  readonly string[],
  {
    byLayout: Map<string, CodeMap>;
    byClass: WeakMap<ClassCache, Int32Array>;
    /** Caches holding every listed class (seedListedClasses). */
    seeded: WeakSet<ClassCache>;
  }
>();

/**
 * Cache the classes of a key list (their canonical codes, `codes`), once per cache object, so
 * that a class a full cache lacks is never a listed one (OverflowSink). Eviction makes a new
 * cache object, seeded again.
 */
function seedListedClasses(cache: ClassCache, codes: CodeMap, seeded: WeakSet<ClassCache>): void {
  if (seeded.has(cache)) return;
  for (let t = 0; t < codes.size; t++)
    classOfCanonical(cache, codes.data, codes.used[t] * codes.stride);
  seeded.add(cache);
}

/** The canonical code → key index map of `keys` in the layout of `prepared`. */
function keyCodes(
  keys: readonly string[],
  prepared: ReturnType<typeof prepareCensus>,
  byLayout: Map<string, CodeMap>,
): CodeMap {
  const { layout, cache, cacheKey } = prepared;
  let codes = byLayout.get(cacheKey);
  if (!codes) {
    codes = new CodeMap(layout.limbs);
    const code = new Float64Array(layout.limbs);
    keys.forEach((key, i) => {
      if (canonicalCodeOfKey(key, layout, cache.vvalues, code)) codes!.slot(code, 0, i);
    });
    byLayout.set(cacheKey, codes);
  }
  return codes;
}

/**
 * The census of `g` tallied against a fixed list of class keys — the null-model loop, where each
 * random network is only compared with the classes of the original. Same semantics as
 * `countSubgraphs` (or `sampleSubgraphs` when `probabilities` and `rng` are given), but skips
 * the per-census Map of class keys, which costs as much as the enumeration for k = 5 on
 * random networks with tens of thousands of rare classes.
 */
export function tallySubgraphClasses(
  g: Digraph,
  options: SubgraphCountOptions & {
    readonly probabilities?: readonly number[];
    readonly rng?: Rng;
  },
  keys: readonly string[],
): ClassTally {
  const prepared = prepareCensus(g, options, "tallySubgraphClasses");
  let probabilities: Float64Array | null = null;
  let scale = 1;
  if (options.probabilities !== undefined) {
    if (options.rng === undefined) {
      throw new NnmotifsError("tallySubgraphClasses: `probabilities` given without an `rng`.");
    }
    probabilities = checkProbabilities(options.probabilities, options.size, "tallySubgraphClasses");
    scale = 1 / probabilities.reduce((a, b) => a * b, 1);
  }
  let entry = keyIndexes.get(keys);
  if (!entry) {
    entry = { byLayout: new Map(), byClass: new WeakMap(), seeded: new WeakSet() };
    keyIndexes.set(keys, entry);
  }
  const codes = keyCodes(keys, prepared, entry.byLayout);
  let sink: OverflowSink | null = null;
  if (prepared.layout.limbs === 1) {
    seedListedClasses(prepared.cache, codes, entry.seeded);
    sink = { others: overflowCodes, othersSize: 0, otherCount: 0 };
  }
  const { total, ids } = runKernel(
    prepared,
    probabilities,
    options.rng ?? null,
    options.signal ?? undefined,
    null,
    sink,
  );
  const cache = prepared.cache;
  let byClass = entry.byClass.get(cache);
  if (!byClass || byClass.length < cache.classCount) {
    const grown = new Int32Array(Math.max(1024, 2 * cache.classCount)).fill(-2);
    if (byClass) grown.set(byClass);
    byClass = grown;
    entry.byClass.set(cache, byClass);
  }
  const counts = new Float64Array(keys.length);
  let otherClasses = 0;
  // Summed unscaled (integers, exact in any order), as the sink's counts are.
  let otherCount = 0;
  for (const id of ids) {
    let i = byClass[id];
    if (i === -2) {
      i = codes.get(cache.canonOfClass, id * prepared.layout.limbs);
      byClass[id] = i;
    }
    if (i >= 0) counts[i] = cache.perClass[id] * scale;
    else {
      otherClasses++;
      otherCount += cache.perClass[id];
    }
  }
  if (sink !== null) {
    // Every listed class is cached, so a class sent to the sink is another class.
    otherClasses += distinctValues(sink.others, sink.othersSize);
    otherCount += sink.otherCount;
    overflowCodes = sink.others;
  }
  otherCount *= scale;
  release(prepared, ids);
  return {
    size: options.size,
    total: total * scale,
    counts,
    otherClasses,
    otherCount,
    sampled: probabilities !== null,
  };
}

/** The number of distinct values among `values[0 .. size)` (sorts them in place). */
function distinctValues(values: Float64Array, size: number): number {
  if (size === 0) return 0;
  const sorted = values.subarray(0, size).sort();
  let distinct = 1;
  for (let j = 1; j < size; j++) if (sorted[j] !== sorted[j - 1]) distinct++;
  return distinct;
}

/** Per-depth probabilities of RAND-ESU: `size` numbers in (0, 1]. */
export function checkProbabilities(
  p: readonly number[],
  size: number,
  where = "sampleSubgraphs",
): Float64Array {
  if (p.length !== size || p.some((x) => !(x > 0 && x <= 1))) {
    throw new NnmotifsError(
      `${where}: invalid \`probabilities\` [${p.join(", ")}]. Should be ${size} numbers in (0, 1], one per depth.`,
    );
  }
  return Float64Array.from(p);
}

/**
 * The exact census: every set of `options.size` nodes whose induced subgraph is weakly connected,
 * counted once (ESU), grouped by the canonical key of its coloured matrix (types.ts). A mutual
 * pair a⇄b contributes both matrix entries (possibly of different colours); `colours: false`
 * makes every entry 0/1; `vertexColours` adds each node's colour to the class.
 */
export function countSubgraphs(g: Digraph, options: SubgraphCountOptions): SubgraphCounts {
  const prepared = prepareCensus(g, options, "countSubgraphs");
  const { total, counts } = runCensus(prepared, null, null, 1, options.signal ?? undefined);
  return { size: options.size, total, counts, sampled: false };
}
