/**
 * One huge census across workers (`nnmotifs census … --queue URL --split-roots N|auto`): the ESU
 * roots of the original graph, and of each random network, are cut into N parts
 * (motifs/esu-units.ts), each part a job. A part's counts are exact integers and every subgraph
 * is in one part, so the sums are the local census bit for bit; random network i is made by the
 * worker from `Rng(seed, i)` as the local run makes it.
 *
 *   rootsPlan(g, k, N)          the units of the original's parts and of a random network's parts
 *   mergeRootParts(parts, N…)   the census of the original and its random networks from the parts
 *   queueCensusRoots(url, N)    a drop-in for `censusCounts` (census() takes it as an option)
 *
 * The original's parts are cut between the children of a heavy root; a random network's edges are
 * not known here, so its parts are whole-root ranges planned on the original's edges (the nulls
 * keep the degrees, so the costs stay about even). A sampled census (RAND-ESU) draws one random
 * stream through all roots and is not split.
 */
import { createHash } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import { buildCensusGraph } from "../motifs/census-graph.js";
import { mergeSubgraphCounts, planEsuUnits, rootRanges } from "../motifs/esu-units.js";
import { estimateSubgraphCount } from "../motifs/rand-esu.js";
import {
  ENSEMBLE_DEFAULTS,
  type CensusCounts,
  type RandomEnsemble,
  type RandomEnsembleOptions,
} from "../motifs/random-ensemble.js";
import { parseQueueUrl, QUEUE_NAME, redactQueueUrl, redisOptions } from "./connection.js";
import { replicateTask, taskToJson } from "./census-split.js";
import { jobId, type RootsJobData, type RootsJobResult } from "./jobs.js";
import { connectRedis, watchConnection } from "./redis-client.js";
import { submitAndWait } from "./wait-for-job.js";

/** `--split-roots auto`: about this many estimated seconds of counting per job. */
export const AUTO_PART_SECONDS = 10;
/** At most this many parts per graph. */
export const MAX_ROOT_PARTS = 1024;

/** Options of the counts function census() calls (the same as `censusCounts`'s). */
type CountsOptions = RandomEnsembleOptions & { readonly originalStream: number };

/** The number of parts for `--split-roots auto`: one per AUTO_PART_SECONDS of estimated work. */
export function autoRootParts(g: Digraph, size: number): number {
  const { seconds } = estimateSubgraphCount(g, size, { seed: 0x9e3779b9 });
  return Math.max(1, Math.min(MAX_ROOT_PARTS, Math.ceil(seconds / AUTO_PART_SECONDS)));
}

/** The parts: the original's as flat unit lists, a random network's as whole-root ranges. */
export function rootsPlan(
  g: Digraph,
  size: number,
  parts: number,
): { original: number[][]; random: Array<{ first: number; end: number }> } {
  const cg = buildCensusGraph(g, false, null);
  return {
    original: planEsuUnits(cg, size, parts).map((u) => Array.from(u)),
    random: rootRanges(cg, size, parts),
  };
}

/**
 * The census of the original (class keys sorted) and of `networks` random networks counted
 * against its classes, from the parts of every graph (any order; every network needs parts).
 */
