/**
 * Census time estimates against measured CPU time (issue 13 item 4: within a factor 1.5). Per job:
 * the estimate of stats/census-cost.ts (what `census` prints), and the CPU time (user + system of
 * this process) of the same census in-process on one thread with cold class caches (as a fresh
 * `census` process), after one untimed run of the job (its code paths compiled: `warmUpJob`).
 * CPU, not wall: the machine is shared and loaded. A job shorter than a second
 * of CPU is repeated (caches cleared each time) until it has run a second, and the mean is compared,
 * so a 2 ms census is not judged on timer noise. Exits 1 when a ratio is outside [1/1.5, 1.5].
 *
 * Graphs: the anchor's trained tree graph (95 units, 550 edges) and an MNIST-shaped layered graph
 * (784-50-50-20-10, 1900 edges); k = 3..5, coloured and uncoloured, 0 and 100 random networks, and
 * RAND-ESU samples.
 *
 *   npm run bench:estimates                  every job
 *   npm run bench:estimates -- mnist         the jobs whose name contains "mnist"
 *   npm run bench:estimates -- --calibrate   measure the model's components and print the
 *                                            CENSUS_COST table to paste into stats/census-cost.ts
 *   npm run bench:estimates -- --calibrate sampling   only its RAND-ESU part (CENSUS_COST.sampling)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/core/random.js";
import { makeDigraph, type Digraph } from "../src/graph/digraph.js";
import { parseFanmodEdgeList } from "../src/graph/fanmod-edge-list.js";
import { clearCensusCache, countSubgraphs } from "../src/motifs/count-subgraphs.js";
import { census } from "../src/stats/census.js";
import { CENSUS_COST, estimateCensusCost, fixedSeconds } from "../src/stats/census-cost.js";
import { estimateSubgraphCount, sampleSubgraphs } from "../src/motifs/rand-esu.js";

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
  /** CPU seconds (user + system) of one run, the mean over `runs`. */
  readonly cpu: number;
  /** Runs averaged (a short job is repeated until it has used `minCpu` seconds). */
  readonly runs: number;
  /** estimate / cpu. */
  readonly ratio: number;
}

function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

/** Mean CPU seconds of `run`, repeated until `minCpu` seconds are used (at least once). */
async function meanCpu(run: () => Promise<unknown>, minCpu: number): Promise<[number, number]> {
  const t0 = cpuSeconds();
  let runs = 0;
  do {
    await run();
    runs++;
  } while (cpuSeconds() - t0 < minCpu);
  return [(cpuSeconds() - t0) / runs, runs];
}

const SWITCH = { exchanges: 3, tries: 3 };

/** Estimate, then run, one job (one thread, in-process; exchanges and tries 3 as the CLI's). */
export async function measureEstimate(job: EstimateJob, minCpu = 1): Promise<EstimateMeasurement> {
  const g = job.graph();
  const input = {
    size: job.size,
    networks: job.networks,
    workers: 1,
    colours: job.colours,
    sample: job.sample,
    ...SWITCH,
    seed: 1,
  };
  const estimate = estimateCensusCost(g, input).seconds;
  await warmUpJob(g, input);
  const [cpu, runs] = await meanCpu(async () => {
    clearCensusCache(); // cold, as in a fresh `census` process
    await census(g, { ...input, threads: 1, nullModel: "switch" });
  }, minCpu);
  return { name: job.name, estimate, cpu, runs, ratio: estimate / cpu };
}

/** Untimed runs of a job before it is measured: at least WARM_UP_RUNS, at most WARM_UP_MAX. */
const WARM_UP_RUNS = 3;
const WARM_UP_MAX = 20;
/** ... and no more once they have taken this much CPU (seconds). */
const WARM_UP_CPU = 2;
/** Warm when a run is no more than this much faster than the one before it. */
const WARM_UP_STEADY = 0.9;

