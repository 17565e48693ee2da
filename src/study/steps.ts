/**
 * The steps of a study and what each one reads and writes. The grid:
 *
 *   data set × init ──train──▶ models/, curves/
 *   init (its initial network + every network trained from it) ──graphs──▶ graphs/ (shared bins)
 *   graph × motif size × null ──census──▶ census/<graph>-k<size>-<null>.{json,csv}
 *   init × cut-off c (sensitivity sweep) ──graphs──▶ graphs/sensitivity/c<c>/ ──census──▶
 *     census/sensitivity/c<c>/<graph>-k<size>-<null>.{json,csv}
 *   everything ──analysis──▶ tables/, study-results.json ──report──▶ figures/, report.html
 *
 * A step is a plain description: its id, stage, seed, the inputs that make its cache key (config
 * slice, upstream output hashes) and a `run` that writes its outputs (atomically) and returns the
 * list of files it wrote plus a small summary. The runner (run-study.ts) decides whether to run it.
 *
 * Seeds: every step derives its own from the study seed and names (`deriveSeed(seed, stream("train"),
 * stream("tree"))`), never from its position, so results do not depend on order or threads. The
 * initial network of an init scheme depends only on (seed, init): it is the same for every data set.
 *
 * The steps call the pipeline's own APIs. Only the heavy ones are imported inside the step that
 * needs them (nn/train: TensorFlow.js; report: vega, vega-lite, resvg), so planning a study, or
 * `nnmotifs study --print-config`, loads none of them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, isAbsolute, join, relative } from "node:path";
import { analyseStudy, writeAnalysisTables } from "../analysis/analyse-study.js";
import type {
  CensusRecord,
  GraphRecord,
  MotifRecord,
  SensitivityGraph,
  SensitivityRecord,
  StudyResults,
  TrainingRecord,
} from "../analysis/study-results.js";
import { writeFileAtomic } from "../core/atomic-write.js";
import { objectsToCsv } from "../core/csv.js";
import { NnmotifsError } from "../core/errors.js";
import { deriveSeed, mix32 } from "../core/random.js";
import { loadDataset } from "../data/load-dataset.js";
import { splitDataset } from "../data/split.js";
import { binGraphs } from "../graph/binning.js";
import { networkToDigraph } from "../graph/from-network.js";
import { formatGraph, readGraph } from "../graph/read-graph.js";
import type { Digraph } from "../graph/digraph.js";
import type { NullModelName } from "../motifs/layered-switching.js";
import type { InitialiserName } from "../nn/initialisers.js";
import { initialNetwork } from "../nn/mlp.js";
import { formatNativeModel, parseNativeModel } from "../nn/native-model.js";
import type { EpochRecord } from "../nn/train.js";
import { census, censusJson } from "../stats/census.js";
import { formatCensus } from "../stats/census-format.js";
import { hashFile, hashOf } from "./cache.js";
import type { StudyConfig } from "./config.js";
import { nnmotifsVersion, type Stage } from "./manifest.js";

// ─── Names, seeds and paths ─────────────────────────────────────────────────────────────────────

/** A 32-bit stream number for a name (FNV-1a, then mixed): seeds are derived from names. */
export function stream(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** The seed of a step: the study seed and the step's names, never its position in the run. */
export function stepSeed(seed: number, ...names: string[]): number {
  return deriveSeed(seed, ...names.map(stream));
}

/** One data set of the study: its spec as written in the config and a short name for files. */
export interface StudyDataset {
  readonly spec: string;
  readonly slug: string;
}

/** Short unique file-name-safe names: tree, clusters, csv:x/tree.csv → "tree-csv", idx:d → "d". */
export function datasetSlugs(specs: readonly string[]): StudyDataset[] {
  const taken = new Set<string>(["initial"]);
  return specs.map((spec) => {
    let base: string;
    if (spec === "tree" || spec === "clusters") base = spec;
    else {
      const [kind, path] = [spec.slice(0, 3), spec.slice(4)];
      const name = basename(path.replace(/[/\\]+$/, "")).replace(/\.(csv|gz)$/i, "");
      base = `${name.replace(/[^A-Za-z0-9_.-]+/g, "_")}-${kind}`;
    }
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { spec, slug };
  });
}

/** Graph ids: "<init>-initial" and "<init>-<data set>". */
export const initialGraphId = (init: string): string => `${init}-initial`;
export const trainedGraphId = (init: string, slug: string): string => `${init}-${slug}`;

/** Every path of the results folder layout, relative to it. */
export const LAYOUT = {
  trainedModel: (slug: string, init: string) => `models/${slug}-${init}.model.json`,
  initialModel: (init: string) => `models/${init}-initial.model.json`,
  curveCsv: (slug: string, init: string) => `curves/${slug}-${init}.csv`,
  curveJson: (slug: string, init: string) => `curves/${slug}-${init}.json`,
  graphFanmod: (id: string) => `graphs/${id}.fanmod.txt`,
  graphJson: (id: string) => `graphs/${id}.graph.json`,
  graphGroup: (init: string) => `graphs/${init}-group.json`,
  censusJson: (id: string, k: number, nullModel: string) => `census/${id}-k${k}-${nullModel}.json`,
  censusCsv: (id: string, k: number, nullModel: string) => `census/${id}-k${k}-${nullModel}.csv`,
  results: "study-results.json",
  report: "report.html",
  // The cut-off sweep: its own folders, so no file or step id meets the main graphs and census.
  sensitivityFanmod: (c: number, id: string) => `graphs/sensitivity/c${String(c)}/${id}.fanmod.txt`,
  sensitivityGraphJson: (c: number, id: string) =>
    `graphs/sensitivity/c${String(c)}/${id}.graph.json`,
  sensitivityGroup: (c: number, init: string) =>
    `graphs/sensitivity/c${String(c)}/${init}-group.json`,
  sensitivityCensusJson: (c: number, id: string, k: number, nullModel: string) =>
    `census/sensitivity/c${String(c)}/${id}-k${k}-${nullModel}.json`,
  sensitivityCensusCsv: (c: number, id: string, k: number, nullModel: string) =>
    `census/sensitivity/c${String(c)}/${id}-k${k}-${nullModel}.csv`,
} as const;

// ─── Steps ──────────────────────────────────────────────────────────────────────────────────────

/** What a running step may report (drives the progress bar). */
export type ProgressFn = (done: number, total: number) => void;

export interface StepContext {
  readonly config: StudyConfig;
  /** Absolute results folder. */
  readonly outDir: string;
  readonly threads: number;
  /** Write a file under the results folder atomically; returns its relative path. */
  write(relPath: string, data: string | Uint8Array): Promise<string>;
}

export interface StepOutput<T> {
  /** Files written, relative to the results folder. */
  readonly outputs: readonly string[];
  readonly data: T;
}

export interface Step<T = unknown> {
  readonly id: string;
  readonly stage: Stage;
  readonly label: string;
  readonly seed: number | null;
  /** Everything the result depends on; hashed (with the nnmotifs version) into the cache key. */
  readonly inputs: unknown;
  /** Show a progress bar (long step). */
  readonly long: boolean;
  run(ctx: StepContext, progress: ProgressFn): Promise<StepOutput<T>>;
}

export function makeContext(config: StudyConfig, outDir: string): StepContext {
  return {
    config,
    outDir,
    threads: config.threads === "auto" ? availableParallelism() : config.threads,
    async write(relPath, data) {
      await writeFileAtomic(join(outDir, relPath), data);
      return relPath;
    },
  };
}

/** Content hash of a data set's source files (csv:/idx:), so edited data invalidates training. */
export function datasetContentHash(spec: string): string | null {
  if (spec.startsWith("csv:")) {
    const file = spec.slice(4);
    if (!existsSync(file)) throw new NnmotifsError(`data set file not found`, { file });
    return hashFile(file);
  }
  if (spec.startsWith("idx:")) {
    const dir = spec.slice(4);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new NnmotifsError(`IDX data set folder not found`, { file: dir });
    }
    const files = readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
    return hashOf(files.map((f) => [f, hashFile(join(dir, f))]));
  }
  return null;
}

