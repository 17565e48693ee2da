/**
 * The steps of a study and what each one reads and writes. The grid:
 *
 *   data set × init ──train──▶ models/, curves/                                  (train-step.ts)
 *   init (its initial network + every network trained from it) ──graphs──▶ graphs/ (shared bins)
 *                                                                                (graphs-step.ts)
 *   graph × motif size × null ──census──▶ census/<graph>-k<size>-<null>.{json,csv} (census-step.ts)
 *   init × cut-off c (sensitivity sweep) ──graphs──▶ graphs/sensitivity/c<c>/ ──census──▶
 *     census/sensitivity/c<c>/<graph>-k<size>-<null>.{json,csv}
 *   everything ──analysis──▶ tables/, study-results.json ──report──▶ figures/, report.html
 *                                                          (collect-results.ts, report-steps.ts)
 *
 * A step is a plain description: its id, stage, seed, the inputs that make its cache key (config
 * slice, upstream output hashes) and a `run` that writes its outputs (atomically) and returns the
 * list of files it wrote plus a small summary. The runner (run-study.ts) decides whether to run it.
 *
 * Seeds: every step derives its own from the study seed and names (`deriveSeed(seed, stream("train"),
 * stream("tree"))`), never from its position, so results do not depend on order or threads. The
 * initial network of an init scheme depends only on (seed, init): it is the same for every data set.
 *
 * The steps call the pipeline's own APIs. Only the heavy ones are imported inside the step that
 * needs them (nn/train: TensorFlow.js; report: vega, vega-lite, resvg), so planning a study, or
 * `nnmotifs study --print-config`, loads none of them.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../core/atomic-write.js";
import { deriveSeed, mix32 } from "../core/random.js";
import type { StudyConfig } from "./config.js";
import type { Stage } from "./manifest.js";

/** A 32-bit stream number for a name (FNV-1a, then mixed): seeds are derived from names. */
function stream(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** The seed of a step: the study seed and the step's names, never its position in the run. */
export function stepSeed(seed: number, ...names: string[]): number {
  return deriveSeed(seed, ...names.map(stream));
}

/** What a running step may report (drives the progress bar). */
export type ProgressFn = (done: number, total: number) => void;

export interface StepContext {
  readonly config: StudyConfig;
  /** Absolute results folder. */
  readonly outDir: string;
  readonly threads: number;
  /** Write a file under the results folder atomically; returns its relative path. */
  write(relPath: string, data: string | Uint8Array): Promise<string>;
}

export interface StepOutput<T> {
  /** Files written, relative to the results folder. */
  readonly outputs: readonly string[];
  readonly data: T;
}

export interface Step<T = unknown> {
  readonly id: string;
  readonly stage: Stage;
  readonly label: string;
  readonly seed: number | null;
  /** Everything the result depends on; hashed (with the nnmotifs version) into the cache key. */
  readonly inputs: unknown;
  /** Show a progress bar (long step). */
  readonly long: boolean;
  run(ctx: StepContext, progress: ProgressFn): Promise<StepOutput<T>>;
}

export function makeContext(config: StudyConfig, outDir: string): StepContext {
  return {
    config,
    outDir,
    threads: config.threads === "auto" ? availableParallelism() : config.threads,
    async write(relPath, data) {
      await writeFileAtomic(join(outDir, relPath), data);
      return relPath;
    },
  };
}
