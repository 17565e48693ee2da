/**
 * Keys on the queue: two studies running at once on one queue do not mix (each gives its local
 * results), and a step whose input changed is a new job, never a reused one — even in the same
 * study store, where the unchanged upstream steps are reused. The workers are in-process BullMQ
 * workers with the real processor (queue/processor.ts), so no CLI is needed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker, type Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareResults } from "../../bench/compare-results.js";
import { parseQueueUrl, QUEUE_NAME, redisOptions } from "../../src/queue/connection.js";
import type { StepJobData, StepJobResult } from "../../src/queue/jobs.js";
import processJob from "../../src/queue/processor.js";
import { resolveStudyConfig, type StudyConfig } from "../../src/study/config.js";
import { QueueExecutor } from "../../src/study/queue-executor.js";
import { studyId } from "../../src/study/redis-store.js";
import { runStudy } from "../../src/study/run-study.js";
import { REDIS_SERVER, skipNote, startRedis, type RedisServer } from "./redis-server.js";

skipNote("test/queue/isolation.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;

const TINY = {
  data: ["tree"],
  network: { hidden: [8], inits: ["normal"] },
  training: { epochs: 1 },
  motifs: { sizes: [3], randomNetworks: 10, nulls: ["switch", "layered"] },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [] },
  density: { sizes: [] },
  threads: 1,
  // One replicate, no snapshots, no reference networks: the one-seed grid these tests count.
  seeds: 1,
  snapshots: [],
  biology: { networks: [] },
};

withRedis("studies and inputs on one queue", () => {
  const root = mkdtempSync(join(tmpdir(), "nnmotifs-queue-keys-"));
  let redis: RedisServer;
  let worker: Worker<StepJobData, StepJobResult>;
  /** Steps the workers finished, with whether they computed them. */
  const finished: Array<{ prefix: string; step: string; ran: boolean }> = [];
  const saved = process.env.NNMOTIFS_QUEUE_URL;

  beforeAll(async () => {
    redis = await startRedis("keys-pw-31");
    process.env.NNMOTIFS_QUEUE_URL = redis.url;
    worker = new Worker(QUEUE_NAME, processJob as never, {
      connection: redisOptions(parseQueueUrl(redis.url)),
      concurrency: 2,
    });
    worker.on("completed", (job: Job<StepJobData, StepJobResult>, result: StepJobResult) => {
      finished.push({ prefix: job.data.prefix, step: job.data.spec.id, ran: result.ran });
    });
    await worker.waitUntilReady();
  });
  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    if (saved === undefined) delete process.env.NNMOTIFS_QUEUE_URL;
    else process.env.NNMOTIFS_QUEUE_URL = saved;
    rmSync(root, { recursive: true, force: true });
  });

  const config = (name: string, extra: object = {}): StudyConfig =>
    resolveStudyConfig({ ...TINY, ...extra, out: join(root, name) });
  const onQueue = (c: StudyConfig, id = studyId(c.out, c)) =>
    runStudy(c, { executor: new QueueExecutor({ url: redis.url, studyId: id }) });

  it("two studies at once on one queue: each gives its local results", async () => {
    const a = config("a");
    const b = config("b", { seed: 2 });
    await runStudy(config("a-local"));
    await runStudy(config("b-local", { seed: 2 }));
    const [ra, rb] = await Promise.all([onQueue(a), onQueue(b)]);
    expect([ra.ran, rb.ran]).toEqual([8, 8]);
    for (const [queued, local] of [
      [a.out, join(root, "a-local")],
      [b.out, join(root, "b-local")],
    ]) {
      const { ok, lines } = compareResults(local, queued);
      expect(ok, lines.join("\n")).toBe(true);
    }
    // Each study's jobs ran in its own store, every step once.
    const prefixes = new Set(finished.map((f) => f.prefix));
    expect(prefixes.size).toBe(2);
    for (const p of prefixes) expect(finished.filter((f) => f.prefix === p).length).toBe(8);
  });

  it("a changed input is a new job, in the same study store; unchanged steps are reused", async () => {
    const shared = "shared-store-test";
    const before = config("c");
    await onQueue(before, shared);
    finished.length = 0;
    // More random networks: the census steps' inputs change, training and graphs do not.
    const after = config("c2", {
      motifs: { sizes: [3], randomNetworks: 12, nulls: ["switch", "layered"] },
    });
    await runStudy(
      config("c2-local", {
        motifs: { sizes: [3], randomNetworks: 12, nulls: ["switch", "layered"] },
      }),
    );
    const outcome = await onQueue(after, shared);
    const ran = finished.filter((f) => f.ran).map((f) => f.step.replace(/-.*/, ""));
    expect(ran.sort()).toEqual(["analysis", "census", "census", "census", "census", "report"]);
    expect(finished.every((f) => f.ran)).toBe(true);
    expect(outcome.reused).toBe(2); // train and graphs, from the queue's store
    const { ok, lines } = compareResults(join(root, "c2-local"), after.out);
    expect(ok, lines.join("\n")).toBe(true);
  });
});
