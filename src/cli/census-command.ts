/**
 * `nnmotifs census GRAPH`: the coloured motif census of a graph file against a null model
 * (SPEC §5–§7). Never loads the training side: the census library is imported inside the
 * action, and it imports nothing from nn/ but the pure initialiser kernels of the `reinit` null.
 *
 * The nulls that need the network (`--null shuffle|reinit`) also take a model file (binned alone
 * with --binning/--cutoff) or a native graph JSON with layers, weights and meta.binning; a model
 * that does not record its initialisation needs --init-scheme for `reinit`.
 */
import type { Command } from "commander";
import { once } from "node:events";
import { NnmotifsError } from "../core/errors.js";
import { MOTIF_SIZE_RANGE } from "../motifs/motif-size.js";
// Registers `reinit` (graph/), so that --null and its help know it.
import "../graph/reinit-null.js";
import { DEFAULT_NULL_MODEL, nullModelNames } from "../nulls/registry.js";
import type { CensusPlacement } from "../stats/census-cost.js";
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
  alpha: string;
  minCount: string;
  minChange: string;
  format: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  undirected?: boolean;
  minWeight?: string;
  instances?: string;
  topology?: boolean;
  limit: string;
  perNode?: boolean;
  queue?: string;
  splitRoots?: string;
  maxMemory?: string;
  initScheme?: string;
  binning: string;
  cutoff: string;
}

/** Estimated seconds above which the command refuses to enumerate without --force. */
export const LONG_RUN_SECONDS = 600;

/** Probes of the first, rough estimate, and the estimate below which it is kept (checkWork). */
const ROUGH_PROBES = 200;
const ROUGH_ENOUGH_SECONDS = 0.3;

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;

export function register(program: Command): void {
  const { max, supported } = MOTIF_SIZE_RANGE;
  program
    .command("census")
    .description(
      "coloured motif census of a graph with Z-scores and permutation p-values against a null model",
    )
    .argument(
      "<graph>",
      "graph file: FANMOD edge list (src trg [colour]), nnmotifs JSON, GML, GraphML, Pajek .net (gzip too), or @name of a shipped network (@celegans, …)",
    )
    .option(
      "-k, --size <k>",
      `subgraph size, ${supported.min}..${supported.max} (up to ${max})`,
      "3",
    )
    .option(
      "-r, --random <n>",
      "random networks (FANMOD-like; 1000 is a sensible maximum, 0 = census only)",
      "100",
    )
    .option("--null <model>", `null model: ${nullModelNames().join(" | ")}`, DEFAULT_NULL_MODEL)
    .option(
      "--init-scheme <name>",
      "reinit: the initialisation scheme of the network (normal | orthogonal | glorot | he | lecun), when the input does not record it",
    )
    .option(
      "--binning <scheme>",
      "a model input (shuffle, reinit): paper | sign | quantile | none, the model binned alone",
      "paper",
    )
    .option("--cutoff <c>", "a model input with --binning paper: the cut-off c", "0.55")
    .option("-e, --exchanges <E>", "exchanges per edge", "3")
    .option("-t, --tries <T>", "tries per edge", "3")
    .option("-s, --seed <S>", "seed of every random step (0..4294967295)", "1")
    .option(
      "--threads <n>",
      "counting threads at most, the main thread included when random networks are short (default: all cores; short jobs run in-process, longer ones with --threads 1 on one worker so Ctrl-C stays prompt)",
    )
    .option("--no-colours", "ignore edge colours (every edge colour 1, also in the switching)")
    .option(
      "--vertex-colours <what>",
      "vertex colours of the classes: layer | attribute (a GML/GraphML node colour) | FILE of `node colour` lines",
    )
    .option(
      "--undirected",
      "undirected census: every edge is an undirected pair; classes and switching respect it",
    )
    .option("--min-weight <w>", "keep only edges of weight ≥ w (GML, GraphML, Pajek files)")
    .option(
      "--instances <class>",
      "write the node sets of a class instead of the census: a motif name (diamond, bi-fan, …), a class key or k rows",
    )
    .option("--topology", "with --instances/--per-node: match uncoloured topologies")
    .option("--limit <n>", "with --instances: at most n node sets", "1000")
    .option("--per-node", "write each node's participation count per class instead of the census")
    .option("--layers <sizes>", "layer sizes as consecutive id ranges, e.g. 31,30,30,4")
    .option("--sample <p1,...,pk>", "RAND-ESU sampling with k per-depth probabilities in (0, 1]")
    .option(
      "--alpha <a>",
      "level of the BH-adjusted count p-values (p = (b+1)/(N+1), both tails, family: every class of the census) for calling a class significant",
      "0.05",
    )
    .option(
      "--min-count <n>",
      "guard (mfinder): a significant class occurs at least n times in the graph (0 = off)",
      "4",
    )
    .option(
      "--min-change <r>",
      "guard (mfinder): |count − mean random count| ≥ r · mean for a significant class (0 = off)",
      "0.1",
    )
    .option(
      "-f, --format <fmt>",
      "output: table | json | csv | fanmod (fanmod prints FANMOD's p, the share of random networks strictly above)",
      "table",
    )
    .option("-o, --out <file>", "write the output to a file (atomically) instead of stdout")
    .option("--force", "enumerate even when the estimate says it would take very long")
    .option(
      "--max-memory <size>",
      "refuse a census estimated to need more, e.g. 4G (default: free memory)",
    )
    .option("-q, --quiet", "no notes on stderr")
    .option(
      "--queue <url>",
      "count the random networks on a job queue (redis://host:port[/db]) served by `nnmotifs worker`",
    )
    .option(
      "--split-roots <n>",
      "with --queue: split the ESU roots of the graph and of each random network into n jobs (auto: about 10 s each); same numbers",
    )
    .action(async (graph: string, opts: CensusCliOptions) => {
      await censusAction(graph, opts);
    });
}

