/**
 * The study's cost guard (issue 13, item 4): before any step runs, the plan's estimated time (the
 * per-step `estimate` of plan.ts, or the last run's time) and peak memory (the census and training
 * memory models of core/memory-budget.ts) are printed, and a study above a limit is refused with
 * the estimate, the limit and what to do — instead of starting silently and running for hours.
 *
 * Pure apart from the machine's free memory: the caller passes the planned steps (with what is
 * cached) and decides what to print.
 */
import { NnmotifsError } from "../core/errors.js";
import { formatBytes } from "../core/input-file.js";
import {
  availableMemoryBytes,
  estimateCensusMemory,
  estimateTrainingMemory,
  type MemoryEstimate,
} from "../core/memory-budget.js";
import { architectureList, dataEntryOf, type StudyConfig } from "./config.js";
import { datasetShape, studyNetworkShape } from "./cost-model.js";
import type { CensusParams, StepSpec, TrainParams } from "./plan.js";

/** Default time limit: two hours of estimated work. */
export const DEFAULT_MAX_SECONDS = 2 * 3600;

/**
 * Typical class counts of a coloured census of a trained MLP's graph by motif size (measured on
 * the anchor graphs: k = 6 has 32 045 classes, k = 8 6.7·10⁵); uncoloured censuses have far fewer.
 * The plan has no graph yet, so the census memory uses these instead of a sample of the graph.
 */
const TYPICAL_CLASSES: Readonly<Record<number, number>> = {
  3: 60,
  4: 800,
  5: 6000,
  6: 32_045,
  7: 2.0e5,
  8: 6.7e5,
};

/** One step as the guard sees it (run-study.ts's PlannedStep has these fields). */
export interface GuardedStep {
  readonly spec: StepSpec;
  readonly cached: boolean;
}

export interface StudyCostEstimate {
  /** Seconds of the steps to run. */
  readonly seconds: number;
  /** Peak memory of the largest step to run. */
  readonly memory: MemoryEstimate;
  /** The step with the largest memory estimate (its label), for the message. */
  readonly peakStep: string | null;
  readonly steps: number;
  /** Estimated seconds of each step to run, by id (the study's ETA). */
  readonly estimates: ReadonlyMap<string, number>;
}

export interface CostLimits {
  /** Seconds; default DEFAULT_MAX_SECONDS. */
  readonly maxSeconds?: number;
  /** Bytes; default the machine's free memory (or cgroup limit). */
  readonly maxBytes?: number;
}

function trainMemory(p: TrainParams): MemoryEstimate {
  const shape = datasetShape(p.dataset);
  return estimateTrainingMemory({
    layerSizes: [shape.features, ...p.hidden, shape.classes],
    samples: shape.samples,
    batchSize: p.training.batch,
    snapshots: 2,
  });
}

function censusMemory(p: CensusParams, config: StudyConfig, threads: number): MemoryEstimate {
  const layers = studyNetworkShape(
    config.data.map((d) => dataEntryOf(d).set),
    largestArchitecture(config),
  ).layerSizes;
  let edges = 0;
  for (let l = 0; l + 1 < layers.length; l++) edges += layers[l] * layers[l + 1];
  const typical = TYPICAL_CLASSES[p.size] ?? TYPICAL_CLASSES[8] * 8 ** (p.size - 8);
  const classes = p.motifs.colours ? typical : Math.ceil(typical / 8);
  return estimateCensusMemory({
    nodes: layers.reduce((a, b) => a + b, 0),
    edges,
    size: p.size,
    classes,
    networks: p.motifs.randomNetworks,
    workers: Math.min(threads, p.motifs.randomNetworks),
  });
}

/** The architecture with the most units among the config's (its data entries' or network.hidden). */
function largestArchitecture(config: StudyConfig): number[] {
  const all = [
    ...architectureList(config.network.hidden),
    ...config.data.flatMap((d) => {
      const h = dataEntryOf(d).hidden;
      return h === undefined ? [] : architectureList(h);
    }),
  ];
  const units = (h: readonly number[]): number => h.reduce((a, b) => a + b, 0);
  return all.reduce((a, b) => (units(b) > units(a) ? b : a), all[0] ?? []);
}

/** Time of the steps to run, and the peak memory of the largest of them. */
export function estimateStudyCost(
  steps: readonly GuardedStep[],
  config: StudyConfig,
  options: { readonly threads: number; readonly redoAll?: boolean },
): StudyCostEstimate {
  const toRun = steps.filter((s) => options.redoAll === true || !s.cached);
  let peak: MemoryEstimate = { bytes: 0, parts: [] };
  let peakStep: string | null = null;
  for (const s of toRun) {
    const memory =
      s.spec.kind === "train"
        ? trainMemory(s.spec.params as unknown as TrainParams)
        : s.spec.kind === "census"
          ? censusMemory(s.spec.params as unknown as CensusParams, config, options.threads)
          : null;
    if (memory !== null && memory.bytes > peak.bytes) {
      peak = memory;
      peakStep = s.spec.label;
    }
  }
  // The cost model, not the last run's time: a step keeps its id when its parameters change
  // (100 → 100 000 random networks), so an old time would hide the new cost.
  const seconds = toRun.reduce((a, s) => a + s.spec.estimate, 0);
  const estimates = new Map(toRun.map((s) => [s.spec.id, s.spec.estimate]));
  return { seconds, memory: peak, peakStep, steps: toRun.length, estimates };
}

