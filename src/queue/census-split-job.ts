/** The worker side of `nnmotifs census --queue`: count one range of random networks. */
import type { Redis } from "ioredis";
import type { SandboxedJob } from "bullmq";
import {
  replicateTallies,
  tallyJson,
  taskFromJson,
  type ReplicateTask,
  type TalliesJson,
} from "./census-split.js";
import type { ReplicatesJobData } from "./jobs.js";

// The last task of this thread: the ranges of one census share it (and its prepared switching).
let last: { prefix: string; task: ReplicateTask } | null = null;

export async function runReplicatesJob(
  job: SandboxedJob<ReplicatesJobData>,
  c: { redis: Redis; display: string },
): Promise<TalliesJson> {
  const d = job.data;
  if (last?.prefix !== d.prefix) {
    const text = await c.redis.get(`${d.prefix}:task`);
    if (text === null) throw new Error(`census task ${d.prefix} is not in the queue's store`);
    last = { prefix: d.prefix, task: taskFromJson(JSON.parse(text)) };
  }
  return tallyJson(replicateTallies(last.task, d.first, d.count));
}
