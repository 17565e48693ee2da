/**
 * `nnmotifs queue status|drain|clean --queue redis://…`: look after the job queue.
 *   status  jobs by state, workers connected, jobs per study, each study store's manifest status
 *   drain   remove the jobs no worker has started (running ones finish; coordinators then fail)
 *   clean   remove finished and failed jobs; with --stores also every study's artefacts in Redis
 */
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";

interface QueueCliOptions {
  queue: string;
  stores?: boolean;
}

const ACTIONS = ["status", "drain", "clean"] as const;

export function register(program: Command): void {
  program
    .command("queue")
    .description("job queue: status (jobs, workers, studies), drain (drop waiting jobs), clean")
    .argument("<action>", ACTIONS.join(" | "))
    .requiredOption(
      "--queue <url>",
      "the queue: redis://[user:password@]host:port[/db] or rediss://",
    )
    .option("--stores", "clean: also delete every study's artefacts kept in Redis")
    .action(async (action: string, opts: QueueCliOptions) => {
      await queueAction(action, opts);
    });
}

async function queueAction(action: string, opts: QueueCliOptions): Promise<void> {
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new NnmotifsError(`invalid action "${action}". Should be one of: ${ACTIONS.join(", ")}.`);
  }
  const { parseQueueUrl, redisOptions, QUEUE_NAME } = await import("../queue/connection.js");
  const c = parseQueueUrl(opts.queue);
  const { connectRedis } = await import("../queue/redis-client.js");
  const redis = await connectRedis(c);
  const { Queue } = await import("bullmq");
  const { scanKeys, deleteKeys } = await import("../study/redis-store.js");
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(c) });
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  try {
    if (action === "status") {
      const counts = await queue.getJobCounts(
        "waiting",
        "active",
        "delayed",
        "prioritized",
        "completed",
        "failed",
      );
      const workers = await queue.getWorkers();
      out(`queue ${QUEUE_NAME} on ${c.display}: ${workers.length} worker connection(s)`);
      out(
        "jobs: " +
          Object.entries(counts)
            .map(([state, n]) => `${n} ${state}`)
            .join(", "),
      );
      // Jobs per study (a job id is <study>.<step>.<key>).
      const perStudy = new Map<string, Record<string, number>>();
      for (const state of ["active", "waiting", "failed"] as const) {
        for (const job of await queue.getJobs([state], 0, 9999)) {
          const study = (job.id ?? "").split(".")[0];
          const row = perStudy.get(study) ?? {};
          row[state] = (row[state] ?? 0) + 1;
          perStudy.set(study, row);
        }
      }
      // Studies with artefacts in Redis: finished steps per study.
      const finished = new Map<string, number>();
      for (const key of await scanKeys(redis, "nnmotifs:study:*:marker:*")) {
        const id = key.split(":")[2] ?? "";
        finished.set(id, (finished.get(id) ?? 0) + 1);
      }
      for (const id of [...new Set([...perStudy.keys(), ...finished.keys()])].sort()) {
        const row = perStudy.get(id) ?? {};
        out(
          `  study ${id}: ${row.active ?? 0} running, ${row.waiting ?? 0} waiting, ` +
            `${row.failed ?? 0} failed; ${finished.get(id) ?? 0} steps finished in Redis`,
        );
      }
    } else if (action === "drain") {
      const before = await queue.getWaitingCount();
      await queue.drain(true);
      out(`drained ${before} waiting job(s); running jobs finish`);
    } else {
      const completed = await queue.clean(0, 100_000, "completed");
      const failed = await queue.clean(0, 100_000, "failed");
      out(`removed ${completed.length} completed and ${failed.length} failed job(s)`);
      if (opts.stores) {
        const n =
          (await deleteKeys(redis, "nnmotifs:study:*")) +
          (await deleteKeys(redis, "nnmotifs:census:*"));
        out(`removed ${n} key(s) of study stores and census tasks`);
      }
    }
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}