function numberOption(name: string, text: string, min: number, max: number, open = false): number {
  const value = Number(text);
  const inRange = open ? value > min && value < max : value >= min && value <= max;
  if (text.trim() === "" || !Number.isFinite(value) || !inRange) {
    const range = open ? `in (${min}, ${max})` : `${min}..${max}`;
    throw new NnmotifsError(`invalid --${name} "${text}". Should be a number ${range}.`);
  }
  return value;
}

function integerOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new NnmotifsError(`invalid --${name} "${text}". Should be an integer ${min}..${max}.`);
  }
  return value;
}

export async function censusAction(file: string, opts: CensusCliOptions): Promise<void> {
  // Ctrl-C aborts the census (workers are terminated) and nothing is written; the handler is
  // installed first so that an early Ctrl-C is caught too.
  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once("SIGINT", onSigint);
  try {
    await runCensusCommand(file, opts, interrupt.signal);
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
    throw new NnmotifsError(
      `interrupted (Ctrl-C): the census of ${file} stopped, no output written.`,
      {},
      INTERRUPTED_EXIT_CODE,
    );
  } finally {
    process.off("SIGINT", onSigint);
  }
}

async function runCensusCommand(
  file: string,
  opts: CensusCliOptions,
  signal: AbortSignal,
): Promise<void> {
  const { CENSUS_FORMATS, censusChunks } = await import("../stats/census-format.js");
  const size = integerOption("size", opts.size, MOTIF_SIZE_RANGE.min, MOTIF_SIZE_RANGE.max);
  const networks = integerOption("random", opts.random, 0, 1_000_000);
  const exchanges = integerOption("exchanges", opts.exchanges, 0, 1000);
  const tries = integerOption("tries", opts.tries, 1, 1000);
  const seed = integerOption("seed", opts.seed, 0, 2 ** 32 - 1);
  const alpha = numberOption("alpha", opts.alpha, 0, 1, true);
  const minCount = numberOption("min-count", opts.minCount, 0, Number.MAX_SAFE_INTEGER);
  const minRelativeChange = numberOption("min-change", opts.minChange, 0, Number.MAX_SAFE_INTEGER);
  const threads =
    opts.threads === undefined || opts.threads === "auto"
      ? undefined
      : integerOption("threads", opts.threads, 1, 256);
  const { nullModel, needsNetworkContext } = await import("../nulls/registry.js");
  nullModel(opts.null, "--null");
  const networkNull = needsNetworkContext(opts.null);
  if (opts.initScheme !== undefined) {
    const { INITIALISER_NAMES, isInitialiserName } = await import("../nn/initialisers.js");
    if (!isInitialiserName(opts.initScheme)) {
      throw new NnmotifsError(
        `invalid --init-scheme "${opts.initScheme}". Should be one of: ${INITIALISER_NAMES.join(", ")}.`,
      );
    }
  }
  if (!(CENSUS_FORMATS as readonly string[]).includes(opts.format)) {
    throw new NnmotifsError(
      `invalid --format "${opts.format}". Should be one of: ${CENSUS_FORMATS.join(", ")}.`,
    );
  }
  const format = opts.format as CensusFormat;
  const { parseLayerSizes } = await import("../graph/layers.js");
  const layerSizes = opts.layers === undefined ? null : parseLayerSizes(opts.layers);
  const sample = opts.sample === undefined ? null : parseSample(opts.sample, size);
  const minWeight =
    opts.minWeight === undefined
      ? undefined
      : numberOption("min-weight", opts.minWeight, -Number.MAX_VALUE, Number.MAX_VALUE);
  // --queue: the random networks as jobs (the same numbers as a local run with the same seed).
  const { log } = await import("../core/log.js");
  const queueUrl = opts.queue;
  const splitRoots = parseSplitRoots(opts.splitRoots, queueUrl, sample);
  const queued =
    queueUrl === undefined
      ? {}
      : await (async () => {
          const { parseQueueUrl } = await import("../queue/connection.js");
          parseQueueUrl(queueUrl);
          if (splitRoots !== null) {
            // --split-roots: the original's roots too, so it is counted on the queue as well.
            const { queueCensusRoots } = await import("../queue/census-roots.js");
            return {
              censusCounts: queueCensusRoots(queueUrl, splitRoots, (parts, jobs) => {
                if (!opts.quiet) log().info(`split-roots: ${parts} parts per graph, ${jobs} jobs`);
              }),
            };
          }
          const { queueEnsemble } = await import("../queue/census-split.js");
          return { randomEnsemble: queueEnsemble(queueUrl) };
        })();

  const { parseMemorySize } = await import("../core/memory-budget.js");
  const maxBytes = opts.maxMemory === undefined ? undefined : parseMemorySize(opts.maxMemory);
  const { checkOutputFile } = await import("../core/input-file.js");
  if (opts.out !== undefined) checkOutputFile(opts.out);
  const { census } = await import("../stats/census.js");
  const network = networkNull ? await readNetworkInput(file, opts) : null;
  let g = network?.graph ?? (await readCensusGraph(file, minWeight));
  if (opts.undirected) {
    const { symmetrise } = await import("../graph/undirected.js");
    g = symmetrise(g, file);
  }
  const vertexColours = await resolveVertexColours(opts.vertexColours, g, file);
  const note = (m: string): void => {
    if (!opts.quiet) log().info(m);
  };
  if (network?.binnedAlone !== undefined) note(network.binnedAlone);
  const write = async (text: string, summary: string): Promise<void> => {
    if (opts.out !== undefined) {
      const { writeFileAtomic } = await import("../core/atomic-write.js");
      await writeFileAtomic(opts.out, text);
      note(`wrote ${opts.out} (${summary})`);
    } else {
      process.stdout.write(text);
      note(summary);
    }
  };
  if (opts.instances !== undefined || opts.perNode) {
    // Node sets and participation need no random networks; table output is CSV here.
    const out = format === "json" ? "json" : "csv";
    const explicit = vertexColours instanceof Int32Array ? vertexColours : null;
    const vc = vertexColours === "layer" ? layerColours(g, file) : explicit;
    const { instancesOutput, perNodeOutput } = await import("./census-instances.js");
    const result =
      opts.instances !== undefined
        ? instancesOutput(
            g,
            {
              spec: opts.instances,
              topology: opts.topology ?? false,
              limit: integerOption("limit", opts.limit, 1, Number.MAX_SAFE_INTEGER),
            },
            size,
            opts.colours,
            vc,
            out,
          )
        : perNodeOutput(g, size, opts.colours, vc, opts.topology ?? false, out);
    await write(result.text, result.summary);
    return;
  }

  const { seconds: estimateSeconds, placement } = await checkWork(g, {
    size,
    networks,
    threads,
    seed,
    colours: opts.colours,
    sample,
    exchanges,
    tries,
    force: opts.force ?? false,
    note,
  });
  // Starting worker threads costs ~0.1 s each: small jobs finish sooner in-process, so
  // --threads is a maximum (censusPlacement). The results are the same either way (one random stream per
  // network; a census split across threads adds up exact integer counts).
  const threadsToUse = placement === "in-process" ? 1 : threads;

  // Memory and class counts after the time check (whose refusal suggests --sample).
  const { checkCensusPlanQuickly } = await import("../stats/census-memory.js");
  const { availableParallelism } = await import("node:os");
  checkCensusPlanQuickly(g, {
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
  const bar = await progressBar("census", !opts.quiet && networks > 0, {
    unit: "random network",
    estimateSeconds,
  });
  bar.update(0, networks);
  let result;
  try {
    result = await census(g, {
      size,
      networks,
      nullModel: opts.null,
      nullContext: network?.context ?? null,
      exchanges,
      tries,
      seed,
      colours: opts.colours,
      vertexColours,
      layerSizes,
      sample,
      threads: threadsToUse,
      // A longer job counts on a worker even for --threads 1, so Ctrl-C is seen within a second.
      inProcess: placement === "in-process",
      shareMainThread: placement === "shared",
      alpha,
      minCount,
      minRelativeChange,
      file,
      onProgress: (done, total) => bar.update(done, total),
      signal,
      ...queued,
    });
  } finally {
    bar.stop();
  }
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  if (result.statistics.warning !== null) note(`warning: ${result.statistics.warning}`);
  // Streamed row by row: a census of any size is written without one giant string.
  const chunks = censusChunks(result, format, { file, version: pkg.version });
  if (opts.out !== undefined) {
    const { writeChunksAtomic } = await import("../core/atomic-write.js");
    await writeChunksAtomic(opts.out, chunks);
    note(
      `wrote ${opts.out} (${result.motifs.length} classes, ${result.run.seconds.total.toFixed(2)} s)`,
    );
  } else {
    await writeChunksToStdout(chunks);
  }
}

/** Write pieces to stdout in ~1 MiB writes, waiting when the pipe is full. */
async function writeChunksToStdout(chunks: Iterable<string>): Promise<void> {
  let buffer: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    const ok = process.stdout.write(buffer.join(""));
    buffer = [];
    size = 0;
    if (!ok) await once(process.stdout, "drain");
  };
  for (const chunk of chunks) {
    buffer.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) await flush();
  }
  if (size > 0) await flush();
}

