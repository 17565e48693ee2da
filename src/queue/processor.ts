/**
 * The job processor of `nnmotifs worker`, loaded by BullMQ in a worker thread of its own (a
 * sandboxed processor). Steps are CPU-bound and would block an event loop for seconds; in a thread
 * they leave the worker's main thread free to renew the job's lock, so a busy worker is never taken
 * for a dead one, while a worker killed with SIGKILL takes its threads with it and its job is
 * retried elsewhere (BullMQ's stalled-job check).
 *
 * The queue's address comes in the thread's environment (NNMOTIFS_QUEUE_URL), never in job data.
 */
import { Redis } from "ioredis";
import { UnrecoverableError, type SandboxedJob } from "bullmq";
import { NnmotifsError } from "../core/errors.js";
import { cacheKey, runStep } from "../study/executor.js";
import type { StudyPlan } from "../study/plan.js";
import { RedisStudyStore } from "../study/redis-store.js";
import type { StepRecord } from "../study/cache.js";
import { parseQueueUrl, redactQueueUrl, redisOptions } from "./connection.js";
import type { JobData, JobProgressValue, StepJobData, StepJobResult } from "./jobs.js";
import { INPUT_ERROR } from "./jobs.js";

let redis: Redis | null = null;

function connection(): { redis: Redis; display: string } {
  const url = process.env.NNMOTIFS_QUEUE_URL;
  if (url === undefined) throw new Error("worker thread without NNMOTIFS_QUEUE_URL");
  const c = parseQueueUrl(url);
  if (redis === null) {
    redis = new Redis(redisOptions(c));
    // ioredis retries by itself; a command that cannot complete fails the job (then retried).
    redis.on("error", () => {});
  }
  return { redis, display: c.display };
}

/** Progress at most every 250 ms (each update is a Redis write). */
function throttled(job: SandboxedJob): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < 250 && done < total) return;
    last = now;
    const value: JobProgressValue = { done, total };
    void job.updateProgress(value as unknown as number).catch(() => {});
  };
}

async function runStepJob(job: SandboxedJob<StepJobData>): Promise<StepJobResult> {
  const d = job.data;
  const { redis: r, display } = connection();
  const store = new RedisStudyStore(r, d.prefix, display);
  const plan: StudyPlan = { format: "nnmotifs-plan", version: 1, code: d.code, steps: [d.spec] };
  const records = new Map<string, StepRecord>(Object.entries(d.records));
  const key = cacheKey(plan, d.spec, records);
  // An earlier attempt may have finished the step and died before telling the queue: reuse it.
  const done = d.force && job.attemptsMade === 0 ? null : await store.lookup(d.spec.id, key);
  if (done !== null) return { record: done, ran: false };
  const threads = Number(process.env.NNMOTIFS_WORKER_THREADS ?? "1");
  const record = await runStep(plan, d.spec, store, records, {
    signal: new AbortController().signal,
    threads,
    autoThreads: false,
    progress: throttled(job),
  });
  await store.countRun(d.spec.id);
  return { record, ran: true };
}

export default async function processJob(job: SandboxedJob<JobData>): Promise<unknown> {
  try {
    if (job.data.type === "step") return await runStepJob(job as SandboxedJob<StepJobData>);
    if (job.data.type === "roots") {
      const { runRootsJob } = await import("./census-roots-job.js");
      return await runRootsJob(job as never, connection());
    }
    const { runReplicatesJob } = await import("./census-split-job.js");
    return await runReplicatesJob(job as never, connection());
  } catch (error) {
    // Bad input fails the same way on every worker: no retry, the message says what is wrong.
    if (error instanceof NnmotifsError && error.exitCode === 2) {
      throw new UnrecoverableError(INPUT_ERROR + redactQueueUrl(error.format()));
    }
    if (error instanceof Error) error.message = redactQueueUrl(error.message);
    throw error;
  }
}