/**
 * Untimed runs of the job's code paths (at most 2 random networks), as warmUpCensus does for the
 * first job, until the job runs at its steady speed: the first censuses of a layout in a process
 * compile its paths (the optimising compiler's threads count in CPU time: ~0.2 s for k = 5
 * coloured), a one-off that the mean of a repeated short job divided by its run count. The
 * estimate is of the census itself, compiled. A fixed number of runs left the measurement
 * depending on the jobs before it: V8 tiers a function up over several calls, and the tree
 * graph's RAND-ESU job measured first (`bench:estimates sample`) ran at 0.41–0.45 of its
 * estimate after one warm-up run, 0.68–0.72 after three, while it ran at 0.85–1.0 after the
 * exact jobs. So runs go on while each is more than 10 % faster than the one before (at least
 * 3, at most 20, within 2 s of CPU), after warmUpCensus.
 */
async function warmUpJob(
  g: Digraph,
  input: { size: number; networks: number; colours: boolean; sample: readonly number[] | null },
): Promise<number[]> {
  const t0 = cpuSeconds();
  const runs: number[] = [];
  for (;;) {
    const start = cpuSeconds();
    clearCensusCache();
    await census(g, {
      ...input,
      networks: Math.min(input.networks, 2),
      threads: 1,
      nullModel: "switch",
      ...SWITCH,
    });
    runs.push(cpuSeconds() - start);
    const n = runs.length;
    const steady = n >= 2 && runs[n - 1] >= WARM_UP_STEADY * runs[n - 2];
    if (n >= WARM_UP_MAX || cpuSeconds() - t0 >= WARM_UP_CPU || (n >= WARM_UP_RUNS && steady)) {
      return runs;
    }
  }
}

let treeGraph: Digraph | null = null;
let mnist: Digraph | null = null;
const graphs = {
  tree: () => (treeGraph ??= anchor("tree_w_Graph.txt")),
  mnist: () => (mnist ??= mnistGraph()),
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

const SIZES = [3, 4, 5];

export const ESTIMATE_JOBS: readonly EstimateJob[] = [
  ...(["tree", "mnist"] as const).flatMap((graph) =>
    SIZES.flatMap((size) =>
      [true, false].flatMap((colours) => [0, 100].map((n) => job(graph, size, n, { colours }))),
    ),
  ),
  job("tree", 5, 0, { sample: [1, 1, 1, 0.5, 0.5] }),
  job("tree", 4, 100, { sample: [1, 1, 0.5, 0.5] }),
  job("mnist", 5, 0, { sample: [1, 1, 1, 0.3, 0.3] }),
  job("mnist", 5, 100, { sample: [1, 1, 1, 0.1, 0.1] }),
];

/**
 * Run every job of the list once, untimed (at most 2 random networks), before any is measured, so
 * that each is measured in the same compiled state whichever jobs were chosen: measured first,
 * the tree graph's RAND-ESU job ran at 0.59–0.72 of its estimate even after its own warm-up runs
 * (V8 kept tiering its kernel up for many more), at 0.85–1.0 after the exact jobs (~4 s).
 */
export async function warmUpCensus(jobs: readonly EstimateJob[] = ESTIMATE_JOBS): Promise<void> {
  for (const j of jobs) {
    clearCensusCache();
    await census(j.graph(), {
      size: j.size,
      colours: j.colours,
      sample: j.sample,
      networks: Math.min(j.networks, 2),
      threads: 1,
      ...SWITCH,
    });
  }
}

/** Jobs within this factor pass. */
export const ESTIMATE_TOLERANCE = 1.5;

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(Math.max(x, 1e-12)), 0) / xs.length);
}

const fmt = (x: number) => (x === 0 ? "0" : Number(x.toPrecision(2)).toExponential());

