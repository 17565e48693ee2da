/**
 * Wait for a job's result, and put it back if it vanishes: a Redis that restarted without its
 * data (no persistence, or a new instance behind the same address) has forgotten the job, and
 * BullMQ would wait for it forever. Every `checkMs` the job is looked up; when it is gone,
 * `resubmit` adds it again (with its inputs) under the same id, whose completion the wait
 * started first still hears (its listeners are keyed by the job id).
 */
import type { Job, Queue, QueueEvents } from "bullmq";

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
