/**
 * `nnmotifs worker --queue redis://…`: run study steps (and census replicate ranges) from the queue,
 * on any machine that reaches it. Steps run in worker threads (queue/processor.ts) so that this
 * process keeps renewing the locks of its jobs; Ctrl-C / SIGTERM finish the running jobs first.
 */
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";

interface WorkerCliOptions {
  queue: string;
  concurrency: string;
  threads: string;
  lockMs: string;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command("worker")
    .description("run study steps and census jobs from a job queue (start one per machine)")
    .requiredOption(
      "--queue <url>",
      "the queue: redis://[user:password@]host:port[/db] or rediss://",
    )
    .option("--concurrency <n>", "jobs at a time (each in its own thread)", "1")
    .option("--threads <n>", "census threads per job (results do not depend on it)", "1")
    .option(
      "--lock-ms <ms>",
      "job lock time: a worker silent this long is taken for dead and its job retried",
      "30000",
    )
    .option("-q, --quiet", "print nothing but errors")
    .action(async (opts: WorkerCliOptions) => {
      await workerAction(opts);
    });
}

function integer(name: string, text: string, min: number, max: number): number {
  const v = Number(text);
  if (!/^\d+$/.test(text) || v < min || v > max) {
    throw new NnmotifsError(`invalid --${name} "${text}". Should be an integer ${min}..${max}.`);
  }
  return v;
}

async function workerAction(opts: WorkerCliOptions): Promise<void> {
  const { parseQueueUrl, redisOptions, QUEUE_NAME, redactQueueUrl } =
    await import("../queue/connection.js");
  const c = parseQueueUrl(opts.queue);
  const concurrency = integer("concurrency", opts.concurrency, 1, 256);
  const threads = integer("threads", opts.threads, 1, 256);
  const lockMs = integer("lock-ms", opts.lockMs, 500, 3_600_000);
  const { connectRedis } = await import("../queue/redis-client.js");
  await (await connectRedis(c)).quit(); // fail now, clearly, when the queue is out of reach
  const { Worker } = await import("bullmq");
  const { fileURLToPath } = await import("node:url");
  const { hostname } = await import("node:os");
  const say = (line: string): void => {
    if (!opts.quiet) process.stderr.write(`${redactQueueUrl(line)}\n`);
  };
  const processor = fileURLToPath(new URL("../queue/processor.js", import.meta.url));
  const worker = new Worker(QUEUE_NAME, processor, {
    connection: redisOptions(c),
    concurrency,
    useWorkerThreads: true,
    workerThreadsOptions: {
      env: {
        ...process.env,
        NNMOTIFS_QUEUE_URL: opts.queue,
        NNMOTIFS_WORKER_THREADS: String(threads),
      },
    },
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker died is retried; dying twice more fails it (then the step is named).
    maxStalledCount: 2,
  });
  const label = (job: { name: string; data: unknown }): string => {
    const d = job.data as { spec?: { label?: string }; first?: number; count?: number };
    return (
      d.spec?.label ??
      `${job.name} ${String(d.first)}..${String((d.first ?? 0) + (d.count ?? 0) - 1)}`
    );
  };
  const started = new Map<string, number>();
  worker.on("active", (job) => {
    started.set(job.id ?? "", performance.now());
    say(`▶ ${label(job)}${job.attemptsMade > 0 ? ` (attempt ${job.attemptsMade + 1})` : ""}`);
  });
  worker.on("completed", (job) => {
    const t = (performance.now() - (started.get(job.id ?? "") ?? performance.now())) / 1000;
    say(`✓ ${label(job)}  ${t.toFixed(1)} s`);
  });
  worker.on("failed", (job, error) => {
    say(`✗ ${job === undefined ? "a job" : label(job)}: ${error.message}`);
  });
  worker.on("error", (error) => say(`queue error: ${error.message}`));
  await worker.waitUntilReady();
  say(
    `nnmotifs worker ${hostname()}:${process.pid} on ${c.display} (queue ${QUEUE_NAME}, ` +
      `concurrency ${concurrency}); Ctrl-C stops after the running jobs`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) process.exit(130);
      stopping = true;
      say("stopping after the running jobs… (Ctrl-C again to quit at once)");
      void worker.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
