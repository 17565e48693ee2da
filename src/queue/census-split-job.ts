/** The worker side of `nnmotifs census --queue`: count one range of random networks. */
import type { Redis } from "ioredis";
import type { SandboxedJob } from "bullmq";
import type { ReplicatesJobData } from "./jobs.js";

export async function runReplicatesJob(
  _job: SandboxedJob<ReplicatesJobData>,
  _c: { redis: Redis; display: string },
): Promise<unknown> {
  throw new Error("replicate jobs are not supported by this worker yet");
}
