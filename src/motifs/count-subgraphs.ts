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
 * the random networks of one run reuse the labelling work; clearCensusCache() frees them, and
 * they are dropped by themselves past MAX_CACHED_CODES codes.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import { canonicalPermutation, permuteMatrix } from "./canonical-label.js";
import { formatClassKey } from "./class-key.js";
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
import { esuCount, EsuWorkspace, LEAF_GROUP_LIMIT } from "./esu.js";
import { PrefixCache } from "./prefix-cache.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
import type { Rng } from "../core/random.js";
import { checkMotifSize } from "./motif-size.js";

/**
 * Thresholds of the counting tables. Tests lower them (then clearCensusCache()) to reach the
 * fallbacks on small graphs: `blockSlots`, the PrefixBlocks size (prefix ids past it use the
 * compact hash table); `blockCountLimit`, the census size above which an Int32 slot of the
 * blocks or the direct counts might have overflowed and the census is counted again without them.
 */
export const censusTuning = { blockSlots: PREFIX_BLOCK_SLOTS, blockCountLimit: 0x7fffffff };

/** The raw-code cache is dropped when it holds more codes than this (memory bound). */
const MAX_CACHED_CODES = 1 << 20;

/**
 * Per code layout, kept between calls: the counting table (emptied after each census), the
 * cache raw code → class id, canonical code → class id, and the class keys.
 */
interface ClassCache {
  counting: CodeMap;
  rawToClass: CodeMap;
  canonToClass: CodeMap;
  keys: string[];
  perClass: Float64Array;
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
      keys: [],
      perClass: new Float64Array(1024),
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

/** The class id of the raw code at `data[at .. at+W)`, canonicalising it (once per class). */
function classOf(
  cache: ClassCache,
  cg: CensusGraph,
  layout: CodeLayout,
  data: Float64Array,
  at: number,
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
  const slot = cache.canonToClass.slot(canon, 0, -1);
  const at2 = slot * cache.canonToClass.stride + W;
  let id = cache.canonToClass.data[at2];
  if (id < 0) {
    id = cache.keys.length;
    const m = permuteMatrix(matrix, k, perm);
    cache.keys.push(formatClassKey(m, k, cg.vdigit ? Array.from(perm, (v) => vcolours[v]) : null));
    cache.canonToClass.data[at2] = id;
  }
  return id;
}

/**
 * Run the kernel and sum the raw codes' counts per class: `ids` lists the classes met, in the
 * order ESU first met them (independent of the cache state), and `cache.perClass[id]` holds
 * their counts until `release` zeroes them.
 */
function runKernel(
  prepared: ReturnType<typeof prepareCensus>,
  probabilities: Float64Array | null,
  rng: Rng | null,
  signal?: AbortSignal,
  units: Int32Array | null = null,
): { total: number; ids: number[] } {
  const { cg, layout, cache, cacheKey } = prepared;
  const { counting, rawToClass, compact, compactToClass, prefixes, direct, blocks } = cache;
  const W = layout.limbs;
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
    const raw = new Float64Array(1);
    const leafVmul = layout.vmul[layout.k - 1];
    for (let t = 0; t < direct.size; t++) {
      const at = touched[t];
      let id = directToClass[at];
      if (id < 0) {
        const prefix = Math.floor(at / lastGroup);
        raw[0] = prefix + (at - prefix * lastGroup) * leafVmul;
        id = classOf(cache, cg, layout, raw, 0);
        directToClass[at] = id;
      }
      grow(id);
      if (cache.perClass[id] === 0) ids.push(id);
      cache.perClass[id] += counts[at];
    }
    direct.clear();
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
        id = classOf(cache, cg, layout, raw, 0);
        blockClass[at] = id;
      }
      grow(id);
      if (cache.perClass[id] === 0) ids.push(id);
      cache.perClass[id] += counts[at];
    }
    blocks.clear();
  }
  const stride = counting.stride;
  for (let t = 0; t < counting.size; t++) {
    const at = counting.used[t] * stride;
    const data = counting.data;
    const rs = rawToClass.slot(data, at, -1);
    const idAt = rs * rawToClass.stride + W;
    let id = rawToClass.data[idAt];
    if (id < 0) {
      id = classOf(cache, cg, layout, data, at);
      rawToClass.data[idAt] = id;
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
      const cs = compactToClass.slot(key, -1);
      let id = compactToClass.data[2 * cs + 1];
      if (id < 0) {
        raw[0] = prefixes.canonOfCid[key >>> 16] + (key & 0xffff) * leafVmul;
        id = classOf(cache, cg, layout, raw, 0);
        compactToClass.data[2 * cs + 1] = id;
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
  const { cache, cacheKey } = prepared;
  for (const id of ids) cache.perClass[id] = 0;
  if (cache.rawToClass.size + (cache.compactToClass?.size ?? 0) > MAX_CACHED_CODES) {
    caches.delete(cacheKey);
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
  const { keys, perClass } = prepared.cache;
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(keys[id], perClass[id] * scale);
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

/** Per key list: key → index, and class id → index (−1: not listed, −2: not resolved yet). */
const keyIndexes = new WeakMap<
  readonly string[],
  { index: Map<string, number>; byClass: WeakMap<ClassCache, Int32Array> }
>();

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
  const { total, ids } = runKernel(
    prepared,
    probabilities,
    options.rng ?? null,
    options.signal ?? undefined,
  );
  const cache = prepared.cache;
  let entry = keyIndexes.get(keys);
  if (!entry) {
    entry = { index: new Map(keys.map((key, i) => [key, i])), byClass: new WeakMap() };
    keyIndexes.set(keys, entry);
  }
  let byClass = entry.byClass.get(cache);
  if (!byClass || byClass.length < cache.keys.length) {
    const grown = new Int32Array(Math.max(1024, 2 * cache.keys.length)).fill(-2);
    if (byClass) grown.set(byClass);
    byClass = grown;
    entry.byClass.set(cache, byClass);
  }
  const counts = new Float64Array(keys.length);
  let otherClasses = 0;
  let otherCount = 0;
  for (const id of ids) {
    let i = byClass[id];
    if (i === -2) {
      i = entry.index.get(cache.keys[id]) ?? -1;
      byClass[id] = i;
    }
    const c = cache.perClass[id] * scale;
    if (i >= 0) counts[i] = c;
    else {
      otherClasses++;
      otherCount += c;
    }
  }
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