export interface TrainSummary {
  readonly layerSizes: readonly number[];
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly backend: string;
  readonly epochsRun: number;
  readonly trainSeconds: number;
}

/**
 * Train one network: data set × init, from the init's initial network. `writesInitial`: this step
 * saves that initial network as models/<init>-initial (the first data set's step does; the initial
 * network depends on the seed, the init and the data's shape only, so it is the same for every data
 * set of that shape).
 */
export function trainStep(
  config: StudyConfig,
  ds: StudyDataset,
  init: InitialiserName,
  writesInitial: boolean,
): Step<TrainSummary> {
  const dataSeed = stepSeed(config.seed, "data", ds.spec);
  const initSeed = stepSeed(config.seed, "init", init);
  const trainSeed = stepSeed(config.seed, "train", ds.spec);
  const t = config.training;
  return {
    id: `train-${ds.slug}-${init}`,
    stage: "train",
    label: `train ${ds.slug} × ${init}`,
    seed: trainSeed,
    long: true,
    inputs: {
      dataset: ds.spec,
      content: datasetContentHash(ds.spec),
      dataSeed,
      initSeed,
      trainSeed,
      init,
      hidden: config.network.hidden,
      training: t,
      writesInitial,
    },
    async run(ctx, progress) {
      const data = loadDataset(ds.spec, { seed: dataSeed });
      const layerSizes = [data.nFeatures, ...config.network.hidden, data.nClasses];
      const initial = initialNetwork(layerSizes, init, initSeed);
      // The only step that needs TensorFlow.js: loaded here, not when the study starts.
      const { trainNetwork } = await import("../nn/train.js");
      const result = await trainNetwork(data, {
        initial,
        split: splitDataset(data, stepSeed(config.seed, "split", ds.spec), {
          testFraction: t.testSplit,
          validationFraction: t.validationSplit,
        }),
        seed: trainSeed,
        epochs: t.epochs,
        batchSize: t.batch,
        learningRate: t.learningRate,
        momentum: t.momentum,
        nesterov: t.nesterov,
        // patience 0 means "no early stopping"
        patience: t.patience === 0 ? t.epochs + 1 : t.patience,
        snapshots: [0],
        onEpochEnd: (r) => progress(r.epoch, t.epochs),
      });
      const history = result.history.map(historyRow);
      const training = { dataset: ds.spec, init, seed: trainSeed, initSeed, dataSeed, ...t };
      const outputs = [
        await ctx.write(
          LAYOUT.trainedModel(ds.slug, init),
          formatNativeModel(
            { ...result.trained, source: `${ds.spec}:${init}:trained` },
            { epoch: result.epochsRun, training, history },
          ),
        ),
        await ctx.write(LAYOUT.curveCsv(ds.slug, init), objectsToCsv(history)),
        await ctx.write(
          LAYOUT.curveJson(ds.slug, init),
          JSON.stringify(
            {
              dataset: ds.spec,
              init,
              backend: result.backend,
              testLoss: result.test.loss,
              testAccuracy: result.test.accuracy,
              history,
            },
            null,
            2,
          ) + "\n",
        ),
      ];
      if (writesInitial) {
        outputs.push(
          await ctx.write(
            LAYOUT.initialModel(init),
            formatNativeModel(
              { ...initial, source: `${init}:initial` },
              { epoch: 0, training: { init, initSeed, layerSizes } },
            ),
          ),
        );
      }
      return {
        outputs,
        data: {
          layerSizes,
          testLoss: result.test.loss,
          testAccuracy: result.test.accuracy,
          backend: result.backend,
          epochsRun: result.epochsRun,
          trainSeconds: result.seconds,
        },
      };
    },
  };
}

