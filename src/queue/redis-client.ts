/** A Redis client for the queue, connected or failing with one clear line that shows no password. */
import { Redis } from "ioredis";
import { NnmotifsError } from "../core/errors.js";
import { log } from "../core/log.js";
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

/** Anything that emits a connection's "error" (ioredis clients, BullMQ queues and queue events). */
interface ErrorEmitter {
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Keep a coordinator calm through a Redis outage: the clients retry by themselves (ioredis
 * reconnects; `maxRetriesPerRequest: null` keeps commands waiting), so an error is one warning
 * per outage, not a stack trace per client and retry, and the return is one note. `redis` is the
 * coordinator's own client, whose "ready" says the queue is back.
 */
export function watchConnection(
  display: string,
  redis: Redis,
  others: readonly ErrorEmitter[],
): void {
  let lost = false;
  const onError = (error: Error): void => {
    if (lost) return;
    lost = true;
    log().warn(
      `lost the queue at ${display} (${redactQueueUrl(error.message)}); waiting for it to come back`,
    );
  };
  redis.on("error", onError);
  for (const e of others) e.on("error", onError);
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    log().info(`the queue at ${display} is back`);
  });
}
