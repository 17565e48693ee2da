/**
 * In-process figures of the census engine (the process-level figures are in bench/run.ts):
 * subgraphs per CPU second of one census of anchor tree_w_Graph.txt at k = 4 and 5 (cold: first
 * call, canonicalising every raw code; warm: raw codes cached), a loop of 100 switched random
 * networks (the null-model workload, one thread, through countSubgraphs and through
 * tallySubgraphClasses, each starting with an empty cache), and the peak RSS of a k = 5 census
 * of a random layered graph of 900 nodes and 1900 edges. Wall and CPU time are both printed: on
 * a shared machine the CPU time is the steadier figure.
 *
 *   npx tsx bench/census-bench.ts            run alone
 *   import { censusBench } from "./census-bench.js"; censusBench()   from a runner
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/core/random.js";
import { makeDigraph, type Digraph } from "../src/graph/digraph.js";
import {
  clearCensusCache,
  countSubgraphs,
  tallySubgraphClasses,
} from "../src/motifs/count-subgraphs.js";
import { colourKindKey, prepareSwitching } from "../src/nulls/switch.js";

export interface CensusFigure {
  readonly name: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly subgraphs: number;
  readonly subgraphsPerSecond: number;
  readonly peakRssMB?: number;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TREE = join(
  ROOT,
  "..",
  "shared",
  "anchor",
  "zambra2020",
  "seed180112-normal",
  "tree_w_Graph.txt",
);

function readEdgeList(file: string): Digraph {
  const edges = readFileSync(file, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  return makeDigraph(Math.max(...edges.flatMap(([s, t]) => [s, t])) + 1, edges);
}

/** Random layered DAG (consecutive layers only), colours 1..3. */
export function layeredGraph(sizes: number[], edgeCount: number, seed: number): Digraph {
  const rng = new Rng(seed);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const seen = new Set<number>();
  const edges: [number, number, number][] = [];
  const n = offsets[sizes.length];
  while (edges.length < edgeCount) {
    const l = rng.int(sizes.length - 1);
    const a = offsets[l] + rng.int(sizes[l]);
    const b = offsets[l + 1] + rng.int(sizes[l + 1]);
    if (seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    edges.push([a, b, 1 + rng.int(3)]);
  }
  return makeDigraph(n, edges);
}

/** Wall and CPU seconds of fn (the machine may be shared: CPU time is the steadier figure). */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [r, wall, (c.user + c.system) / 1e6];
}

export function censusBench(log: (line: string) => void = console.log): CensusFigure[] {
  const figures: CensusFigure[] = [];
  const report = (
    name: string,
    [seconds, cpu]: [number, number],
    subgraphs: number,
    peakRssMB?: number,
  ) => {
    const f = {
      name,
      seconds,
      cpuSeconds: cpu,
      subgraphs,
      subgraphsPerSecond: subgraphs / cpu,
      peakRssMB,
    };
    figures.push(f);
    log(
      `${name.padEnd(50)} wall ${seconds.toFixed(3).padStart(7)} s  cpu ${cpu.toFixed(3).padStart(7)} s ${(f.subgraphsPerSecond / 1e6).toFixed(1).padStart(6)} M subgraphs/cpu-s` +
        (peakRssMB !== undefined ? `  peak RSS ${peakRssMB.toFixed(0)} MB` : ""),
    );
  };
  // Memory first, while the process peak is still this census's own.
  clearCensusCache();
  const big = layeredGraph([300, 300, 200, 100], 1900, 11);
  const [c, ...tBig] = time(() => countSubgraphs(big, { size: 5 }));
  report(
    "layered 900 nodes / 1900 edges, k=5 (cold)",
    tBig,
    c.total,
    process.resourceUsage().maxRSS / 1024,
  );
  clearCensusCache();

  const g = existsSync(TREE) ? readEdgeList(TREE) : layeredGraph([31, 30, 30, 4], 550, 7);
  for (const k of [4, 5]) {
    clearCensusCache();
    const [cold, ...tCold] = time(() => countSubgraphs(g, { size: k }));
    report(`tree k=${k}, one census (cold cache)`, tCold, cold.total);
    let best: [number, number] = [Infinity, Infinity];
    for (let r = 0; r < 3; r++) {
      const [, wall, cpu] = time(() => countSubgraphs(g, { size: k }));
      if (cpu < best[1]) best = [wall, cpu];
    }
    report(`tree k=${k}, one census (warm cache)`, best, cold.total);
    // The null-model workload: 100 switched networks, one thread (switching time excluded).
    const switching = prepareSwitching(g, colourKindKey);
    const randoms = Array.from({ length: 100 }, (_, i) => switching.randomise(new Rng(1, i)).graph);
    const [total, ...tLoop] = time(() => {
      let s = 0;
      for (const rg of randoms) s += countSubgraphs(rg, { size: k }).total;
      return s;
    });
    report(`tree k=${k}, 100 switched randoms, countSubgraphs`, tLoop, total);
    clearCensusCache();
    const keys = [...cold.counts.keys()];
    const [total2, ...tTally] = time(() => {
      let s = 0;
      for (const rg of randoms) s += tallySubgraphClasses(rg, { size: k }, keys).total;
      return s;
    });
    report(`tree k=${k}, 100 switched randoms, tallySubgraphClasses`, tTally, total2);
  }
  clearCensusCache();
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) censusBench();