/** An epoch as the curve and model files store it (columns in this order; null: no validation). */
type HistoryRow = {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
};

function historyRow(r: EpochRecord): HistoryRow {
  return {
    epoch: r.epoch,
    loss: r.loss,
    accuracy: r.accuracy,
    valLoss: r.valLoss,
    valAccuracy: r.valAccuracy,
  };
}

export interface GraphsSummary {
  readonly graphIds: readonly string[];
  readonly edgesPerColour: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly binEdges: readonly number[] | null;
}

/** Turn one init scheme's networks (initial + trained on each data set) into graphs, shared bins. */
export function graphsStep(
  config: StudyConfig,
  datasets: readonly StudyDataset[],
  init: string,
  trainHashes: Readonly<Record<string, string>>,
): Step<GraphsSummary> {
  const g = config.graphs;
  return {
    id: `graphs-${init}`,
    stage: "graphs",
    label: `graphs ${init} (${g.binning} binning)`,
    seed: null,
    long: false,
    // Only the options the scheme reads: a new quantile does not redo paper-binned graphs.
    inputs: { init, graphs: binningInputs(g), trainHashes },
    async run(ctx) {
      const read = (dataset: string | null, id: string, file: string) => ({
        id,
        dataset,
        net: parseNativeModel(readFileSync(join(ctx.outDir, file), "utf8"), file),
      });
      const members = [
        read(null, initialGraphId(init), LAYOUT.initialModel(init)),
        ...datasets.map((ds) =>
          read(ds.spec, trainedGraphId(init, ds.slug), LAYOUT.trainedModel(ds.slug, init)),
        ),
      ];
      // Every kernel weight as an edge (SPEC §4.1); the binning keeps a subsequence of them.
      const full = members.map((m) => networkToDigraph(m.net));
      const binned = binGraphs(full, g.binning, { cutoff: g.cutoff, quantile: g.quantile });
      const fit = normalFit(binned.details);
      const outputs: string[] = [];
      const records: GraphRecord[] = [];
      const edgesPerColour: Record<string, Record<string, number>> = {};
      for (let i = 0; i < members.length; i++) {
        const m = members[i];
        const stage = m.dataset === null ? "initial" : "trained";
        const graph = {
          ...binned.graphs[i],
          meta: { ...binned.graphs[i].meta, id: m.id, init, stage, dataset: m.dataset },
        };
        outputs.push(await ctx.write(LAYOUT.graphFanmod(m.id), formatGraph(graph, "fanmod")));
        outputs.push(await ctx.write(LAYOUT.graphJson(m.id), formatGraph(graph, "json")));
        // Colours present only (the scheme's count lists its unused colours as 0).
        const perColour = Object.fromEntries(
          Object.entries(binned.edgesPerColour[i]).filter(([, n]) => n > 0),
        );
        edgesPerColour[m.id] = perColour;
        records.push({
          id: m.id,
          init,
          stage,
          dataset: m.dataset,
          layerSizes: [...m.net.layerSizes],
          weights: Array.from(full[i].edgeWeight ?? []),
          weightColours: Array.from(keptColours(full[i], binned.graphs[i])),
          binEdges: binned.binEdges,
          fit,
          edgesPerColour: perColour,
        });
      }
      outputs.push(
        await ctx.write(LAYOUT.graphGroup(init), JSON.stringify({ init, graphs: records }) + "\n"),
      );
      return {
        outputs,
        data: { graphIds: members.map((m) => m.id), edgesPerColour, binEdges: binned.binEdges },
      };
    },
  };
}

