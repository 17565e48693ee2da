/**
 * waitForJob(queue, events, job, resubmit): a job that vanished from Redis is put back (once per
 * check that finds it gone), a job that is still there is left alone, and the result is the job's.
 */
import type { Job, QueueEvents } from "bullmq";
import { describe, expect, it } from "vitest";
import { waitForJob } from "../../src/queue/wait-for-job.js";

/** A job whose result arrives when `finish` is called; the queue holds it while `present`. */
function fakes(): {
  job: Job;
  queue: { getJob: (id: string) => Promise<Job | undefined> };
  state: { present: boolean; lookups: number };
  finish: (value: string) => void;
} {
  let finish: (value: string) => void = () => {};
  const done = new Promise<string>((resolve) => (finish = resolve));
  const state = { present: true, lookups: 0 };
  const job = { id: "s.step.key", waitUntilFinished: () => done } as unknown as Job;
  const queue = {
    getJob: async () => {
      state.lookups++;
      return state.present ? job : undefined;
    },
  };
  return { job, queue, state, finish };
}

const events = {} as QueueEvents;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("waitForJob", () => {
  it("puts a vanished job back and returns the result of the new one", async () => {
    const { job, queue, state, finish } = fakes();
    let resubmitted = 0;
    const result = waitForJob<string>(
      queue,
      events,
      job,
      async () => {
        resubmitted++;
        state.present = true;
        setTimeout(() => finish("counts"), 5);
      },
      10,
    );
    await sleep(25);
    expect(resubmitted).toBe(0); // still there: left alone
    state.present = false; // Redis came back empty
    expect(await result).toBe("counts");
    expect(resubmitted).toBe(1);
    const lookups = state.lookups;
    await sleep(40);
    expect(state.lookups).toBe(lookups); // no more checks once the job finished
  });
});
