/**
 * Failures on the queue: a step whose job keeps failing is tried a bounded number of times, then
 * the study stops with the step named; bad input fails at once (exit code 2). The workers here are
 * in-process BullMQ workers with a failing processor, so no step computes anything.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { QUEUE_NAME } from "../../src/queue/connection.js";
import { INPUT_ERROR, JOB_ATTEMPTS } from "../../src/queue/jobs.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { QueueExecutor } from "../../src/study/queue-executor.js";
import { studyId } from "../../src/study/redis-store.js";
import { runStudy } from "../../src/study/run-study.js";
import { REDIS_SERVER, skipNote, startRedis, type RedisServer } from "./redis-server.js";

skipNote("test/queue/failures.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;
const PASSWORD = "pw-never-shown-42";

withRedis("queue failures", () => {
  let redis: RedisServer;
  const root = mkdtempSync(join(tmpdir(), "nnmotifs-queue-fail-"));
  beforeAll(async () => {
    redis = await startRedis(PASSWORD);
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const study = async (
    name: string,
    fail: () => never,
  ): Promise<{ error: NnmotifsError; attempts: number[] }> => {
    const config = resolveStudyConfig({
      seeds: 1,
      snapshots: [],
      data: ["tree"],
      network: { hidden: [4], inits: ["normal"] },
      training: { epochs: 1 },
      motifs: { sizes: [3], randomNetworks: 2 },
      sensitivity: { cutoffs: [] },
      // Off: reference censuses need no upstream step, so they would be queued (and fail)
      // beside the first training.
      biology: { networks: [] },
      out: join(root, name),
    });
    const attempts: number[] = [];
    const worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        attempts.push(job.attemptsMade);
        fail();
      },
      {
        connection: {
          host: "127.0.0.1",
          port: redis.port,
          password: PASSWORD,
          maxRetriesPerRequest: null,
        },
      },
    );
    try {
      const executor = new QueueExecutor({ url: redis.url, studyId: studyId(config.out, config) });
      const error = await runStudy(config, { executor }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NnmotifsError);
      if ((error as NnmotifsError).exitCode === 2) {
        // A first run that failed on bad input leaves nothing behind (as locally).
        expect(existsSync(config.out)).toBe(false);
      } else {
        const manifest = readFileSync(join(config.out, "manifest.json"), "utf8");
        expect(manifest).not.toContain(PASSWORD);
        expect(JSON.parse(manifest)).toMatchObject({
          status: "failed",
          failedStep: "train-tree-normal@4-s1",
        });
      }
      return { error: error as NnmotifsError, attempts };
    } finally {
      await worker.close();
    }
  };

  it("a job that keeps failing: bounded attempts, then the step is named", async () => {
    const { error, attempts } = await study("boom", () => {
      throw new Error(`boom at redis://:${PASSWORD}@10.0.0.1:6379`);
    });
    expect(attempts).toEqual([...Array(JOB_ATTEMPTS).keys()]);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      new RegExp(
        `^train tree × normal \\(4, seed 1\\): failed on the queue after ${JOB_ATTEMPTS} attempts: boom`,
      ),
    );
    expect(error.message).not.toContain(PASSWORD);
  });

  it("bad input fails at once, exit code 2, without retries", async () => {
    const { error, attempts } = await study("bad", () => {
      throw new UnrecoverableError(`${INPUT_ERROR}data/x.csv:3: not a number`);
    });
    expect(attempts).toEqual([0]);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("train tree × normal (4, seed 1): data/x.csv:3: not a number");
  });
});