/**
 * Measure the model's components on the benchmark graphs and print a CENSUS_COST table: the fixed
 * cost (a census of a 3-node graph), and per size and colouring the cold start (cold − warm; cold
 * measured first, after another configuration ran, as in the job list), the warm enumeration
 * (→ seconds per subgraph, tree nodes at CENSUS_COST.treeNode), and a random network's enumeration
 * relative to the original's (from 100 random networks; at k = 3 fitted together with switching's
 * cost per try); then RAND-ESU's cost per candidate drawn, from the sampled jobs.
 */
async function calibrate(): Promise<void> {
  const minCpu = 1;
  const tiny = makeDigraph(3, [
    [0, 1, 1],
    [1, 2, 1],
  ]);
  await census(tiny, { size: 3, networks: 0, threads: 1 });
  const [fixed] = await meanCpu(() => census(tiny, { size: 3, networks: 0, threads: 1 }), minCpu);
  interface Row {
    size: number;
    c: number;
    /** Edge × exchange × try of one random network's switching. */
    tries: number;
    /** Warm enumeration seconds (fixed cost removed). */
    enumeration: number;
    perNetwork: number;
  }
  const rows: Row[] = [];
  const subgraph: Record<number, number[]> = {};
  const cold: Record<number, number[]> = {};
  for (const size of SIZES) {
    for (const colours of [true, false]) {
      const per: number[] = [];
      const colds: number[] = [];
      for (const name of ["tree", "mnist"] as const) {
        const g = graphs[name]();
        const levels = estimateSubgraphCount(g, size, { rng: new Rng(1, 0xfffffffe) }).levels;
        const inner = levels.slice(0, -1).reduce((a, b) => a + b, 0);
        const leaves = levels[levels.length - 1];
        const base = { size, colours, threads: 1, seed: 1, ...SWITCH, nullModel: "switch" };
        await warmUpJob(g, { size, colours, networks: 2, sample: null });
        const [coldRun] = await meanCpu(async () => {
          clearCensusCache();
          await census(g, { ...base, networks: 0 });
        }, minCpu);
        const [warm] = await meanCpu(() => census(g, { ...base, networks: 0 }), minCpu);
        // The kernel alone (countSubgraphs): the census's own work per class of the original
        // (a row per class: key parsed, statistics, sort — ~10 µs a class, 3.5k classes at
        // k = 5 coloured whatever the graph's size) goes with the cold start, not per subgraph.
        const [kernel] = await meanCpu(async () => {
          countSubgraphs(g, { size, colours });
        }, minCpu);
        clearCensusCache();
        const t0 = cpuSeconds();
        await census(g, { ...base, networks: 100 });
        const perNetwork = (cpuSeconds() - t0 - coldRun) / 100;
        // countSubgraphs builds the census graph (its n × n pair matrix) each time.
        const build = fixedSeconds(g.nodeCount) - CENSUS_COST.census;
        const enumeration = Math.max(kernel - build, 1e-9);
        per.push(Math.max(enumeration - CENSUS_COST.treeNode * inner, 1e-12) / leaves);
        colds.push(Math.max(0, coldRun - fixed - kernel));
        const tries = g.edgeSrc.length * SWITCH.exchanges * SWITCH.tries;
        rows.push({ size, c: colours ? 0 : 1, tries, enumeration, perNetwork: perNetwork - build });
        console.error(
          `${name} k=${size} ${colours ? "coloured" : "uncoloured"}: kernel ${(kernel * 1e3).toFixed(2)} ms, warm ${(warm * 1e3).toFixed(2)} ms, cold ${(coldRun * 1e3).toFixed(2)} ms, per random network ${(perNetwork * 1e3).toFixed(2)} ms (${leaves.toExponential(2)} subgraphs)`,
        );
      }
      (subgraph[size] ??= []).push(geomean(per));
      (cold[size] ??= []).push(colds.reduce((a, b) => a + b, 0) / colds.length);
    }
  }
  // Switching from the k = 3 random networks, whose cost is mostly switching, taking their
  // enumeration as the original's (factor 1): what is left per network is a line in the tries
  // (edges × exchanges × tries), fitted over both graphs and colourings — its intercept the
  // per-network overhead (`network`), its slope `switchTry`. Switching and that factor cannot be
  // told apart on two graphs (a least-squares fit of both swung from 0.05 to 0.6 between runs);
  // timing switchGraph alone charges ~1.6× (allocation and GC outside a census).
  const k3 = rows
    .filter((r) => r.size === 3)
    .map((r) => ({ x: r.tries, y: r.perNetwork - fixed - r.enumeration }));
  const mx = k3.reduce((a, r) => a + r.x, 0) / k3.length;
  const my = k3.reduce((a, r) => a + r.y, 0) / k3.length;
  const sxy = k3.reduce((a, r) => a + (r.x - mx) * (r.y - my), 0);
  const sxx = k3.reduce((a, r) => a + (r.x - mx) ** 2, 0);
  const switchTry = Math.max(1e-10, sxx > 0 ? sxy / sxx : my / mx);
  const network = Math.max(0, my - switchTry * mx);
  const factor3 = 1;
  const randomNetwork: Record<number, number[]> = { 3: [factor3, factor3] };
  for (const size of SIZES.filter((k) => k > 3)) {
    randomNetwork[size] = [0, 1].map((c) =>
      geomean(
        rows
          .filter((r) => r.size === size && r.c === c)
          .map((r) =>
            Math.max(0.5, (r.perNetwork - fixed - network - switchTry * r.tries) / r.enumeration),
          ),
      ),
    );
  }
  const table = (t: Record<number, number[]>, f: (x: number) => string) =>
    SIZES.map((k) => `    ${k}: [${t[k].map(f).join(", ")}],`).join("\n");
  const round = (x: number) => String(Number(x.toPrecision(2)));
  console.log(`// npm run bench:estimates -- --calibrate (${new Date().toISOString().slice(0, 10)})
  census: ${fmt(fixed)},
  treeNode: ${fmt(CENSUS_COST.treeNode)},
  subgraph: {
${table(subgraph, fmt)}
  },
  cold: {
${table(cold, round)}
  },
  randomNetwork: {
${table(randomNetwork, round)}
  },
  network: ${fmt(network)},
  switchTry: ${fmt(switchTry)},`);
  await calibrateSampling();
}

