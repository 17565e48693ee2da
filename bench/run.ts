/**
 * `npm run bench`: wall-clock figures for the hot paths, measured the way a user meets them —
 * whole processes, start-up included. Not part of `npm test`.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- census       only those whose name contains "census"
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Rng } from "../src/core/random.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "dist", "cli", "main.js");
const ANCHOR = join(ROOT, "..", "shared", "anchor", "zambra2020", "seed180112-normal");
const work = mkdtempSync(join(tmpdir(), "nnmotifs-bench-"));

interface Measurement {
  name: string;
  seconds: number;
  peakMB: number;
  target?: string;
}

function runCli(args: string[], repeats = 3): { seconds: number; peakMB: number } {
  let best = Infinity;
  let peak = 0;
  for (let r = 0; r < repeats; r++) {
    const rssFile = join(work, `rss-${Date.now()}-${r}`);
    const t0 = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      ["--import", join(ROOT, "bench", "report-peak-memory.mjs"), CLI, ...args],
      { encoding: "utf8", env: { ...process.env, NNMOTIFS_BENCH_RSS_FILE: rssFile } },
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (run.status !== 0) {
      throw new Error(`nnmotifs ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
    }
    best = Math.min(best, seconds);
    if (existsSync(rssFile))
      peak = Math.max(peak, ...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  }
  return { seconds: best, peakMB: peak / 1024 };
}

/**
 * A random graph shaped like a binned MNIST network (784-50-50-20-10, ~900 nodes): `edges` edges
 * drawn uniformly among all possible consecutive-layer pairs, so most fall between the inputs and
 * the first hidden layer, whose units become hubs — as in a real binned network.
 */
function layeredGraphFile(sizes: number[], edges: number, seed: number): string {
  const rng = new Rng(seed);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const pairs = sizes.slice(1).map((s, l) => sizes[l] * s);
  const allPairs = pairs.reduce((a, b) => a + b, 0);
  const seen = new Set<string>();
  const lines: string[] = [];
  while (lines.length < edges) {
    let r = rng.int(allPairs);
    let l = 0;
    while (r >= pairs[l]) r -= pairs[l++];
    const a = offsets[l] + Math.floor(r / sizes[l + 1]);
    const b = offsets[l + 1] + (r % sizes[l + 1]);
    const key = `${a} ${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${key} ${1 + rng.int(3)}`);
  }
  const file = join(work, "layered-914.txt");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const filter = process.argv[2] ?? "";
const results: Measurement[] = [];
const bench = (
  name: string,
  target: string | undefined,
  fn: () => { seconds: number; peakMB: number },
) => {
  if (!name.includes(filter)) return;
  const m = fn();
  results.push({ name, target, ...m });
  console.log(
    `${name.padEnd(58)} ${m.seconds.toFixed(3).padStart(8)} s  ${m.peakMB.toFixed(0).padStart(5)} MB${target ? `   (target ${target})` : ""}`,
  );
};

const tree = join(ANCHOR, "tree_w_Graph.txt");
const treeGraph = existsSync(tree) ? tree : layeredGraphFile([31, 30, 30, 4], 550, 7);
const out = join(work, "out.json");
const census =
  (file: string, k: number, extra: string[] = []) =>
  () =>
    runCli([
      "census",
      file,
      "--size",
      String(k),
      "--random",
      "100",
      "--seed",
      "1",
      "--format",
      "json",
      "--out",
      out,
      ...extra,
    ]);

console.log(`nnmotifs bench — ${new Date().toISOString()}, node ${process.version}`);
bench("census tree_w_Graph k=3, 100 random (switch)", undefined, census(treeGraph, 3));
bench("census tree_w_Graph k=4, 100 random (switch)", "≤ 0.5 s", census(treeGraph, 4));
bench(
  "census tree_w_Graph k=4, 100 random (layered)",
  undefined,
  census(treeGraph, 4, ["--null", "layered", "--layers", "31,30,30,4"]),
);
bench("census tree_w_Graph k=5, 100 random (switch)", "≤ 5 s", census(treeGraph, 5));
bench(
  "census tree_w_Graph k=5, 100 random, 1 thread",
  undefined,
  census(treeGraph, 5, ["--threads", "1"]),
);
bench("census 784-50-50-20-10 graph, 1900 edges, k=5, 100 random", "< 500 MB", () =>
  runCli(
    [
      "census",
      layeredGraphFile([784, 50, 50, 20, 10], 1900, 11),
      "--size",
      "5",
      "--random",
      "100",
      "--format",
      "json",
      "--out",
      out,
      "--force",
    ],
    1,
  ),
);
bench("train 31-30-30-4, tree, 20 epochs (process)", "≤ 5 s training", () =>
  runCli(
    [
      "train",
      "--data",
      "tree",
      "--hidden",
      "30,30",
      "--epochs",
      "20",
      "--seed",
      "1",
      "--out",
      join(work, "train"),
    ],
    1,
  ),
);

// The default study as `npm start` runs it (issue 9: ≤ 5 min on 2 cores with 5 seeds and the
// trajectories), from an empty folder, once.
bench("default study (npm start: 5 seeds, snapshots)", "≤ 300 s", () =>
  runCli(["study", "--out", join(work, "default-study"), "--force", "--quiet"], 1),
);

writeFileSync(join(work, "bench.json"), JSON.stringify(results, null, 2));
rmSync(work, { recursive: true, force: true });

// The job queue (bench/queue.ts): study grid on 1, 2, 4 worker processes vs the local executor.
if ("study grid on the queue".includes(filter)) await (await import("./queue.js")).runQueueBench();