/**
 * The sensitivity sweep (SPEC §4.3): one init scheme's networks re-binned with paper binning at
 * cut-off `cutoff`, bins shared by the group as in the main graphs (SPEC §4.2).
 */
export function sensitivityGraphsStep(
  config: StudyConfig,
  datasets: readonly StudyDataset[],
  init: string,
  cutoff: number,
  trainHashes: Readonly<Record<string, string>>,
): Step<{ graphIds: readonly string[] }> {
  return {
    id: `sensitivity-graphs-${init}-c${String(cutoff)}`,
    stage: "graphs",
    label: `graphs ${init} at c = ${cutoff} (sensitivity)`,
    seed: null,
    long: false,
    inputs: { init, cutoff, trainHashes },
    async run(ctx) {
      const members = [
        { id: initialGraphId(init), dataset: null, file: LAYOUT.initialModel(init) },
        ...datasets.map((ds) => ({
          id: trainedGraphId(init, ds.slug),
          dataset: ds.spec,
          file: LAYOUT.trainedModel(ds.slug, init),
        })),
      ];
      const full = members.map((m) =>
        networkToDigraph(parseNativeModel(readFileSync(join(ctx.outDir, m.file), "utf8"), m.file)),
      );
      const binned = binGraphs(full, "paper", { cutoff });
      const outputs: string[] = [];
      const graphs: SensitivityGraph[] = [];
      for (let i = 0; i < members.length; i++) {
        const m = members[i];
        const stage = m.dataset === null ? "initial" : "trained";
        const graph = {
          ...binned.graphs[i],
          meta: { ...binned.graphs[i].meta, id: m.id, init, stage, dataset: m.dataset, cutoff },
        };
        outputs.push(
          await ctx.write(LAYOUT.sensitivityFanmod(cutoff, m.id), formatGraph(graph, "fanmod")),
          await ctx.write(LAYOUT.sensitivityGraphJson(cutoff, m.id), formatGraph(graph, "json")),
        );
        graphs.push({
          id: m.id,
          init,
          stage,
          dataset: m.dataset,
          binEdges: binned.binEdges,
          edgesPerColour: Object.fromEntries(
            Object.entries(binned.edgesPerColour[i]).filter(([, n]) => n > 0),
          ),
        });
      }
      outputs.push(
        await ctx.write(
          LAYOUT.sensitivityGroup(cutoff, init),
          JSON.stringify({ init, cutoff, graphs }, null, 1) + "\n",
        ),
      );
      return { outputs, data: { graphIds: members.map((m) => m.id) } };
    },
  };
}

