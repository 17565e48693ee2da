/**
 * countSubgraphs: the exact census (SPEC §5). Pipeline: Digraph → CensusGraph (typed arrays) →
 * ESU counting raw codes in a hash table (esu.ts) → one canonical labelling per distinct raw code
 * (canonical-label.ts, cached across calls with the same layout) → class key → count.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import { canonicalKeyOfMatrix } from "./canonical-label.js";
import { buildCensusGraph, codeLayout, decodeRawCode } from "./census-graph.js";
import type { CensusGraph, CodeLayout } from "./census-graph.js";
import { CodeTable } from "./code-table.js";
import { esuCount } from "./esu.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
import type { Rng } from "../core/random.js";

export const MIN_SIZE = 2;
export const MAX_SIZE = 8;

/** Tables kept between calls, one per layout; dropped when they grow past this many slots. */
const MAX_CACHED_CAPACITY = 1 << 22;

interface ClassCache {
  table: CodeTable;
  keys: string[];
  idOfKey: Map<string, number>;
}

const caches = new Map<string, ClassCache>();

/** Forget the cached raw code → class tables (frees their memory). */
export function clearCensusCache(): void {
  caches.clear();
}

export function checkSize(size: number, where: string): void {
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new NnmotifsError(
      `${where}: invalid \`size\` ${size}. Should be an integer ${MIN_SIZE}..${MAX_SIZE}.`,
    );
  }
}

/** Prepare a graph and layout for counting (shared by the exact and the sampled census). */
export function prepareCensus(
  g: Digraph,
  options: SubgraphCountOptions,
  where: string,
): { cg: CensusGraph; layout: CodeLayout; cache: ClassCache; cacheKey: string } {
  checkSize(options.size, where);
  const colours = options.colours ?? true;
  const cg = buildCensusGraph(g, colours, options.vertexColours ?? null);
  const layout = codeLayout(options.size, cg.base, cg.vbase);
  const cacheKey = `${layout.k}|${layout.base}|${cg.vdigit ? cg.vvalues.join(",") : "-"}`;
  let cache = caches.get(cacheKey);
  if (!cache) {
    cache = { table: new CodeTable(layout.limbs), keys: [], idOfKey: new Map() };
    caches.set(cacheKey, cache);
  }
  return { cg, layout, cache, cacheKey };
}

/**
 * Run the kernel and turn the raw codes into class counts (each count multiplied by `scale`).
 * Resets the table's counts so the table can serve the next census.
 */
export function runCensus(
  prepared: ReturnType<typeof prepareCensus>,
  probabilities: Float64Array | null,
  rng: Rng | null,
  scale: number,
): { total: number; counts: Map<string, number> } {
  const { cg, layout, cache, cacheKey } = prepared;
  const table = cache.table;
  table.touchedCount = 0;
  let total: number;
  try {
    total = esuCount(cg, layout, table, probabilities, rng);
  } catch (err) {
    caches.delete(cacheKey); // a half-filled table must not leak into the next census
    throw err;
  }
  const k = layout.k;
  const W = layout.limbs;
  const matrix = new Uint8Array(k * k);
  const vdigits = new Int32Array(k);
  const vcolours = new Int32Array(k);
  const perClass = new Float64Array(cache.keys.length + table.touchedCount);
  let classCount = cache.keys.length;
  const limbs = new Float64Array(W);
  for (let t = 0; t < table.touchedCount; t++) {
    const s = table.touched[t];
    let id = table.classId[s];
    if (id < 0) {
      for (let l = 0; l < W; l++) limbs[l] = table.keys[s * W + l];
      decodeRawCode(layout, limbs, matrix, vdigits);
      if (cg.vdigit) for (let i = 0; i < k; i++) vcolours[i] = cg.vvalues[vdigits[i]];
      const key = canonicalKeyOfMatrix(matrix, k, cg.vdigit ? vcolours : null);
      const known = cache.idOfKey.get(key);
      if (known === undefined) {
        id = cache.keys.length;
        cache.keys.push(key);
        cache.idOfKey.set(key, id);
        classCount++;
      } else {
        id = known;
      }
      table.classId[s] = id;
    }
    perClass[id] += table.counts[s];
    table.counts[s] = 0;
  }
  table.touchedCount = 0;
  const counts = new Map<string, number>();
  for (let id = 0; id < classCount; id++) {
    if (perClass[id] > 0) counts.set(cache.keys[id], perClass[id] * scale);
  }
  if (table.capacity > MAX_CACHED_CAPACITY) caches.delete(cacheKey);
  return { total: total * scale, counts };
}

/**
 * The exact census: every set of `options.size` nodes whose induced subgraph is weakly connected,
 * counted once (ESU), grouped by the canonical key of its coloured matrix (types.ts). A mutual
 * pair a⇄b contributes both matrix entries (possibly of different colours); `colours: false`
 * makes every entry 0/1; `vertexColours` adds each node's colour to the class.
 */
export function countSubgraphs(g: Digraph, options: SubgraphCountOptions): SubgraphCounts {
  const prepared = prepareCensus(g, options, "countSubgraphs");
  const { total, counts } = runCensus(prepared, null, null, 1);
  return { size: options.size, total, counts, sampled: false };
}
