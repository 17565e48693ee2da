/**
 * Memory estimates made before work starts, so a job that cannot fit is refused with the estimate
 * and what to do — instead of growing for minutes and dying with "JavaScript heap out of memory"
 * or `RangeError: Invalid typed array length`.
 *
 * The models count the large allocations only (typed arrays, per-class keys and counts, output
 * text) and are deliberately generous: a refusal must mean "this really does not fit", a pass
 * "it should". The budget is the machine's free memory (or the cgroup limit, or `--max-memory`).
 */
import { freemem } from "node:os";
import { NnmotifsError } from "./errors.js";
import { formatBytes } from "./input-file.js";

/** What a Node process holds before any work (code, V8 heaps, TensorFlow.js when loaded). */
export const BASELINE_BYTES = 80 * 2 ** 20;

/** Longest string V8 can make (characters): every output text must stay below it. */
export const MAX_STRING_CHARS = 2 ** 29 - 24;

/** Free memory the job may use: free RAM, capped by the cgroup's limit when there is one. */
export function availableMemoryBytes(): number {
  const free = freemem();
  const constrained =
    typeof process.constrainedMemory === "function" ? process.constrainedMemory() : 0;
  // Node reports 2^64 (or 0) when there is no cgroup limit.
  return constrained > 0 && constrained < 2 ** 53 ? Math.min(free, constrained) : free;
}

/** Parse a size such as `4G`, `512M`, `2GiB`, `1.5g` or a plain number of bytes. */
export function parseMemorySize(text: string, option = "--max-memory"): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  const value = match
    ? Number(match[1]) * 1024 ** " kmgt".indexOf(match[2].toLowerCase() || " ")
    : NaN;
  if (!(value >= 2 ** 20)) {
    throw new NnmotifsError(
      `invalid ${option} "${text}". Should be a size of at least 1M, e.g. 512M, 4G or 16G.`,
    );
  }
  return Math.floor(value);
}

export interface MemoryEstimate {
  /** Total estimated peak bytes. */
  readonly bytes: number;
  /** The largest parts, for the message ("random-network counts 3.2 GiB"). */
  readonly parts: ReadonlyArray<readonly [string, number]>;
}

export interface CensusMemoryInput {
  readonly nodes: number;
  readonly edges: number;
  /** Subgraph size k. */
  readonly size: number;
  /** Estimated number of classes of the original graph. */
  readonly classes: number;
  /** Random networks N. */
  readonly networks: number;
  /** Worker threads that each hold one random network and its class map. */
  readonly workers: number;
}

/**
 * Peak memory of `census`: the graph and its per-network copies, the class keys, the N × classes
 * count matrix (held by the workers' results and the main thread), and the result rows.
 */
export function estimateCensusMemory(x: CensusMemoryInput): MemoryEstimate {
  const k = x.size;
  // A class key is ~k² + k characters (2 bytes each in V8) plus Map entry overhead.
  const keyBytes = 2 * (k * k + k) + 96;
  const graph = x.nodes * 64 + x.edges * 48 + (x.nodes <= 4096 ? x.nodes * x.nodes : 0);
  const workers = Math.max(1, x.workers);
  // The canonical-labelling caches hold raw subgraph codes per class: ~64·k² bytes per class,
  // measured (anchor graph, k = 6: 32 045 classes, 159 MB peak; k = 8: 6.7·10⁵, 3.4 GB).
  const caches = 64 * k * k * x.classes;
  const perWorker = graph + 1.5 * x.classes * keyBytes + caches;
  const counts = 2 * 8 * x.classes * Math.max(1, x.networks);
  // The result's rows (~40 numbers and a key per class); the output text is streamed
  // (census-format.ts), never held whole.
  const output = x.classes * (300 + 4 * k * k);
  const parts: Array<[string, number]> = [
    ["random-network counts (networks × classes)", counts],
    [`workers' graphs and class maps (${workers})`, workers * perWorker],
    ["class keys and label caches", 2 * x.classes * keyBytes + caches],
    ["result rows", output],
    ["graph", graph],
  ];
  const bytes = BASELINE_BYTES + parts.reduce((sum, [, b]) => sum + b, 0);
  return { bytes, parts: parts.sort((a, b) => b[1] - a[1]) };
}