export interface CensusSummary {
  readonly subgraphs: number;
  readonly classes: number;
  readonly censusSeconds: number;
}

/**
 * One census: a graph × a motif size × a null model; with `cutoff`, of the graph re-binned at that
 * cut-off by the sensitivity sweep. The seed does not depend on the cut-off: every cut-off's census
 * of a graph draws the same random stream, so differences come from the binning alone.
 */
export function censusStep(
  config: StudyConfig,
  graphId: string,
  size: number,
  nullModel: NullModelName,
  graphHash: string,
  cutoff?: number,
): Step<CensusSummary> {
  const seed = stepSeed(config.seed, "census", graphId, String(size), nullModel);
  const m = config.motifs;
  const sweep = cutoff !== undefined;
  const files = sweep
    ? {
        graph: LAYOUT.sensitivityGraphJson(cutoff, graphId),
        json: LAYOUT.sensitivityCensusJson(cutoff, graphId, size, nullModel),
        csv: LAYOUT.sensitivityCensusCsv(cutoff, graphId, size, nullModel),
      }
    : {
        graph: LAYOUT.graphJson(graphId),
        json: LAYOUT.censusJson(graphId, size, nullModel),
        csv: LAYOUT.censusCsv(graphId, size, nullModel),
      };
  return {
    id: sweep
      ? `sensitivity-census-c${String(cutoff)}-${graphId}-k${size}-${nullModel}`
      : `census-${graphId}-k${size}-${nullModel}`,
    stage: "census",
    label: sweep
      ? `census ${graphId} k=${size} ${nullModel} at c = ${cutoff}`
      : `census ${graphId} k=${size} ${nullModel}`,
    seed,
    long: true,
    inputs: {
      graphHash,
      size,
      nullModel,
      seed,
      randomNetworks: m.randomNetworks,
      exchanges: m.exchanges,
      tries: m.tries,
      colours: m.colours,
      vertexColours: m.vertexColours,
    },
    async run(ctx, progress) {
      const graphFile = files.graph;
      const result = await census(readGraph(join(ctx.outDir, graphFile)), {
        size,
        networks: m.randomNetworks,
        nullModel,
        exchanges: m.exchanges,
        tries: m.tries,
        seed,
        // Size-3 censuses take milliseconds per network: starting workers costs more than it
        // saves, so "auto" runs them in-process (results are identical for any thread count).
        threads: size <= 3 && ctx.config.threads === "auto" ? 1 : ctx.threads,
        colours: m.colours,
        vertexColours: m.vertexColours === "layer" ? "layer" : null,
        onProgress: progress,
      });
      // Without `run` (threads, timings): equal inputs give byte-identical files.
      const doc = censusJson(result);
      const outputs = [
        await ctx.write(files.json, JSON.stringify(doc, null, 1) + "\n"),
        await ctx.write(
          files.csv,
          formatCensus(doc, "csv", { file: graphFile, version: nnmotifsVersion() }),
        ),
      ];
      return {
        outputs,
        data: {
          subgraphs: doc.subgraphs,
          classes: doc.motifs.length,
          censusSeconds: result.run.seconds.total,
        },
      };
    },
  };
}