/**
 * The graph file. A plain FANMOD edge list (the common case) goes straight to its parser, so the
 * command does not load the JSON graph reader and its schema library (zod, about half of the
 * start-up); anything else (JSON, a model, a binary file) goes through readGraph's checks.
 */
async function readCensusGraph(
  file: string,
  minWeight: number | undefined,
): Promise<import("../graph/digraph.js").Digraph> {
  const { readInputBytes } = await import("../core/input-file.js");
  const bytes =
    file.startsWith("@") || minWeight !== undefined
      ? null
      : readInputBytes(file, { what: "graph" });
  const gzip = bytes !== null && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = bytes === null || gzip ? null : bytes.toString("utf8");
  // Other formats start with `{` (JSON), `<` (GraphML), `*` or `%` (Pajek), or a GML key.
  if (text !== null && /^\s*(?:#[^\n]*\n\s*)*\d/.test(text) && !text.includes("\0")) {
    const { parseFanmodEdgeList } = await import("../graph/fanmod-edge-list.js");
    return parseFanmodEdgeList(text, file);
  }
  const { readGraph } = await import("../graph/read-graph.js");
  return readGraph(file, minWeight === undefined ? {} : { minWeight });
}

/**
 * The input of a null that needs the network: a model file (any format of model/formats.ts),
 * binned alone, or a graph file; the context comes from the full weights of the model, or from the
 * graph's layers, weights and meta.binning (graph/network-context.ts says what else works).
 */
async function readNetworkInput(
  file: string,
  opts: CensusCliOptions,
): Promise<{
  graph: import("../graph/digraph.js").Digraph;
  context: import("../graph/network-context.js").NetworkNullContext;
  /** Set for a model input: how it was binned (a note for the user). */
  binnedAlone?: string;
}> {
  const { networkNullContext, colourRuleOfBinnedGraph } =
    await import("../graph/network-context.js");
  const { readInputBytes } = await import("../core/input-file.js");
  const { detectModelKind } = await import("../model/load-network.js");
  const bytes = file.startsWith("@") ? null : readInputBytes(file, { what: "model or graph" });
  const init = opts.initScheme;
  const where = { nullName: opts.null, file, ...(init !== undefined ? { init } : {}) };
  if (bytes === null || detectModelKind(bytes) === undefined) {
    const graph = await readCensusGraph(file, undefined);
    const context = networkNullContext(graph, where);
    await checkNullAccepts(opts.null, graph, context, file);
    return { graph, context };
  }
  const { MODEL_FORMATS } = await import("../model/formats.js");
  const { BINNING_SCHEME_NAMES, binGroup, isBinningScheme } = await import("../graph/binning.js");
  if (!isBinningScheme(opts.binning) || opts.binning === "matched") {
    throw new NnmotifsError(
      `invalid --binning "${opts.binning}". Should be one of ${BINNING_SCHEME_NAMES.filter((b) => b !== "matched").join(", ")}.`,
    );
  }
  const cutoff = numberOption("cutoff", opts.cutoff, 0, 1, true);
  const net = await MODEL_FORMATS.load(file);
  const { networkToDigraph } = await import("../graph/from-network.js");
  const full = networkToDigraph(net);
  const binned = binGroup([net], opts.binning, { cutoff }).graphs[0];
  // A native model records its initialiser (the study's and `nnmotifs train`'s models do).
  const recorded = (net as { training?: { init?: unknown } }).training?.init;
  const context = networkNullContext(full, {
    ...where,
    colourRule: colourRuleOfBinnedGraph(binned, file) ?? undefined,
    init: init ?? (typeof recorded === "string" ? recorded : null),
  });
  await checkNullAccepts(opts.null, binned, context, file);
  const { describeColourRule } = await import("../graph/colour-rule.js");
  return {
    graph: binned,
    context,
    binnedAlone: `${file}: binned alone with ${describeColourRule(context.colourRule)}; for a group's shared bins give its graph JSON from \`nnmotifs graph\`.`,
  };
}

/**
 * Prepare the null once up front, so that an input it cannot take (no init scheme, bins that do
 * not reproduce the graph) fails at once, naming the file, before any counting.
 */
async function checkNullAccepts(
  name: string,
  graph: import("../graph/digraph.js").Digraph,
  context: import("../nulls/null-model.js").NullContext,
  file: string,
): Promise<void> {
  const { nullModel } = await import("../nulls/registry.js");
  try {
    nullModel(name).prepare({ graph, layers: null, context }, { exchanges: 0, tries: 1 });
  } catch (error) {
    if (!(error instanceof NnmotifsError) || error.file !== undefined) throw error;
    throw new NnmotifsError(error.message, { file }, error.exitCode);
  }
}

/** `--vertex-colours`: "layer", "attribute" (from the graph file's nodes), or a node-colour file. */
async function resolveVertexColours(
  what: string | undefined,
  g: import("../graph/digraph.js").Digraph,
  file: string,
): Promise<"layer" | Int32Array | null> {
  if (what === undefined) return null;
  if (what === "layer") return "layer";
  if (what === "attribute") {
    const colours = g.meta?.nodeColours;
    if (!Array.isArray(colours) || colours.length !== g.nodeCount) {
      throw new NnmotifsError(
        "--vertex-colours attribute: the graph's nodes carry no integer colour/color attribute (GML or GraphML).",
        { file },
      );
    }
    return Int32Array.from(colours as number[]);
  }
  const { readFileSync, existsSync } = await import("node:fs");
  if (!existsSync(what)) {
    throw new NnmotifsError(
      `invalid --vertex-colours "${what}". Should be layer, attribute, or a file of "node colour" lines.`,
    );
  }
  const { parseVertexColours } = await import("../graph/vertex-colours.js");
  return parseVertexColours(readFileSync(what, "utf8"), g.nodeCount, what);
}

/** Each node's layer as its vertex colour (the graph's layers, or the ones read from its edges). */
function layerColours(g: import("../graph/digraph.js").Digraph, file: string): Int32Array {
  if (g.nodeLayer === undefined) {
    throw new NnmotifsError(
      "--vertex-colours layer with --instances/--per-node needs a graph with layers (native JSON).",
      { file },
    );
  }
  return g.nodeLayer;
}

/** `--split-roots n|auto`: only with --queue, and not with --sample (RAND-ESU's one stream). */
function parseSplitRoots(
  text: string | undefined,
  queue: string | undefined,
  sample: readonly number[] | null,
): number | "auto" | null {
  if (text === undefined) return null;
  if (queue === undefined) {
    throw new NnmotifsError(
      "--split-roots needs --queue redis://… (the parts are jobs for `nnmotifs worker`).",
    );
  }
  if (sample !== null) {
    throw new NnmotifsError(
      "--split-roots with --sample: RAND-ESU draws one random stream through all roots, so a sampled census is not split by roots. Drop one of them.",
    );
  }
  return text.trim() === "auto" ? "auto" : integerOption("split-roots", text, 1, 1024);
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
 * Estimate the census's time up front (stats/census-cost.ts), sampled or exact; say it when long,
 * and refuse a very long run (unless --force), saying how to sample (or sample less) instead.
 * Also decides where it runs: in-process when the model says workers would not finish sooner
 * (their start-up included) and the job is short enough for Ctrl-C; the seconds are those of
 * that choice.
 */
async function checkWork(
  g: import("../graph/digraph.js").Digraph,
  job: {
    size: number;
    networks: number;
    threads: number | undefined;
    seed: number;
    colours: boolean;
    sample: readonly number[] | null;
    exchanges: number;
    tries: number;
    force: boolean;
    note: (m: string) => void;
  },
): Promise<{ seconds: number; placement: CensusPlacement }> {
  const {
    censusCostBound,
    censusPlacement,
    estimateCensusCost,
    IN_PROCESS_SECONDS,
    WORKER_START_SECONDS,
  } = await import("../stats/census-cost.js");
  const { availableParallelism } = await import("node:os");
  const { size, networks, sample } = job;
  const threads = job.threads ?? availableParallelism();
  const workers = Math.max(1, Math.min(threads, Math.max(networks, 1)));
  // A job whose upper bound on one thread is below what starting the workers costs needs no
  // probes: in-process.
  const bound = censusCostBound(g, { ...job, workers: 1 });
  if (bound < Math.min(IN_PROCESS_SECONDS, WORKER_START_SECONDS * workers)) {
    return { seconds: bound, placement: "in-process" };
  }
  // A tenth of the probes first: a job short even at 3 standard errors above the rough figure
  // needs no finer one, and the probes run before the JIT has compiled them (~30 ms for 2000
  // in a fresh process, as much as a small census).
  const rough = estimateCensusCost(g, { ...job, workers }, ROUGH_PROBES);
  const upper = rough.subgraphs > 0 ? 1 + (3 * rough.subgraphsError) / rough.subgraphs : 1;
  const est =
    rough.seconds * upper < ROUGH_ENOUGH_SECONDS
      ? rough
      : estimateCensusCost(g, { ...job, workers });
  const single = est.originalSeconds + networks * est.perNetworkSeconds;
  const placement = censusPlacement({
    original: est.originalSeconds,
    perNetwork: est.perNetworkSeconds,
    single,
    parallel: est.seconds,
    workers,
    networks,
  });
  // Shared: the main thread and workers − 1 workers, one of which starts while the original is
  // counted.
  const seconds =
    placement === "in-process"
      ? single
      : placement === "shared"
        ? est.originalSeconds + (networks * est.perNetworkSeconds + WORKER_START_SECONDS) / workers
        : est.seconds;
  if (seconds < 30) return { seconds, placement };
  const human =
    seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
  const kept = est.subgraphs * (sample ?? []).reduce((a, b) => a * b, 1);
  const what =
    sample === null
      ? "the exact census"
      : `the RAND-ESU sample (--sample ${sample.join(",")}, about ${kept.toExponential(1)} subgraphs kept)`;
  const summary = `about ${est.subgraphs.toExponential(1)} subgraphs of size ${size} per network; ${what} of the graph and ${networks} random networks would take roughly ${human}`;
  if (seconds <= LONG_RUN_SECONDS || job.force) {
    job.note(`${summary}.`);
    return { seconds, placement };
  }
  // Sample about a quarter of the refusal limit's work; the probability goes on the last two
  // depths, where most of the ESU tree is (a rough cost model: work ∝ leaves kept).
  const keep = Math.min(1, LONG_RUN_SECONDS / 4 / seconds);
  const last = Math.sqrt(keep);
  const probabilities = Array.from({ length: size }, (_, d) =>
    d >= size - 2 ? last * (sample?.[d] ?? 1) : (sample?.[d] ?? 1),
  );
  const suggestion = probabilities.map((p) => (p === 1 ? "1" : p.toPrecision(2))).join(",");
  throw new NnmotifsError(
    `${summary}. Sample ${sample === null ? "instead" : "less"} with --sample ${suggestion} (RAND-ESU), use fewer --random networks, or pass --force to run anyway.`,
  );
}
