/**
 * `nnmotifs census GRAPH`: the coloured motif census of a graph file against a null model
 * (SPEC §5–§7). Never loads the neural-network side: the census library is imported inside the
 * action, and it imports nothing from nn/.
 */
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";
import type { CensusFormat } from "../stats/census-format.js";

interface CensusCliOptions {
  size: string;
  random: string;
  null: string;
  exchanges: string;
  tries: string;
  seed: string;
  threads?: string;
  colours: boolean;
  vertexColours?: string;
  layers?: string;
  sample?: string;
  format: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  maxMemory?: string;
}

/** Estimated seconds above which the command refuses to enumerate without --force. */
export const LONG_RUN_SECONDS = 600;

/** Below this estimated work (seconds on all cores) the census runs without worker threads. */
export const IN_PROCESS_SECONDS = 1;

export function register(program: Command): void {
  program
    .command("census")
    .description(
      "coloured motif census of a graph (FANMOD edge list or native JSON) with Z-scores against a null model",
    )
    .argument("<graph>", "graph file: FANMOD edge list (src trg [colour]) or nnmotifs JSON")
    .option("-k, --size <k>", "subgraph size, 3..6 (up to 8)", "3")
    .option(
      "-r, --random <n>",
      "random networks (FANMOD-like; 1000 is a sensible maximum, 0 = census only)",
      "100",
    )
    .option("--null <model>", "null model: switch | layered", "switch")
    .option("-e, --exchanges <E>", "exchanges per edge", "3")
    .option("-t, --tries <T>", "tries per edge", "3")
    .option("-s, --seed <S>", "seed of every random step (0..4294967295)", "1")
    .option("--threads <n>", "worker threads (default: all cores; 1 = no workers)")
    .option("--no-colours", "ignore edge colours (every edge colour 1, also in the switching)")
    .option("--vertex-colours <what>", "vertex colours of the classes: layer")
    .option("--layers <sizes>", "layer sizes as consecutive id ranges, e.g. 31,30,30,4")
    .option("--sample <p1,...,pk>", "RAND-ESU sampling with k per-depth probabilities in (0, 1]")
    .option("-f, --format <fmt>", "output: table | json | csv | fanmod", "table")
    .option("-o, --out <file>", "write the output to a file (atomically) instead of stdout")
    .option("--force", "enumerate even when the estimate says it would take very long")
    .option(
      "--max-memory <size>",
      "refuse a census estimated to need more, e.g. 4G (default: free memory)",
    )
    .option("-q, --quiet", "no notes on stderr")
    .action(async (graph: string, opts: CensusCliOptions) => {
      await censusAction(graph, opts);
    });
}

function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new NnmotifsError(`invalid --${name} "${text}". Should be an integer ${min}..${max}.`);
  }
  return value;
}