// ─── Results for the analyses and the report ────────────────────────────────────────────────────

export interface StudyIndex {
  readonly datasets: readonly StudyDataset[];
  readonly inits: readonly string[];
  readonly graphIds: readonly string[];
  readonly trainings: ReadonlyArray<{ ds: StudyDataset; init: string; summary: TrainSummary }>;
  readonly censuses: ReadonlyArray<{
    graphId: string;
    size: number;
    nullModel: string;
    seconds: number;
  }>;
  /** The sensitivity sweep's censuses (empty when it is off). */
  readonly sensitivity?: ReadonlyArray<{
    cutoff: number;
    graphId: string;
    size: number;
    nullModel: string;
    seconds: number;
  }>;
  readonly timings: Readonly<Record<string, number>>;
  readonly versions: Readonly<Record<string, string>>;
}

/** Assemble StudyResults (the analysis/report contract) from the files in the results folder. */
export function collectResults(
  config: StudyConfig,
  outDir: string,
  index: StudyIndex,
): StudyResults {
  const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(outDir, rel), "utf8")) as T;
  const trainings: TrainingRecord[] = index.trainings.map(({ ds, init, summary }) => {
    const curve = readJson<{ history: EpochRecord[] }>(LAYOUT.curveJson(ds.slug, init));
    return {
      dataset: ds.spec,
      init,
      history: curve.history.map((r) => ({
        ...r,
        valLoss: r.valLoss ?? NaN,
        valAccuracy: r.valAccuracy ?? NaN,
      })),
      testLoss: summary.testLoss,
      testAccuracy: summary.testAccuracy,
      backend: summary.backend,
      seconds: summary.trainSeconds,
    };
  });
  const graphs: GraphRecord[] = index.inits.flatMap(
    (init) => readJson<{ graphs: GraphRecord[] }>(LAYOUT.graphGroup(init)).graphs,
  );
  const censusRecord = (
    file: string,
    c: { graphId: string; size: number; nullModel: string; seconds: number },
  ): CensusRecord => {
    const doc = readJson<{ subgraphs: number; motifs: MotifRecord[] }>(file);
    return {
      graphId: c.graphId,
      size: c.size,
      nullModel: c.nullModel,
      randomNetworks: config.motifs.randomNetworks,
      subgraphs: doc.subgraphs,
      motifs: doc.motifs.map(motifRecord),
      seconds: c.seconds,
    };
  };
  const censuses: CensusRecord[] = index.censuses.map((c) =>
    censusRecord(LAYOUT.censusJson(c.graphId, c.size, c.nullModel), c),
  );
  const cutoffs = [...new Set((index.sensitivity ?? []).map((c) => c.cutoff))];
  const sensitivity: SensitivityRecord[] = cutoffs.map((cutoff) => ({
    cutoff,
    graphs: index.inits.flatMap(
      (init) =>
        readJson<{ graphs: SensitivityGraph[] }>(LAYOUT.sensitivityGroup(cutoff, init)).graphs,
    ),
    censuses: (index.sensitivity ?? [])
      .filter((c) => c.cutoff === cutoff)
      .map((c) =>
        censusRecord(LAYOUT.sensitivityCensusJson(cutoff, c.graphId, c.size, c.nullModel), c),
      ),
  }));
  return {
    config,
    datasets: index.datasets.map((d) => d.spec),
    inits: [...index.inits],
    sizes: [...config.motifs.sizes],
    nullModels: [...config.motifs.nulls],
    trainings,
    graphs,
    censuses,
    timings: index.timings,
    versions: index.versions,
    ...(sensitivity.length > 0 ? { sensitivity } : {}),
  };
}