export function mergeRootParts(
  parts: readonly RootsJobResult[],
  networks: number,
  size: number,
): Omit<CensusCounts, "seconds"> {
  const byNetwork = new Map<number, RootsJobResult[]>();
  for (const p of parts) {
    const list = byNetwork.get(p.network) ?? [];
    list.push(p);
    byNetwork.set(p.network, list);
  }
  const original = mergeSubgraphCounts(byNetwork.get(-1) ?? [], size);
  const keys = [...original.counts.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const K = keys.length;
  const ensemble: RandomEnsemble = {
    networks,
    keys,
    counts: new Float64Array(networks * K),
    totals: new Float64Array(networks),
    otherClasses: new Float64Array(networks),
    switching: { tries: new Float64Array(networks), successes: new Float64Array(networks) },
    threads: 0,
  };
  for (let i = 0; i < networks; i++) {
    const list = byNetwork.get(i);
    if (list === undefined) throw new Error(`mergeRootParts: random network ${i} missing`);
    const merged = mergeSubgraphCounts(list, size);
    ensemble.totals[i] = merged.total;
    ensemble.switching.tries[i] = list[0].tries;
    ensemble.switching.successes[i] = list[0].successes;
    let other = 0;
    for (const [key, count] of merged.counts) {
      const at = index.get(key);
      if (at === undefined) other++;
      else ensemble.counts[i * K + at] = count;
    }
    ensemble.otherClasses[i] = other;
  }
  return { original, keys, ensemble };
}

/** Store lifetime of a census task in Redis (s). */
const TASK_TTL = 7 * 24 * 3600;

/**
 * `censusCounts` on the job queue with the roots of every graph split into `parts` ("auto": by
 * the estimated work). `onParts` hears the number chosen.
 */
export function queueCensusRoots(
  url: string,
  parts: number | "auto",
  onParts?: (parts: number, jobs: number) => void,
): (g: Digraph, options: CountsOptions) => Promise<CensusCounts> {
  return async (g, options) => {
    if ((options.sample ?? null) !== null) {
      throw new NnmotifsError(
        "--split-roots with --sample: RAND-ESU draws one random stream through all roots, so a sampled census cannot be split by roots. Drop one of them.",
      );
    }
    const t0 = performance.now();
    const N = options.networks ?? ENSEMBLE_DEFAULTS.networks;
    const size = options.size;
    const P = parts === "auto" ? autoRootParts(g, size) : parts;
    const plan = rootsPlan(g, size, P);
    const c = parseQueueUrl(url);
    // The task without class keys: the parts return every class they meet.
    const json = JSON.stringify(taskToJson(replicateTask(g, [], options)));
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
    const prefix = `nnmotifs:roots:${hash}`;
    const jobs: Array<{ network: number; part: number; units: RootsJobData["units"] }> = [];
    plan.original.forEach((units, part) => jobs.push({ network: -1, part, units }));
    for (let i = 0; i < N; i++) {
      plan.random.forEach((units, part) => jobs.push({ network: i, part, units }));
    }
    onParts?.(plan.original.length, jobs.length);
    const redis = await connectRedis(c);
    const queue = new Queue<RootsJobData, RootsJobResult>(QUEUE_NAME, {
      connection: redisOptions(c),
    });
    const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(c) });
    watchConnection(c.display, redis, [queue, events]);
    queue.setMaxListeners(jobs.length + 10);
    events.setMaxListeners(jobs.length + 10);
    try {
      await events.waitUntilReady();
      await redis.set(`${prefix}:task`, json, "EX", TASK_TTL);
      const left = new Map<number, number>();
      for (const j of jobs) left.set(j.network, (left.get(j.network) ?? 0) + 1);
      let done = 0;
      let originalDone = t0;
      options.onProgress?.(0, N);
      const results = await Promise.all(
        jobs.map(async ({ network, part, units }) => {
          const id = jobId(`roots${hash}`, `n${network}p${part}of${P}`, "");
          let r: RootsJobResult;
          try {
            r = await submitAndWait<RootsJobResult>(
              queue,
              events,
              { id, name: "roots", data: { type: "roots", prefix, network, units } },
              () => redis.set(`${prefix}:task`, json, "EX", TASK_TTL),
            );
          } catch (error) {
            const what = network < 0 ? "the original graph" : `random network ${network}`;
            throw new NnmotifsError(
              `${what}, root part ${part + 1}: failed on the queue: ${redactQueueUrl((error as Error).message)}`,
              {},
              1,
            );
          }
          const rest = (left.get(network) ?? 1) - 1;
          left.set(network, rest);
          if (network < 0 && rest === 0) originalDone = performance.now();
          if (network >= 0 && rest === 0) options.onProgress?.(++done, N);
          return r;
        }),
      );
      const t1 = performance.now();
      // The parts of all graphs run at once: "original" is until its last part came back.
      const seconds = { original: (originalDone - t0) / 1000, random: (t1 - originalDone) / 1000 };
      return { ...mergeRootParts(results, N, size), seconds };
    } finally {
      await events.close().catch(() => {});
      await queue.close().catch(() => {});
      redis.disconnect();
    }
  };
}