/** "3 min 4 s", "2.5 h", "41 days". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "forever";
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return `${m} min ${Math.round(seconds - 60 * m)} s`;
  }
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  const days = seconds / 86400;
  return days < 730 ? `${Math.round(days)} days` : `${(days / 365).toPrecision(2)} years`;
}

/** The line printed before the study runs. */
export function describeCost(cost: StudyCostEstimate): string {
  const peak = cost.peakStep === null ? "" : ` (${cost.peakStep})`;
  return `estimated ${formatDuration(cost.seconds)} for ${cost.steps} step${cost.steps === 1 ? "" : "s"}, peak memory about ${formatBytes(cost.memory.bytes)}${peak}`;
}

/**
 * Refuse (exit 2, one line) a study whose estimate is above a limit: the estimate, the limit, and
 * what to do. The largest cost drivers of the config are named so the advice is concrete.
 */
export function checkStudyCost(
  cost: StudyCostEstimate,
  config: StudyConfig,
  limits: CostLimits = {},
): void {
  const maxSeconds = limits.maxSeconds ?? DEFAULT_MAX_SECONDS;
  const maxBytes = limits.maxBytes ?? availableMemoryBytes();
  const overTime = cost.seconds > maxSeconds;
  const overMemory = cost.memory.bytes > maxBytes;
  if (!overTime && !overMemory) return;
  const what: string[] = [];
  if (overTime) {
    what.push(
      `would take about ${formatDuration(cost.seconds)}, more than the limit of ${formatDuration(maxSeconds)}${limits.maxSeconds === undefined ? " (default)" : " (--max-time)"}`,
    );
  }
  if (overMemory) {
    const source = limits.maxBytes === undefined ? "free memory on this machine" : "--max-memory";
    what.push(
      `would need about ${formatBytes(cost.memory.bytes)} of memory${cost.peakStep === null ? "" : ` in ${cost.peakStep}`}, more than the ${formatBytes(maxBytes)} ${source}`,
    );
  }
  throw new NnmotifsError(
    `the study ${what.join(" and ")}. ${advice(config)}; raise --max-time/--max-memory; or pass --accept-cost to run anyway (--force also skips this check but redoes finished steps).`,
  );
}

/** The config's values that drive the cost, largest first. */
function advice(config: StudyConfig): string {
  const m = config.motifs;
  const hints: string[] = [];
  if (m.randomNetworks > 100) hints.push(`fewer motifs.randomNetworks (${m.randomNetworks})`);
  if (config.training.epochs > 100) hints.push(`fewer training.epochs (${config.training.epochs})`);
  const widest = largestArchitecture(config);
  if (widest.some((h) => h > 100)) hints.push(`smaller network.hidden (${widest.join(", ")})`);
  const big = Math.max(...m.sizes, ...config.sensitivity.sizes, ...config.topology.sizes);
  if (big > 5) hints.push(`smaller motif sizes (up to ${big})`);
  hints.push("fewer data sets, inits or sensitivity cut-offs");
  return `Use ${hints.join(", ")}`;
}

/** Parse `--max-time`: seconds, or a number with s, m/min, h or d. */
export function parseDuration(text: string, option = "--max-time"): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$/i.exec(text);
  const unit: Record<string, number> = { s: 1, m: 60, min: 60, h: 3600, d: 86400 };
  const seconds = match ? Number(match[1]) * unit[(match[2] ?? "s").toLowerCase()] : NaN;
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new NnmotifsError(
      `invalid ${option} "${text}". Should be a duration such as 90s, 30m, 2h or 1d.`,
    );
  }
  return seconds;
}

export interface GuardOptions extends CostLimits {
  /** Skip the refusal (still prints the estimate). */
  readonly accept: boolean;
  /** Redo every step (`--force`): cached steps count too. */
  readonly redoAll: boolean;
  readonly threads: number;
  /** Where the estimate line goes (null: nowhere). */
  readonly print: ((line: string) => void) | null;
}

/**
 * Plan the study against its results folder (reads only), print the estimate, refuse it above the
 * limits unless accepted. Returns the estimate (the progress view derives an ETA from it).
 */
export async function guardStudy(
  config: StudyConfig,
  options: GuardOptions,
): Promise<StudyCostEstimate> {
  const { describePlan } = await import("./run-study.js");
  const { steps } = await describePlan(config);
  const cost = estimateStudyCost(steps, config, options);
  options.print?.(describeCost(cost));
  if (!options.accept) checkStudyCost(cost, config, options);
  return cost;
}
