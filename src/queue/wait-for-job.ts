/**
 * Wait for a job's result, and put it back if it vanishes: a Redis that restarted without its
 * data (no persistence, or a new instance behind the same address) has forgotten the job, and
 * BullMQ would wait for it forever. Every `checkMs` the job is looked up; when it is gone,
 * `resubmit` adds it again (with its inputs) under the same id, whose completion the wait
 * started first still hears (its listeners are keyed by the job id).
 */
import type { Job, Queue, QueueEvents } from "bullmq";
import { JOB_ATTEMPTS } from "./jobs.js";

/** How often a waiting coordinator checks that its job still exists. */
export const JOB_CHECK_MS = 5000;

export async function waitForJob<R>(
  queue: Pick<Queue, "getJob">,
  events: QueueEvents,
  job: Job,
  resubmit: () => Promise<unknown>,
  checkMs = JOB_CHECK_MS,
): Promise<R> {
  const id = job.id ?? "";
  let settled = false;
  const result = (job.waitUntilFinished(events) as Promise<R>).finally(() => {
    settled = true;
  });
  const watch = async (): Promise<void> => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, checkMs).unref());
      if (settled) return;
      const found = await queue.getJob(id).catch(() => null);
      // null: the lookup failed (Redis away): try again at the next check.
      if (found === undefined && !settled) await resubmit().catch(() => {});
    }
  };
  void watch();
  return result;
}

/**
 * Adds job `id` to `queue` (a failed job of the same id is removed first, so that it runs again)
 * and waits for its result. A Redis that came back empty forgot the job and its task: `reupload`
 * puts the task back and the job goes up again.
 */
export async function submitAndWait<R>(
  queue: Queue,
  events: QueueEvents,
  job: { readonly id: string; readonly name: string; readonly data: unknown },
  reupload: () => Promise<unknown>,
): Promise<R> {
  const old = await queue.getJob(job.id);
  if (old !== undefined && (await old.getState()) === "failed") await old.remove();
  const add = () =>
    queue.add(job.name, job.data, {
      jobId: job.id,
      attempts: JOB_ATTEMPTS,
      backoff: { type: "fixed", delay: 500 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 24 * 3600 },
    });
  const added = await add();
  return waitForJob<R>(queue, events, added, async () => {
    await reupload();
    await add();
  });
}
