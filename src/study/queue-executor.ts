/**
 * The queue executor (issue 11): `nnmotifs study --queue redis://…` puts the plan's steps on a
 * BullMQ queue instead of running them, and `nnmotifs worker` processes run them on any machine
 * that sees the queue. The coordinator (this class) keeps the local results folder as the study's
 * store of record:
 *
 *   for each step whose inputs are done:
 *     local marker matches        → reused
 *     the queue's store holds it  → copied into the folder, reused (done by an earlier run)
 *     else: upload the inputs the step reads to the queue's store (redis-store.ts), enqueue a job
 *           (id = study . step . cache key), wait for it, copy its outputs into the folder and
 *           write the local marker (same hashes: the outputs are the same bytes).
 *
 * Dependencies are kept by enqueueing a step only when everything it reads is done, so the queue
 * holds only runnable jobs and any worker can take any of them. Outputs are content-addressed and a
 * job's id carries its cache key, so a changed input is a new job and a step finished once, by
 * whoever, is never redone. Jobs have bounded attempts; a worker that dies mid-job (SIGKILL) stops
 * renewing its lock and BullMQ's stalled-job check gives the job to another worker.
 */
import { Queue, QueueEvents, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { NnmotifsError } from "../core/errors.js";
import { parseQueueUrl, QUEUE_NAME, redactQueueUrl, redisOptions } from "../queue/connection.js";
import {
  INPUT_ERROR,
  JOB_ATTEMPTS,
  jobId,
  type JobProgressValue,
  type StepJobData,
  type StepJobResult,
} from "../queue/jobs.js";
import { connectRedis, watchConnection } from "../queue/redis-client.js";
import { waitForJob } from "../queue/wait-for-job.js";
import type { StepRecord } from "./cache.js";
import {
  cacheKey,
  cancelledError,
  type ExecuteOptions,
  type ExecutionResult,
  type StudyExecutor,
} from "./executor.js";
import type { Stage } from "./manifest.js";
import type { StepSpec, StudyPlan } from "./plan.js";
import { RedisStudyStore, studyPrefix } from "./redis-store.js";
import type { StudyStore } from "./store.js";

/** Where each step of the grid is. */
export type StepState = "waiting" | "queued" | "running" | "done" | "reused" | "failed";

/** Progress of the whole grid, per stage. */
export interface GridProgress {
  readonly stages: ReadonlyArray<{
    readonly stage: Stage;
    readonly total: number;
    readonly done: number;
    readonly running: number;
    readonly queued: number;
    readonly failed: number;
  }>;
}

export interface QueueExecutorOptions {
  /** `redis://…` or `rediss://…` (may hold a password: it is never printed). */
  readonly url: string;
  /** The study's identity on the queue (redis-store.ts `studyId`). */
  readonly studyId: string;
  readonly onGrid?: (progress: GridProgress) => void;
}

export class QueueExecutor implements StudyExecutor {
  constructor(private readonly options: QueueExecutorOptions) {}

  async execute(
    plan: StudyPlan,
    store: StudyStore,
    options: ExecuteOptions = {},
  ): Promise<ExecutionResult> {
    const c = parseQueueUrl(this.options.url);
    const redis = await connectRedis(c);
    const remote = new RedisStudyStore(redis, studyPrefix(this.options.studyId), c.display);
    const queue = new Queue<StepJobData, StepJobResult>(QUEUE_NAME, {
      connection: redisOptions(c),
    });
    const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(c) });
    // Every step waiting on the queue listens for the queue closing: not a leak.
    watchConnection(c.display, redis, [queue, events]);
    queue.setMaxListeners(plan.steps.length + 10);
    events.setMaxListeners(plan.steps.length + 10);
    try {
      await events.waitUntilReady();
      const run = new QueueRun(plan, store, remote, queue, events, this.options, options);
      return await run.execute();
    } finally {
      await events.close().catch(() => {});
      await queue.close().catch(() => {});
      await quit(redis);
    }
  }
}