/** Probability vectors of the sampling calibration: the last three depths' (the others are 1). */
const SAMPLING_DESIGN: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 0.5, 0.5],
  [1, 0.3, 0.3],
  [1, 0.1, 0.1],
  [1, 1, 0.2],
  [1, 0.2, 1],
  [1, 0.05, 1],
  [1, 1, 0.05],
  [0.3, 1, 1],
  [0.3, 0.3, 0.3],
];

/**
 * Fit CENSUS_COST.sampling: for k = 4 and 5, coloured and uncoloured, the kernel's sampled time
 * (sampleSubgraphs, warm) on both graphs for each vector of SAMPLING_DESIGN, relative to the
 * exact kernel's (countSubgraphs) on the same graph, both less the census graph's build
 * (fixedSeconds), is fitted by least squares on relative
 * errors as draw · candidates + branch · Σ candidates · min(p, 1 − p) + leaf · subgraphs kept,
 * each per subgraph of the exact census (stats/census-cost.ts enumerationSeconds). Prints the
 * table and each vector's fitted/measured ratio.
 */
async function calibrateSampling(): Promise<void> {
  const minCpu = 0.5;
  const table: string[] = [];
  for (const size of [4, 5]) {
    const coefs: number[][] = [];
    for (const colours of [true, false]) {
      const xs: number[][] = [];
      const ys: number[] = [];
      const names: string[] = [];
      for (const name of ["tree", "mnist"] as const) {
        const g = graphs[name]();
        const levels = estimateSubgraphCount(g, size, { rng: new Rng(1, 0xfffffffe) }).levels;
        const subgraphs = levels[size - 1];
        const kernel = async (sample: readonly number[] | null, seed: number) => {
          if (sample === null) countSubgraphs(g, { size, colours });
          else sampleSubgraphs(g, { size, colours, probabilities: sample, rng: new Rng(seed) });
        };
        for (let i = 0; i < WARM_UP_RUNS; i++) await kernel(null, 0);
        const [exact] = await meanCpu(() => kernel(null, 0), minCpu);
        for (const tail of SAMPLING_DESIGN) {
          const sample = [...Array<number>(size - 3).fill(1), ...tail];
          let seed = 0;
          for (let i = 0; i < WARM_UP_RUNS; i++) await kernel(sample, seed++);
          const [cpu] = await meanCpu(() => kernel(sample, seed++), minCpu);
          let keep = 1;
          let drawn = 0;
          let branches = 0;
          for (let d = 0; d < size; d++) {
            drawn += levels[d] * keep;
            branches += levels[d] * keep * Math.min(sample[d], 1 - sample[d]);
            keep *= sample[d];
          }
          xs.push([drawn / subgraphs, branches / subgraphs, keep]);
          // Both kernels build the census graph first (the model's fixed cost, not fitted here).
          const build = fixedSeconds(g.nodeCount);
          ys.push(Math.max(cpu - build, 1e-9) / (exact - build));
          names.push(
            `${name} k=${size} ${colours ? "coloured" : "uncoloured"} ${sample.join(",")}`,
          );
        }
      }
      const coef = relativeLeastSquares(xs, ys);
      xs.forEach((x, i) => {
        const fit = x.reduce((a, xi, j) => a + xi * coef[j], 0);
        console.error(`${names[i].padEnd(44)} ${(fit / ys[i]).toFixed(2)}`);
      });
      coefs.push(coef);
    }
    const pair = (j: number) => `[${coefs.map((c) => Number(c[j].toPrecision(2))).join(", ")}]`;
    table.push(`    ${size}: { draw: ${pair(0)}, branch: ${pair(1)}, leaf: ${pair(2)} },`);
  }
  console.log(`  sampling: {\n${table.join("\n")}\n  },`);
}