function motifRecord(m: MotifRecord): MotifRecord {
  return {
    adjacency: m.adjacency,
    count: m.count,
    frequency: m.frequency,
    randomMean: m.randomMean,
    randomSd: m.randomSd,
    z: m.z ?? null,
    pOver: m.pOver,
    pUnder: m.pUnder,
    zCount: m.zCount ?? null,
    sp: m.sp ?? null,
  };
}

/** The analyses: tables/*.csv and study-results.json. */
export function analysisStep(
  inputs: unknown,
  results: () => StudyResults,
): Step<{ files: number }> {
  return {
    id: "analysis",
    stage: "analysis",
    label: "analyses (tables)",
    seed: null,
    long: false,
    inputs,
    async run(ctx) {
      const r = results();
      const outputs = [await ctx.write(LAYOUT.results, JSON.stringify(r) + "\n")];
      const tables = await writeAnalysisTables(analyseStudy(r), join(ctx.outDir, "tables"));
      outputs.push(...tables.map((f) => relativeTo(ctx.outDir, f)));
      return { outputs, data: { files: outputs.length } };
    },
  };
}

/** The report: figures/*.{svg,png} and report.html. */
export function reportStep(inputs: unknown, results: () => StudyResults): Step<{ files: number }> {
  return {
    id: "report",
    stage: "report",
    label: "report (figures, report.html)",
    seed: null,
    long: false,
    inputs,
    async run(ctx) {
      const r = results();
      // The figures need vega, vega-lite and resvg: loaded by this step only.
      const { writeReport } = await import("../report/index.js");
      const out = await writeReport(r, analyseStudy(r), ctx.outDir);
      const outputs = [out.reportPath, ...out.figurePaths].map((f) => relativeTo(ctx.outDir, f));
      return { outputs, data: { files: outputs.length } };
    },
  };
}

/** The binning options a scheme actually reads. */
function binningInputs(g: StudyConfig["graphs"]): Record<string, unknown> {
  if (g.binning === "paper") return { binning: g.binning, cutoff: g.cutoff };
  if (g.binning === "quantile") return { binning: g.binning, quantile: g.quantile };
  return { binning: g.binning };
}

// ─── Small helpers ──────────────────────────────────────────────────────────────────────────────

/** The normal fitted by the paper binning (SPEC §4.2 step 2), from its details; else null. */
function normalFit(details: Readonly<Record<string, unknown>>): GraphRecord["fit"] {
  const { mu, sigma, threshold } = details;
  return typeof mu === "number" && typeof sigma === "number" && typeof threshold === "number"
    ? { mean: mu, sd: sigma, threshold }
    : null;
}

/**
 * Colour of every edge of the full network graph `full` (SPEC §4.1 order) given the binned graph
 * `kept` (a subsequence of it): its colour where kept, 0 where the binning removed it.
 */
function keptColours(full: Digraph, kept: Digraph): Uint8Array {
  const colours = new Uint8Array(full.edgeSrc.length);
  let r = 0;
  for (let e = 0; e < colours.length && r < kept.edgeSrc.length; e++) {
    if (full.edgeSrc[e] === kept.edgeSrc[r] && full.edgeTrg[e] === kept.edgeTrg[r]) {
      colours[e] = kept.edgeColour[r++];
    }
  }
  return colours;
}

/** A path under the results folder, relative to it with forward slashes. */
export function relativeTo(outDir: string, path: string): string {
  return (isAbsolute(path) ? relative(outDir, path) : path).split("\\").join("/");
}