async function quit(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

/** One execution of a plan on the queue. */
class QueueRun {
  private readonly records = new Map<string, StepRecord>();
  private readonly state = new Map<string, StepState>();
  private readonly byJob = new Map<string, StepSpec>();
  private readonly stageStart = new Map<Stage, number>();
  private ran = 0;
  private reused = 0;
  private readonly emit: NonNullable<ExecuteOptions["onEvent"]>;
  private readonly signal: AbortSignal;

  constructor(
    private readonly plan: StudyPlan,
    private readonly local: StudyStore,
    private readonly remote: RedisStudyStore,
    private readonly queue: Queue<StepJobData, StepJobResult>,
    private readonly events: QueueEvents,
    private readonly options: QueueExecutorOptions,
    private readonly exec: ExecuteOptions,
  ) {
    this.emit = exec.onEvent ?? (() => {});
    this.signal = exec.signal ?? new AbortController().signal;
    for (const spec of plan.steps) this.state.set(spec.id, "waiting");
  }

  async execute(): Promise<ExecutionResult> {
    this.events.on("active", ({ jobId: id }) => this.setState(id, "running"));
    this.events.on("progress", ({ jobId: id, data }) => {
      const spec = this.byJob.get(id);
      const p = data as unknown as JobProgressValue;
      if (spec !== undefined && typeof p === "object" && p !== null && "done" in p) {
        this.emit({ type: "progress", id: spec.id, done: p.done, total: p.total });
      }
    });
    const started = new Set<string>();
    const inflight = new Map<string, Promise<void>>();
    let failure: unknown = null;
    const aborted = new Promise<void>((resolve) => {
      if (this.signal.aborted) resolve();
      this.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    this.report();
    while (this.records.size < this.plan.steps.length && failure === null) {
      if (this.signal.aborted) break;
      for (const spec of this.plan.steps) {
        if (started.has(spec.id)) continue;
        if (!Object.values(spec.inputs).every((i) => this.records.has(i.step))) continue;
        started.add(spec.id);
        const p = this.runOne(spec)
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inflight.delete(spec.id));
        inflight.set(spec.id, p);
      }
      if (inflight.size === 0) throw new Error("queue executor: no step can start (plan order?)");
      await Promise.race([...inflight.values(), aborted]);
    }
    if (failure !== null || this.signal.aborted) {
      await this.withdrawWaiting();
      if (this.signal.aborted) throw cancelledError();
      throw failure;
    }
    return { records: this.records, ran: this.ran, reused: this.reused };
  }

  private async runOne(spec: StepSpec): Promise<void> {
    this.startStage(spec.stage);
    const t0 = performance.now();
    this.emit({ type: "start", id: spec.id, label: spec.label, long: false });
    const key = cacheKey(this.plan, spec, this.records);
    const force = this.exec.force ?? false;
    let record = force ? null : await this.local.lookup(spec.id, key);
    let reused = record !== null;
    if (record === null && !force) {
      const done = await this.remote.lookup(spec.id, key);
      if (done !== null) {
        record = await this.materialise(spec, key, done);
        reused = true;
      }
    }
    if (record === null) {
      this.setStepState(spec.id, "queued");
      const result = await this.enqueue(spec, key, force);
      record = await this.materialise(spec, key, result.record);
      this.ran++;
    } else this.reused++;
    this.records.set(spec.id, record);
    this.setStepState(spec.id, reused ? "reused" : "done");
    this.emit({
      type: "finish",
      id: spec.id,
      label: spec.label,
      reused,
      seconds: reused ? record.seconds : (performance.now() - t0) / 1000,
      step: {
        id: spec.id,
        stage: spec.stage,
        seed: spec.seed,
        inputHash: key,
        outputHash: record.outputHash,
        outputs: record.outputs,
        reused,
        seconds: record.seconds,
      },
    });
    this.endStageIfDone(spec.stage);
  }

  /** Put one step on the queue and wait for its result. */
  private async enqueue(spec: StepSpec, key: string, force: boolean): Promise<StepJobResult> {
    await this.uploadInputs(spec);
    const records: Record<string, StepRecord> = {};
    for (const input of Object.values(spec.inputs)) {
      const r = this.records.get(input.step);
      if (r !== undefined) records[input.step] = r;
    }
    const id = jobId(this.options.studyId, spec.id, key);
    this.byJob.set(id, spec);
    // A finished job of an earlier run with the same id would swallow the new one: remove it.
    const old = await this.queue.getJob(id);
    if (old !== undefined) {
      const state = await old.getState();
      if (state === "completed" || state === "failed") await old.remove().catch(() => {});
    }
    const add = (): Promise<Job<StepJobData, StepJobResult>> =>
      this.queue.add(
        spec.kind,
        {
          type: "step",
          prefix: this.remote.prefix,
          code: this.plan.code,
          spec,
          records,
          force,
        },
        {
          jobId: id,
          attempts: JOB_ATTEMPTS,
          backoff: { type: "fixed", delay: 500 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    const job = await add();
    try {
      // A Redis that came back empty forgot the job and the inputs: both go up again.
      return await waitForJob<StepJobResult>(this.queue, this.events, job, async () => {
        await this.uploadInputs(spec);
        await add();
      });
    } catch (error) {
      this.setStepState(spec.id, "failed");
      this.emit({ type: "failed", id: spec.id });
      throw await failureOf(spec, this.queue, job, error);
    }
  }

  /** Make sure the queue's store holds every file the step reads (steps reused from the folder). */
  private async uploadInputs(spec: StepSpec): Promise<void> {
    for (const input of Object.values(spec.inputs)) {
      if (input.output === null) continue;
      const hash = this.records.get(input.step)?.outputs[input.output];
      if (hash === undefined) continue;
      if (await this.remote.holds(input.output, hash)) continue;
      await this.remote.write(input.output, await this.local.readBytes(input.output));
    }
  }

  /** Copy a finished step's outputs into the results folder and write its local marker. */
  private async materialise(spec: StepSpec, key: string, done: StepRecord): Promise<StepRecord> {
    for (const file of Object.keys(done.outputs)) {
      await this.local.write(file, await this.remote.readBytes(file));
    }
    const record = await this.local.complete(
      spec.id,
      key,
      Object.keys(done.outputs),
      done.seconds,
      done.data,
    );
    if (record.outputHash !== done.outputHash) {
      throw new Error(`${spec.id}: outputs changed on the way from the queue's store`);
    }
    return record;
  }

  /** Take our jobs that no worker has started off the queue (failure or cancellation). */
  private async withdrawWaiting(): Promise<void> {
    for (const id of this.byJob.keys()) {
      const job = await this.queue.getJob(id).catch(() => undefined);
      if (job === undefined) continue;
      const state = await job.getState().catch(() => "unknown");
      if (state === "waiting" || state === "delayed" || state === "prioritized") {
        await job.remove().catch(() => {});
      }
    }
  }

  private setState(jobIdText: string, state: StepState): void {
    const spec = this.byJob.get(jobIdText);
    if (spec !== undefined && this.state.get(spec.id) === "queued") {
      this.setStepState(spec.id, state);
    }
  }

  private setStepState(id: string, state: StepState): void {
    this.state.set(id, state);
    this.report();
  }

  private report(): void {
    if (this.options.onGrid === undefined) return;
    const stages = [...new Set(this.plan.steps.map((s) => s.stage))].map((stage) => {
      const states = this.plan.steps
        .filter((s) => s.stage === stage)
        .map((s) => this.state.get(s.id));
      const n = (...which: StepState[]): number =>
        states.filter((s) => s !== undefined && which.includes(s)).length;
      return {
        stage,
        total: states.length,
        done: n("done", "reused"),
        running: n("running"),
        queued: n("queued"),
        failed: n("failed"),
      };
    });
    this.options.onGrid({ stages });
  }

  private startStage(stage: Stage): void {
    if (this.stageStart.has(stage)) return;
    this.stageStart.set(stage, performance.now());
    this.emit({
      type: "stage",
      stage,
      steps: this.plan.steps.filter((s) => s.stage === stage).length,
    });
  }

  private endStageIfDone(stage: Stage): void {
    if (this.plan.steps.some((s) => s.stage === stage && !this.records.has(s.id))) return;
    const t0 = this.stageStart.get(stage) ?? performance.now();
    this.emit({ type: "stage-end", stage, seconds: (performance.now() - t0) / 1000 });
  }
}

/** The message of a job that failed for good: the step, the attempts, the reason. */
async function failureOf(
  spec: StepSpec,
  queue: Queue<StepJobData, StepJobResult>,
  job: Job<StepJobData, StepJobResult>,
  error: unknown,
): Promise<NnmotifsError> {
  const reason = redactQueueUrl(error instanceof Error ? error.message : String(error));
  if (reason.startsWith(INPUT_ERROR)) {
    return new NnmotifsError(`${spec.label}: ${reason.slice(INPUT_ERROR.length)}`);
  }
  const fresh = await queue.getJob(job.id ?? "").catch(() => undefined);
  const attempts = fresh?.attemptsMade ?? JOB_ATTEMPTS;
  const stalled = /stalled/i.test(reason) ? " (its worker died while running it)" : "";
  return new NnmotifsError(
    `${spec.label}: failed on the queue after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${reason}${stalled}`,
    {},
    1,
  );
}

/** "train 2/2 · graphs 1/2 (1 running) · census 3/12 (3 running, 6 queued, 1 failed)" */
export function formatGrid(g: GridProgress): string {
  return g.stages
    .map((s) => {
      const extra = [
        s.running > 0 ? `${s.running} running` : "",
        s.queued > 0 ? `${s.queued} queued` : "",
        s.failed > 0 ? `${s.failed} failed` : "",
      ].filter((x) => x !== "");
      return `${s.stage} ${s.done}/${s.total}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
    })
    .join(" · ");
}