/** Least squares of y ≈ x · c weighted by 1/y (relative errors), by the normal equations. */
function relativeLeastSquares(xs: readonly number[][], ys: readonly number[]): number[] {
  const m = xs[0].length;
  const a = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  xs.forEach((x, i) => {
    const w = 1 / (ys[i] * ys[i]);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r][c] += w * x[r] * x[c];
      a[r][m] += w * x[r] * ys[i];
    }
  });
  // Gauss–Jordan elimination with partial pivoting.
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= m; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, r) => row[m] / row[r]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  await warmUpCensus();
  if (args.includes("--calibrate")) {
    if (args.includes("sampling")) await calibrateSampling();
    else await calibrate();
  } else {
    const filter = args.find((a) => !a.startsWith("--")) ?? "";
    let bad = 0;
    console.log(
      "job                                      estimate        cpu   runs  estimate/cpu",
    );
    for (const j of ESTIMATE_JOBS.filter((x) => x.name.includes(filter))) {
      const m = await measureEstimate(j);
      const ok = m.ratio <= ESTIMATE_TOLERANCE && m.ratio >= 1 / ESTIMATE_TOLERANCE;
      if (!ok) bad++;
      console.log(
        `${m.name.padEnd(40)} ${m.estimate.toFixed(4).padStart(8)} s ${m.cpu.toFixed(4).padStart(8)} s ${String(m.runs).padStart(5)} ${m.ratio.toFixed(2).padStart(7)}${ok ? "" : "  outside 1.5×"}`,
      );
    }
    console.log(bad === 0 ? "all within 1.5×" : `${bad} job(s) outside 1.5×`);
    process.exitCode = bad === 0 ? 0 : 1;
  }
}
