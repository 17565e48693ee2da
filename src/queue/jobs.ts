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
  /** The plan's code version (part of every cache key). */
  readonly code: string;
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

export type JobData = StepJobData | ReplicatesJobData;

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
