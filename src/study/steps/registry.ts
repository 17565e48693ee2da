/**
 * The step kinds of a study, by name. A step kind runs one step spec (plan.ts): it gets the spec's
 * parameters, reads its inputs through the context (never the disk), writes its outputs through the
 * context, and returns the keys it wrote and a small summary. Adding a kind is one file here and one
 * line in `STEP_KINDS` (and a `StepKindName`).
 */
import type { StepKindName, StepSpec } from "../plan.js";
import type { StepRecord } from "../cache.js";
import { analysisKind } from "./analysis.js";
import { censusKind } from "./census.js";
import { graphsKind } from "./graphs.js";
import { referenceKind } from "./reference.js";
import { reportKind } from "./report.js";
import { trainKind } from "./train.js";
import { weightedKind } from "./weighted.js";

/** What a running step may use: its inputs, the store (through `write`), the signal, progress. */
export interface StepContext {
  /** The bytes of an input by name (an upstream step's output). */
  readText(input: string): Promise<string>;
  readBytes(input: string): Promise<Uint8Array>;
  /** The record of an upstream step named by an input (its summary `data`, output hashes, time). */
  record<T = unknown>(input: string): StepRecord<T>;
  /** Write an output atomically under its key; returns the key. */
  write(key: string, data: string | Uint8Array): Promise<string>;
  /** A local folder for libraries that only write files; `collect` stores what is in it. */
  scratch(): Promise<string>;
  collect(dir: string, prefix: string): Promise<string[]>;
  /** Census worker threads (does not change results). */
  readonly threads: number;
  /** Whether the study asked for as many threads as there are cores ("auto"). */
  readonly autoThreads: boolean;
  readonly signal: AbortSignal;
  progress(done: number, total: number): void;
}

export interface StepOutput<D = unknown> {
  /** Keys written. */
  readonly outputs: readonly string[];
  readonly data: D;
}

export interface StepKind<P = never, D = unknown> {
  run(spec: StepSpec<P>, ctx: StepContext): Promise<StepOutput<D>>;
}

export const STEP_KINDS: { readonly [K in StepKindName]: StepKind<never> } = {
  train: trainKind,
  graphs: graphsKind,
  census: censusKind,
  weighted: weightedKind,
  reference: referenceKind,
  analysis: analysisKind,
  report: reportKind,
};

/** Run a spec with its kind. */
export function runStepSpec(spec: StepSpec, ctx: StepContext): Promise<StepOutput> {
  const kind = STEP_KINDS[spec.kind] as unknown as StepKind<Record<string, unknown>>;
  return kind.run(spec, ctx);
}