export interface TrainingMemoryInput {
  /** Units per layer, inputs first (features, hidden…, classes). */
  readonly layerSizes: readonly number[];
  readonly samples: number;
  readonly batchSize: number;
  /** Weight snapshots kept and written (initial, trained and each --snapshots epoch). */
  readonly snapshots: number;
}

/** Parameters of a dense MLP with these layer sizes (kernels and biases). */
export function parameterCount(layerSizes: readonly number[]): number {
  let params = 0;
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    params += layerSizes[l] * layerSizes[l + 1] + layerSizes[l + 1];
  }
  return params;
}

/**
 * Peak memory of `train`: float32 weights, gradients and momentum (TensorFlow.js), float64 copies
 * per snapshot, the model files as JSON text (~22 characters per weight), and a batch's
 * activations.
 */
export function estimateTrainingMemory(x: TrainingMemoryInput): MemoryEstimate {
  const params = parameterCount(x.layerSizes);
  const widest = Math.max(...x.layerSizes.slice(0, 64), 1);
  const parts: Array<[string, number]> = [
    ["weights, gradients and momentum", params * 4 * 4],
    [`weight snapshots (${x.snapshots})`, params * 8 * x.snapshots],
    ["model files as text", params * 2 * 22 * 2],
    ["activations", 4 * 4 * x.batchSize * widest * x.layerSizes.length],
  ];
  const bytes = BASELINE_BYTES + 120 * 2 ** 20 + parts.reduce((sum, [, b]) => sum + b, 0);
  return { bytes, parts: parts.sort((a, b) => b[1] - a[1]) };
}

export interface BudgetOptions {
  /** What the job is, for the message: "the census of g.txt". */
  readonly what: string;
  /** `--max-memory` in bytes; default: the machine's free memory. */
  readonly maxBytes?: number;
  /** What to do instead, e.g. "use fewer --random networks or a smaller --size". */
  readonly advice: string;
  readonly file?: string;
}

/** Refuse (NnmotifsError, exit 2) a job whose estimate is above the budget. */
export function checkMemoryBudget(estimate: MemoryEstimate, options: BudgetOptions): void {
  const limit = options.maxBytes ?? availableMemoryBytes();
  if (estimate.bytes <= limit) return;
  const source = options.maxBytes !== undefined ? "--max-memory" : "free memory on this machine";
  const largest = estimate.parts
    .slice(0, 2)
    .map(([name, b]) => `${name} ${formatBytes(b)}`)
    .join(", ");
  throw new NnmotifsError(
    `${options.what} would need about ${formatBytes(estimate.bytes)} of memory (${largest}), more than the ${formatBytes(limit)} ${source}. ${options.advice}`,
    { file: options.file },
  );
}

/**
 * Refuse a network too large to train here or to write as a model file, with the estimate; the
 * model files are JSON text, limited to MAX_STRING_CHARS characters each.
 */
export function checkTrainingMemory(x: TrainingMemoryInput, maxBytes?: number): void {
  const params = parameterCount(x.layerSizes);
  const shape = x.layerSizes.join("-");
  const advice = "Use smaller --hidden layers.";
  checkMemoryBudget(estimateTrainingMemory(x), {
    what: `training a ${shape} network (${params.toExponential(2)} weights)`,
    maxBytes,
    advice,
  });
  if (params * 22 > MAX_STRING_CHARS) {
    throw new NnmotifsError(
      `a ${shape} network has ${params.toExponential(2)} weights; its model file would exceed the ${MAX_STRING_CHARS} characters Node can write as one text (at most ~${Math.floor(MAX_STRING_CHARS / 22).toExponential(1)} weights). ${advice}`,
    );
  }
}
