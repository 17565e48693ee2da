/** The worker side of `nnmotifs census --queue --split-roots`: count one part of the ESU roots. */
import type { Redis } from "ioredis";
import type { SandboxedJob } from "bullmq";
import type { Digraph } from "../graph/digraph.js";
import { countSubgraphUnits, unitsOfRoots } from "../motifs/esu-units.js";
import { randomNetworkOf } from "../motifs/random-ensemble-worker.js";
import { taskFromJson, type ReplicateTask } from "./census-split.js";
import type { RootsJobData, RootsJobResult } from "./jobs.js";

// The last task and random network of this thread: the parts of one network share them.
let last: { prefix: string; task: ReplicateTask } | null = null;
let network: {
  prefix: string;
  index: number;
  graph: Digraph;
  tries: number;
  successes: number;
} | null = null;

export async function runRootsJob(
  job: SandboxedJob<RootsJobData>,
  c: { redis: Redis },
): Promise<RootsJobResult> {
  const d = job.data;
  if (last?.prefix !== d.prefix) {
    const text = await c.redis.get(`${d.prefix}:task`);
    if (text === null) throw new Error(`census task ${d.prefix} is not in the queue's store`);
    last = { prefix: d.prefix, task: taskFromJson(JSON.parse(text)) };
    network = null;
  }
  return countRootsPart(last.task, d.network, d.units, d.prefix);
}

/**
 * The counts of the ESU units `units` of the original (`index` −1) or of random network `index`
 * (made as the local census makes it: `Rng(seed, index)`).
 */
export function countRootsPart(
  task: ReplicateTask,
  index: number,
  units: RootsJobData["units"],
  cacheAs = "",
): RootsJobResult {
  let graph = task.graph as Digraph;
  let tries = 0;
  let successes = 0;
  if (index >= 0) {
    if (network?.prefix !== cacheAs || network.index !== index || cacheAs === "") {
      const random = randomNetworkOf(task, index);
      network = {
        prefix: cacheAs,
        index,
        graph: random.graph,
        tries: random.switching?.tries ?? 0,
        successes: random.switching?.successes ?? 0,
      };
    }
    ({ graph, tries, successes } = network);
  }
  const counted = countSubgraphUnits(
    graph,
    { size: task.size, colours: task.colours, vertexColours: task.vertexColours },
    Array.isArray(units) ? Int32Array.from(units) : unitsOfRoots(units.first, units.end),
  );
  return {
    network: index,
    total: counted.total,
    keys: [...counted.counts.keys()],
    counts: [...counted.counts.values()],
    tries,
    successes,
  };
}
