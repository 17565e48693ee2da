/** A Redis client for the queue, connected or failing with one clear line that shows no password. */
import { Redis } from "ioredis";
import { NnmotifsError } from "../core/errors.js";
import { redactQueueUrl, redisOptions, type QueueConnection } from "./connection.js";

/** How long the first connection may take before the command gives up. */
const CONNECT_MS = 5000;

/**
 * Connect and PING. Later disconnections are retried (a Redis restart mid-run resumes); only the
 * first connection must succeed within CONNECT_MS.
 */
export async function connectRedis(c: QueueConnection): Promise<Redis> {
  const redis = new Redis({ ...redisOptions(c), lazyConnect: true, connectTimeout: CONNECT_MS });
  let lastError = "";
  redis.on("error", (e: Error) => {
    lastError = e.message;
  });
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_r, reject) =>
        setTimeout(() => reject(new Error("timed out")), CONNECT_MS).unref(),
      ),
    ]);
  } catch (error) {
    redis.disconnect();
    const why = lastError || (error as Error).message;
    throw new NnmotifsError(
      `cannot reach the queue at ${c.display}: ${redactQueueUrl(why)}`,
      {},
      1,
    );
  }
  return redis;
}
