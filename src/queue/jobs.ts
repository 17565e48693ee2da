/**
 * The jobs nnmotifs puts on the queue: plain JSON, no password, everything a worker on another
 * machine needs besides the queue's store. A job id names its study, its step and its cache key,
 * so a job of one study is never taken for another's and a changed input is a new job.
 */
import type { StepRecord } from "../study/cache.js";
import type { StepSpec } from "../study/plan.js";

/** Run one study step (a spec of the plan) against the study's Redis store. */
export interface StepJobData {
  readonly type: "step";
  /** Store prefix of the study (`nnmotifs:study:<id>`). */
  readonly prefix: string;
  /** The plan's code version per step kind (part of every cache key). */
  readonly code: Readonly<Record<string, string>>;
  readonly spec: StepSpec;
  /** Records of the upstream steps the spec reads, by step id. */
  readonly records: Readonly<Record<string, StepRecord>>;
  /** Redo even when the store holds a finished step with the same key. */
  readonly force: boolean;
}

export interface StepJobResult {
  readonly record: StepRecord;
  /** False when the store already held the finished step (another worker's earlier attempt). */
  readonly ran: boolean;
}

/** Count random networks [first, first + count) of one census (`nnmotifs census --queue`). */
export interface ReplicatesJobData {
  readonly type: "replicates";
  /** `nnmotifs:census:<hash of the task>`; the task (graph, null, keys…) is `<prefix>:task`. */
  readonly prefix: string;
  readonly first: number;
  readonly count: number;
}

/**
 * Count one part of the ESU roots of one graph (`nnmotifs census --queue --split-roots`): the
 * original (`network` −1) or random network `network`, made by the worker from the task.
 */
export interface RootsJobData {
  readonly type: "roots";
  /** `nnmotifs:roots:<hash of the task>`; the task is `<prefix>:task`. */
  readonly prefix: string;
  readonly network: number;
  /**
   * The part: ESU units (root, first child, end child) as a flat list (motifs/esu-units.ts), or
   * the whole roots [first, end) (a random network's part: a few bytes per job).
   */
  readonly units: number[] | { readonly first: number; readonly end: number };
}

/** The counts of one part: every class it met (parts of one graph add up). */
export interface RootsJobResult {
  readonly network: number;
  readonly total: number;
  readonly keys: string[];
  readonly counts: number[];
  /** The random network's switching tries and successes (the same in every part). */
  readonly tries: number;
  readonly successes: number;
}

export type JobData = StepJobData | ReplicatesJobData | RootsJobData;

/** Progress a job reports (BullMQ stores it as JSON). */
export interface JobProgressValue {
  readonly done: number;
  readonly total: number;
}

/** BullMQ job ids may not contain ":"; our ids are `<study>.<name>.<key>`. */
export function jobId(study: string, name: string, key: string): string {
  return `${study}.${name}.${key.slice(0, 16)}`.replace(/:/g, "_");
}

/** Bounded retries of a job that failed or whose worker died (then the step fails, named). */
export const JOB_ATTEMPTS = 3;

/** Prefix of the failure reason of a job that failed on bad input (not retried; exit code 2). */
export const INPUT_ERROR = "bad input: ";