export async function censusAction(file: string, opts: CensusCliOptions): Promise<void> {
  const { CENSUS_FORMATS, formatCensus } = await import("../stats/census-format.js");
  const size = integerOption("size", opts.size, 2, 8);
  const networks = integerOption("random", opts.random, 0, 1_000_000);
  const exchanges = integerOption("exchanges", opts.exchanges, 0, 1000);
  const tries = integerOption("tries", opts.tries, 1, 1000);
  const seed = integerOption("seed", opts.seed, 0, 2 ** 32 - 1);
  const threads =
    opts.threads === undefined || opts.threads === "auto"
      ? undefined
      : integerOption("threads", opts.threads, 1, 256);
  const { isNullModelName, NULL_MODEL_NAMES } = await import("../motifs/layered-switching.js");
  if (!isNullModelName(opts.null)) {
    throw new NnmotifsError(
      `invalid --null "${opts.null}". Should be one of: ${NULL_MODEL_NAMES.join(", ")}.`,
    );
  }
  if (!(CENSUS_FORMATS as readonly string[]).includes(opts.format)) {
    throw new NnmotifsError(
      `invalid --format "${opts.format}". Should be one of: ${CENSUS_FORMATS.join(", ")}.`,
    );
  }
  const format = opts.format as CensusFormat;
  if (opts.vertexColours !== undefined && opts.vertexColours !== "layer") {
    throw new NnmotifsError(`invalid --vertex-colours "${opts.vertexColours}". Should be: layer.`);
  }
  const { parseLayerSizes } = await import("../graph/layers.js");
  const layerSizes = opts.layers === undefined ? null : parseLayerSizes(opts.layers);
  const sample = opts.sample === undefined ? null : parseSample(opts.sample, size);

  const { parseMemorySize } = await import("../core/memory-budget.js");
  const maxBytes = opts.maxMemory === undefined ? undefined : parseMemorySize(opts.maxMemory);
  const { checkOutputFile } = await import("../core/input-file.js");
  if (opts.out !== undefined) checkOutputFile(opts.out);

  const { readGraph } = await import("../graph/read-graph.js");
  const { census } = await import("../stats/census.js");
  const { log } = await import("../core/log.js");
  const g = readGraph(file);
  const note = (m: string): void => {
    if (!opts.quiet) log().info(m);
  };

  let threadsToUse = threads;
  if (sample === null) {
    const seconds = await checkWork(g, size, networks, threads, seed, opts.force ?? false, note);
    // Starting worker threads costs ~0.1 s each: small jobs finish sooner in-process. The
    // results are the same either way (one random stream per network).
    if (threads === undefined && seconds < IN_PROCESS_SECONDS) threadsToUse = 1;
  }

  // Memory and class counts after the time check (whose refusal suggests --sample).
  const { checkCensusPlan } = await import("../stats/census-memory.js");
  const { availableParallelism } = await import("node:os");
  checkCensusPlan(g, {
    size,
    networks,
    workers: Math.min(threads ?? availableParallelism(), Math.max(1, networks)),
    colours: opts.colours,
    vertexColours: opts.vertexColours === "layer",
    format,
    maxBytes,
    seed,
    file,
  });

  const { progressBar } = await import("./progress.js");
  const bar = await progressBar("random networks", !opts.quiet && networks > 0);
  bar.update(0, networks);
  let result;
  try {
    result = await census(g, {
      size,
      networks,
      nullModel: opts.null,
      exchanges,
      tries,
      seed,
      colours: opts.colours,
      vertexColours: opts.vertexColours === "layer" ? "layer" : null,
      layerSizes,
      sample,
      threads: threadsToUse,
      file,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
  }
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  const text = formatCensus(result, format, { file, version: pkg.version });
  if (opts.out !== undefined) {
    const { writeFileAtomic } = await import("../core/atomic-write.js");
    await writeFileAtomic(opts.out, text);
    note(
      `wrote ${opts.out} (${result.motifs.length} classes, ${result.run.seconds.total.toFixed(2)} s)`,
    );
  } else {
    process.stdout.write(text);
  }
}

function parseSample(text: string, size: number): number[] {
  const parts = text.split(",").map((p) => p.trim());
  const p = parts.map(Number);
  if (parts.length !== size || parts.some((s) => s === "") || p.some((x) => !(x > 0 && x <= 1))) {
    throw new NnmotifsError(
      `invalid --sample "${text}". Should be ${size} comma-separated probabilities in (0, 1], one per depth (size ${size}).`,
    );
  }
  return p;
}

/**
 * Estimate the enumeration's work up front; refuse a very long run (unless --force) and say how
 * to sample instead.
 */
async function checkWork(
  g: import("../graph/digraph.js").Digraph,
  size: number,
  networks: number,
  threads: number | undefined,
  seed: number,
  force: boolean,
  note: (m: string) => void,
): Promise<number> {
  const { estimateSubgraphCount } = await import("../motifs/rand-esu.js");
  const { Rng } = await import("../core/random.js");
  const { availableParallelism } = await import("node:os");
  const est = estimateSubgraphCount(g, size, { rng: new Rng(seed, 0xfffffffe) });
  const workers = Math.max(1, Math.min(threads ?? availableParallelism(), Math.max(networks, 1)));
  const seconds = est.seconds + (est.seconds * networks) / workers;
  if (seconds < 30) return seconds;
  const human =
    seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
  const summary = `about ${est.estimate.toExponential(1)} subgraphs of size ${size} per network; the exact census of the graph and ${networks} random networks would take roughly ${human}`;
  if (seconds <= LONG_RUN_SECONDS || force) {
    note(`${summary}.`);
    return seconds;
  }
  // Sample about a quarter of the refusal limit's work; the probability goes on the last two
  // depths, where most of the ESU tree is (a rough cost model: work ∝ leaves kept).
  const keep = Math.min(1, LONG_RUN_SECONDS / 4 / seconds);
  const last = Math.sqrt(keep);
  const probabilities = Array.from({ length: size }, (_, d) => (d >= size - 2 ? last : 1));
  const suggestion = probabilities.map((p) => (p === 1 ? "1" : p.toPrecision(2))).join(",");
  throw new NnmotifsError(
    `${summary}. Sample instead with --sample ${suggestion} (RAND-ESU), use fewer --random networks, or pass --force to enumerate anyway.`,
  );
}
