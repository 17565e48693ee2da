/**
 * Census time estimates against measured times (issue 13 item 4: within a factor 1.5). Per job:
 * the estimate of stats/census-cost.ts (what `census` prints), the measured wall and CPU time of
 * the same census in-process on one thread (cold class caches, as a fresh `census` process), and
 * estimate / CPU (the steadier figure on a shared machine); exits 1 when a ratio is outside
 * [1/1.5, 1.5]. Graphs: the anchor graphs (init and trained), an MNIST-shaped
 * layered graph (784-50-50-20-10, 1900 edges) and a 10 000-node scale-free graph (bench/peers.ts's
 * generators, same seeds).
 *
 *   npm run bench:estimates            every job
 *   npx tsx bench/estimates.ts mnist   the jobs whose name contains "mnist"
 *   … --json                           also print the raw features (for recalibration)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/core/random.js";
import { makeDigraph, type Digraph } from "../src/graph/digraph.js";
import { parseFanmodEdgeList } from "../src/graph/fanmod-edge-list.js";
import { clearCensusCache } from "../src/motifs/count-subgraphs.js";
import { census } from "../src/stats/census.js";
import { estimateCensusCost } from "../src/stats/census-cost.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ANCHOR = join(ROOT, "..", "shared", "anchor", "zambra2020", "seed180112-normal");

function anchor(name: string): Digraph {
  const file = join(ANCHOR, name);
  return parseFanmodEdgeList(readFileSync(file, "utf8"), file);
}

/** bench/run.ts's MNIST-shaped graph: edges uniform over consecutive-layer pairs, colours 1..3. */
export function mnistGraph(sizes = [784, 50, 50, 20, 10], edgeCount = 1900, seed = 11): Digraph {
  const rng = new Rng(seed);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const pairs = sizes.slice(1).map((s, l) => sizes[l] * s);
  const allPairs = pairs.reduce((a, b) => a + b, 0);
  const seen = new Set<string>();
  const edges: [number, number, number][] = [];
  while (edges.length < edgeCount) {
    let r = rng.int(allPairs);
    let l = 0;
    while (r >= pairs[l]) r -= pairs[l++];
    const a = offsets[l] + Math.floor(r / sizes[l + 1]);
    const b = offsets[l + 1] + (r % sizes[l + 1]);
    if (seen.has(`${a} ${b}`)) continue;
    seen.add(`${a} ${b}`);
    edges.push([a, b, 1 + rng.int(3)]);
  }
  return makeDigraph(offsets[sizes.length], edges);
}

/** bench/peers.ts's preferential-attachment graph (n nodes, m edges per new node). */
export function scaleFreeGraph(n = 10_000, m = 2, seed = 5): Digraph {
  const rng = new Rng(seed);
  const ends: number[] = [0, 1, 1, 2, 2, 0];
  const edges: [number, number, number][] = [
    [0, 1, 1 + rng.int(3)],
    [1, 2, 1 + rng.int(3)],
    [2, 0, 1 + rng.int(3)],
  ];
  for (let v = 3; v < n; v++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(rng.next() < 0.75 ? ends[rng.int(ends.length)] : rng.int(v));
    for (const t of chosen) {
      edges.push(rng.int(2) === 0 ? [v, t, 1 + rng.int(3)] : [t, v, 1 + rng.int(3)]);
      ends.push(v, t);
    }
  }
  return makeDigraph(n, edges);
}

export interface EstimateJob {
  readonly name: string;
  readonly graph: () => Digraph;
  readonly size: number;
  readonly networks: number;
  readonly colours: boolean;
  readonly sample: readonly number[] | null;
}

export interface EstimateMeasurement {
  readonly name: string;
  readonly estimate: number;
  /** Wall seconds. */
  readonly measured: number;
  /** CPU seconds (user + system) of the process meanwhile: the steadier figure under load. */
  readonly cpu: number;
  /** estimate / cpu. */
  readonly ratio: number;
}

/** Estimate, then run, one job (one thread, in-process; exchanges and tries 3 as the CLI's). */
export async function measureEstimate(job: EstimateJob): Promise<EstimateMeasurement> {
  const g = job.graph();
  const input = {
    size: job.size,
    networks: job.networks,
    workers: 1,
    colours: job.colours,
    sample: job.sample,
    exchanges: 3,
    tries: 3,
    seed: 1,
  };
  const estimate = estimateCensusCost(g, input).seconds;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  clearCensusCache(); // cold, as in a fresh `census` process
  await census(g, { ...input, threads: 1, nullModel: "switch" });
  const measured = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  return { name: job.name, estimate, measured, cpu, ratio: estimate / cpu };
}

const graphs = {
  init: () => anchor("init_w_Graph.txt"),
  tree: () => anchor("tree_w_Graph.txt"),
  mnist: () => mnistGraph(),
  scalefree: () => scaleFreeGraph(),
};

const job = (
  graph: keyof typeof graphs,
  size: number,
  networks: number,
  extra: { colours?: boolean; sample?: number[] } = {},
): EstimateJob => ({
  name: `${graph} k=${size} N=${networks}${extra.colours === false ? " uncoloured" : ""}${extra.sample ? ` sample ${extra.sample.join(",")}` : ""}`,
  graph: graphs[graph],
  size,
  networks,
  colours: extra.colours ?? true,
  sample: extra.sample ?? null,
});

export const ESTIMATE_JOBS: readonly EstimateJob[] = [
  job("init", 3, 20),
  job("init", 4, 10),
  job("init", 5, 2),
  job("init", 5, 0, { colours: false }),
  job("tree", 4, 10),
  job("tree", 5, 0),
  job("mnist", 3, 20),
  job("mnist", 4, 2),
  job("scalefree", 3, 5),
  job("scalefree", 4, 0),
  job("init", 5, 2, { sample: [1, 1, 1, 0.5, 0.5] }),
  job("mnist", 4, 2, { sample: [1, 1, 0.3, 0.3] }),
];

/** Run a small census once, so the first job measured is not charged for the JIT's warm-up. */
export async function warmUpCensus(): Promise<void> {
  await census(graphs.init(), { size: 4, networks: 2, threads: 1 });
}

/** Jobs within this factor pass. */
export const ESTIMATE_TOLERANCE = 1.5;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const filter = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "";
  let bad = 0;
  await warmUpCensus();
  console.log(
    "job                                      estimate   wall       cpu        estimate/cpu",
  );
  for (const j of ESTIMATE_JOBS.filter((x) => x.name.includes(filter))) {
    const m = await measureEstimate(j);
    const ok = m.ratio <= ESTIMATE_TOLERANCE && m.ratio >= 1 / ESTIMATE_TOLERANCE;
    if (!ok) bad++;
    console.log(
      `${m.name.padEnd(40)} ${m.estimate.toFixed(2).padStart(8)} s ${m.measured.toFixed(2).padStart(8)} s ${m.cpu.toFixed(2).padStart(8)} s ${m.ratio.toFixed(2).padStart(7)}${ok ? "" : "  outside 1.5×"}`,
    );
  }
  console.log(bad === 0 ? "all within 1.5×" : `${bad} job(s) outside 1.5×`);
  process.exitCode = bad === 0 ? 0 : 1;
}
