/**
 * The plan of a study: its configuration turned into a pure, serialisable (JSON) list of step specs,
 * in dependency order. Nothing here reads the results folder or runs anything; an executor
 * (executor.ts) runs the plan against a store (store.ts), a step kind (steps/registry.ts) runs one
 * spec. A spec and a store are all a worker on another machine needs to run a step.
 *
 * The grid is one grid. Its axes are coordinates:
 *
 *   train   data set × init (× architecture × seed: one value each today)
 *   graphs  init × binning   (the study's binning, and each cut-off of the sensitivity sweep)
 *   census  graph × binning × motif size × null model × colours
 *   matched graphs: init × data set (the initial network binned at the trained network's edges
 *           per layer and colour, binning.ts "matched"), counted without colours
 *
 * The colours axis (issue 7 item 4): every main graph is also counted without colours at the
 * sizes of `topology` (and of `density`), the topology-level headline. The matched graphs
 * (issue 7 item 5) exist only with the paper binning; their trained side is the trained network's
 * own uncoloured census, since the matched scheme keeps the reference's paper colours.
 *
 * The sweep is only more values of the binning axis (with its own sizes and nulls), so the sweep's
 * point at the study's own cut-off IS the main graphs and census, computed once. Output paths of the
 * main grid are those of LAYOUT; a point outside the main grid keeps the sweep's paths.
 *
 * Each spec carries a plan key: a hash of its kind, parameters, the plan keys of what it reads and the
 * code fingerprint, so it changes exactly when something upstream of it changed. The executor's
 * cache key (what decides reuse) hashes the actual upstream output hashes instead.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { NnmotifsError } from "../core/errors.js";
import type { NullModelName } from "../nulls/registry.js";
import type { InitialiserName } from "../nn/initialisers.js";
import { hashFile, hashOf } from "./cache.js";
import type { StudyConfig } from "./config.js";
import {
  LAYOUT,
  datasetSlugs,
  initialGraphId,
  matchedGraphId,
  trainedGraphId,
  type StudyDataset,
} from "./layout.js";
import { REFERENCE_SHAPE, censusScale, studyNetworkShape, trainingScale } from "./cost-model.js";
import type { NetworkShape } from "./cost-model.js";
import { codeFingerprint, nnmotifsVersion, type Stage } from "./manifest.js";
import { stepSeed } from "./step.js";

/** What a step reads: an output of an upstream step (a key), or its whole record (`output: null`). */
export interface StepInput {
  readonly step: string;
  readonly output: string | null;
}

export interface StepSpec<P = Record<string, unknown>> {
  readonly id: string;
  readonly kind: StepKindName;
  readonly stage: Stage;
  readonly label: string;
  readonly seed: number | null;
  /** Show a progress bar (a long step). */
  readonly long: boolean;
  readonly params: P;
  readonly inputs: Readonly<Record<string, StepInput>>;
  /** Keys it writes; a key ending in "/" stands for every key under it (tables/, figures/). */
  readonly outputs: readonly string[];
  /** Hash of kind, key params, upstream plan keys and code: changes exactly downstream of a change. */
  readonly planKey: string;
  /** Estimated seconds (cost model, cost.ts of the plan below). */
  readonly estimate: number;
}

export type StepKindName = "train" | "graphs" | "census" | "analysis" | "report";

export interface StudyPlan {
  readonly format: "nnmotifs-plan";
  readonly version: 1;
  /** nnmotifs version + code fingerprint: part of every key. */
  readonly code: string;
  readonly steps: readonly StepSpec[];
}

export interface PlanOptions {
  /** Content hash of a csv:/idx: data set's files (default: hash them); null for generated sets. */
  readonly datasetHash?: (spec: string) => string | null;
}

/** One value of the binning axis. `main`: the study's own binning (the main grid's paths). */
export interface BinningPoint {
  readonly scheme: StudyConfig["graphs"]["binning"];
  readonly cutoff: number | null;
  readonly quantile: number | null;
  readonly main: boolean;
}

// ---- parameter types of the step kinds (the steps read nothing else) ----

export interface TrainParams {
  readonly dataset: string;
  readonly slug: string;
  readonly init: InitialiserName;
  readonly hidden: readonly number[];
  readonly training: StudyConfig["training"];
  readonly content: string | null;
  readonly dataSeed: number;
  readonly initSeed: number;
  readonly trainSeed: number;
  readonly splitSeed: number;
  /** Also save the init's initial network (the first data set's step does). */
  readonly writesInitial: boolean;
  readonly files: {
    readonly model: string;
    readonly curveCsv: string;
    readonly curveJson: string;
    readonly initial: string | null;
  };
}

export interface GraphMember {
  readonly id: string;
  /** The data set spec (null: the initial network). */
  readonly dataset: string | null;
  /** Input name of its model file. */
  readonly model: string;
  readonly fanmod: string;
  readonly json: string;
}

export interface GraphsParams {
  readonly init: string;
  readonly binning: BinningPoint;
  readonly members: readonly GraphMember[];
  readonly group: string;
  /** Matched binning: the member whose edge counts the others match (absent otherwise). */
  readonly matchTo?: string;
  /** Members to write (absent: all); the others only take part in the binning. */
  readonly write?: readonly string[];
}

export interface CensusParams {
  readonly graphId: string;
  readonly size: number;
  readonly nullModel: NullModelName;
  readonly seed: number;
  readonly motifs: Omit<StudyConfig["motifs"], "sizes" | "nulls">;
  /** The cut-off of a sweep point (null in the main grid). */
  readonly cutoff: number | null;
  /** Input name of the graph, and the output files. */
  readonly graph: string;
  readonly json: string;
  readonly csv: string;
}

/** What the analysis and report need to assemble StudyResults from their inputs. */
export interface ResultsIndex {
  readonly config: StudyConfig;
  readonly datasets: readonly StudyDataset[];
  readonly inits: readonly string[];
  readonly graphIds: readonly string[];
  /** Input names: `train:<id>` (record) and `curve:<id>` (its curve JSON). */
  readonly trainings: ReadonlyArray<{ dataset: string; slug: string; init: string; step: string }>;
  /** Input names of the main graph groups, in init order. */
  readonly groups: readonly string[];
  readonly censuses: ReadonlyArray<CensusEntry>;
  /** The uncoloured censuses of the main graphs (the topology level). */
  readonly topology: ReadonlyArray<CensusEntry>;
  /** Matched density: per init × data set, the matched initial graph and its censuses. */
  readonly matched: ReadonlyArray<MatchedEntry>;
  readonly sensitivity: ReadonlyArray<{
    cutoff: number;
    /** Input names of its groups, in init order (the main groups at the study's own cut-off). */
    groups: readonly string[];
    censuses: ReadonlyArray<CensusEntry>;
  }>;
}

export interface CensusEntry {
  readonly graphId: string;
  readonly size: number;
  readonly nullModel: string;
  /** The census step (record input `census:<step>`, JSON input `censusJson:<step>`). */
  readonly step: string;
}

export interface MatchedEntry {
  readonly init: string;
  readonly dataset: string;
  /** The trained network it is matched to, and the matched initial graph's id. */
  readonly trainedId: string;
  readonly graphId: string;
  /** Input name of the matched group file. */
  readonly group: string;
  /** Uncoloured censuses of the matched initial graph. */
  readonly censuses: ReadonlyArray<CensusEntry>;
}

export type AnalysisParams = ResultsIndex;

export type CensusVariant = "coloured" | "uncoloured" | "matched";

// ---- the grid ----

export function buildPlan(config: StudyConfig, options: PlanOptions = {}): StudyPlan {
  const code = `${nnmotifsVersion()}+${codeFingerprint()}`;
  const contentHash = options.datasetHash ?? datasetContentHash;
  const datasets = datasetSlugs(config.data);
  const inits = config.network.inits;
  const builder = new PlanBuilder(code, studyNetworkShape(config.data, config.network.hidden));

  // Axis values. A new axis (seeds, architectures, epochs) is one more array here and one more
  // name in the ids and parameters of the steps it reaches.
  const binnings = binningAxis(config);
  const main = binnings[0];

  // train: data set × init
  const trainIds = new Map<string, string>();
  for (const ds of datasets) {
    for (const init of inits) {
      const spec = trainSpec(config, ds, init, ds === datasets[0], contentHash(ds.spec));
      builder.add(spec);
      trainIds.set(`${ds.slug}/${init}`, spec.id);
    }
  }
  const graphIds = inits.flatMap((init) => [
    initialGraphId(init),
    ...datasets.map((ds) => trainedGraphId(init, ds.slug)),
  ]);

  // graphs: init × binning
  const graphStep = new Map<string, string>(); // `${binning}/${graphId}` → graphs step id
  const groupKey = new Map<string, { step: string; key: string }>(); // `${binning}/${init}`
  for (const b of binnings) {
    for (const init of inits) {
      const spec = graphsSpec(b, init, datasets, trainIds);
      builder.add(spec);
      for (const m of spec.params.members) graphStep.set(`${binningName(b)}/${m.id}`, spec.id);
      groupKey.set(`${binningName(b)}/${init}`, { step: spec.id, key: spec.params.group });
    }
  }

  // census: graph × binning × size × null; the main grid first, then the sweep's new points.
  const m = config.motifs;
  const s = config.sensitivity;
  const censusPoints: Array<{
    b: BinningPoint;
    graphId: string;
    size: number;
    nul: NullModelName;
  }> = [];
  for (const graphId of graphIds) {
    for (const size of m.sizes)
      for (const nul of m.nulls) censusPoints.push({ b: main, graphId, size, nul });
  }
  // In the sweep's own order (the main binning takes the place of its cut-off).
  const sweep = sweepCutoffs(config).flatMap((c) =>
    binnings.filter((b) => b.scheme === "paper" && b.cutoff === c),
  );
  for (const b of sweep) {
    for (const graphId of graphIds) {
      for (const size of s.sizes)
        for (const nul of s.nulls) censusPoints.push({ b, graphId, size, nul });
    }
  }
  const censusStep = new Map<string, string>(); // point name → census step id
  const pointName = (
    b: BinningPoint,
    graphId: string,
    size: number,
    nul: string,
    variant: CensusVariant = "coloured",
  ): string => `${binningName(b)}/${graphId}/${size}/${nul}${variant === "coloured" ? "" : "/u"}`;
  for (const { b, graphId, size, nul } of censusPoints) {
    const name = pointName(b, graphId, size, nul);
    if (censusStep.has(name)) continue; // the sweep's point at the study's own cut-off
    const inMain = b.main && m.sizes.includes(size) && (m.nulls as readonly string[]).includes(nul);
    const graphsId = graphStep.get(`${binningName(b)}/${graphId}`);
    if (graphsId === undefined) throw new Error(`buildPlan: no graph ${graphId}`);
    const graphKey = b.main
      ? LAYOUT.graphJson(graphId)
      : LAYOUT.sensitivityGraphJson(b.cutoff ?? 0, graphId);
    const spec = censusSpec(config, graphId, size, nul, inMain ? null : (b.cutoff ?? 0), {
      step: graphsId,
      output: graphKey,
    });
    builder.add(spec);
    censusStep.set(name, spec.id);
  }

  // colours: the main graphs without colours, at the topology sizes and the matched sizes.
  const matchedSizes = main.scheme === "paper" ? config.density.sizes : [];
  const topologySizes = [...new Set([...config.topology.sizes, ...matchedSizes])].sort(
    (a, b) => a - b,
  );
  for (const graphId of graphIds) {
    for (const size of topologySizes) {
      for (const nul of m.nulls) {
        const spec = censusSpec(
          config,
          graphId,
          size,
          nul,
          null,
          {
            step: graphStep.get(`${binningName(main)}/${graphId}`) ?? "",
            output: LAYOUT.graphJson(graphId),
          },
          "uncoloured",
        );
        builder.add(spec);
        censusStep.set(pointName(main, graphId, size, nul, "uncoloured"), spec.id);
      }
    }
  }

  // matched density: init × data set, with the paper binning only.
  const matched: MatchedEntry[] = [];
  if (matchedSizes.length > 0) {
    for (const init of inits) {
      for (const ds of datasets) {
        const spec = matchedGraphsSpec(config, init, ds, datasets, trainIds);
        builder.add(spec);
        const graphId = matchedGraphId(init, ds.slug);
        const censuses: CensusEntry[] = [];
        for (const size of matchedSizes) {
          for (const nul of m.nulls) {
            const c = censusSpec(
              config,
              graphId,
              size,
              nul,
              null,
              {
                step: spec.id,
                output: LAYOUT.matchedGraphJson(graphId),
              },
              "matched",
            );
            builder.add(c);
            censusStep.set(pointName(main, graphId, size, nul, "uncoloured"), c.id);
            censuses.push({ graphId, size, nullModel: nul, step: c.id });
          }
        }
        groupKey.set(`matched/${graphId}`, { step: spec.id, key: spec.params.group });
        matched.push({
          init,
          dataset: ds.spec,
          trainedId: trainedGraphId(init, ds.slug),
          graphId,
          group: `group:${spec.id}`,
          censuses,
        });
      }
    }
  }

  // analysis, report: everything
  const entry = (
    b: BinningPoint,
    graphId: string,
    size: number,
    nul: string,
    variant: CensusVariant = "coloured",
  ): CensusEntry => ({
    graphId,
    size,
    nullModel: nul,
    step: censusStep.get(pointName(b, graphId, size, nul, variant)) ?? "",
  });
  const index: ResultsIndex = {
    config,
    datasets,
    inits: [...inits],
    graphIds,
    trainings: datasets.flatMap((ds) =>
      inits.map((init) => ({
        dataset: ds.spec,
        slug: ds.slug,
        init,
        step: trainIds.get(`${ds.slug}/${init}`) ?? "",
      })),
    ),
    groups: inits.map(
      (init) => `group:${groupKey.get(`${binningName(main)}/${init}`)?.step ?? ""}`,
    ),
    censuses: graphIds.flatMap((g) =>
      m.sizes.flatMap((size) => m.nulls.map((nul) => entry(main, g, size, nul))),
    ),
    topology: graphIds.flatMap((g) =>
      topologySizes.flatMap((size) =>
        m.nulls.map((nul) => entry(main, g, size, nul, "uncoloured")),
      ),
    ),
    matched,
    sensitivity: sweep.map((b) => ({
      cutoff: b.cutoff ?? 0,
      groups: inits.map((init) => `group:${groupKey.get(`${binningName(b)}/${init}`)?.step ?? ""}`),
      censuses: graphIds.flatMap((g) =>
        s.sizes.flatMap((size) => s.nulls.map((nul) => entry(b, g, size, nul))),
      ),
    })),
  };
  const resultInputs: Record<string, StepInput> = {};
  for (const t of index.trainings) {
    resultInputs[`train:${t.step}`] = { step: t.step, output: null };
    resultInputs[`curve:${t.step}`] = { step: t.step, output: LAYOUT.curveJson(t.slug, t.init) };
  }
  for (const g of groupKey.values())
    resultInputs[`group:${g.step}`] = { step: g.step, output: g.key };
  for (const id of censusStep.values()) resultInputs[`census:${id}`] = { step: id, output: null };
  for (const c of [
    ...index.censuses,
    ...index.topology,
    ...index.matched.flatMap((x) => x.censuses),
    ...index.sensitivity.flatMap((x) => x.censuses),
  ]) {
    resultInputs[`censusJson:${c.step}`] = {
      step: c.step,
      output: builder.get(c.step).outputs[0],
    };
  }
  builder.add({
    id: "analysis",
    kind: "analysis",
    stage: "analysis",
    label: "analyses (tables)",
    seed: null,
    long: false,
    params: index,
    inputs: resultInputs,
    outputs: [LAYOUT.results, "tables/"],
  });
  builder.add({
    id: "report",
    kind: "report",
    stage: "report",
    label: "report (figures, report.html)",
    seed: null,
    long: false,
    params: index,
    inputs: { ...resultInputs, analysis: { step: "analysis", output: null } },
    outputs: [LAYOUT.report, "figures/"],
  });
  return { format: "nnmotifs-plan", version: 1, code, steps: builder.steps };
}

/** The binning axis: the study's binning first, then each sweep cut-off not equal to it. */
function binningAxis(config: StudyConfig): BinningPoint[] {
  const g = config.graphs;
  const main: BinningPoint = {
    scheme: g.binning,
    // Only the options the scheme reads: a new quantile does not redo paper-binned graphs.
    cutoff: g.binning === "paper" ? g.cutoff : null,
    quantile: g.binning === "quantile" ? g.quantile : null,
    main: true,
  };
  const points = [main];
  for (const cutoff of sweepCutoffs(config)) {
    if (main.scheme === "paper" && cutoff === main.cutoff) continue;
    points.push({ scheme: "paper", cutoff, quantile: null, main: false });
  }
  return points;
}

/** The sweep re-bins with the paper scheme: off for the other schemes. */
function sweepCutoffs(config: StudyConfig): readonly number[] {
  return config.graphs.binning === "paper" ? config.sensitivity.cutoffs : [];
}

function binningName(b: BinningPoint): string {
  return b.main ? "main" : `c${String(b.cutoff)}`;
}

function trainSpec(
  config: StudyConfig,
  ds: StudyDataset,
  init: InitialiserName,
  writesInitial: boolean,
  content: string | null,
): Omit<StepSpec<TrainParams>, "planKey" | "estimate"> {
  const trainSeed = stepSeed(config.seed, "train", ds.spec);
  return {
    id: `train-${ds.slug}-${init}`,
    kind: "train",
    stage: "train",
    label: `train ${ds.slug} × ${init}`,
    seed: trainSeed,
    long: true,
    params: {
      dataset: ds.spec,
      slug: ds.slug,
      init,
      hidden: config.network.hidden,
      training: config.training,
      content,
      dataSeed: stepSeed(config.seed, "data", ds.spec),
      initSeed: stepSeed(config.seed, "init", init),
      trainSeed,
      splitSeed: stepSeed(config.seed, "split", ds.spec),
      writesInitial,
      files: {
        model: LAYOUT.trainedModel(ds.slug, init),
        curveCsv: LAYOUT.curveCsv(ds.slug, init),
        curveJson: LAYOUT.curveJson(ds.slug, init),
        initial: writesInitial ? LAYOUT.initialModel(init) : null,
      },
    },
    inputs: {},
    outputs: [
      LAYOUT.trainedModel(ds.slug, init),
      LAYOUT.curveCsv(ds.slug, init),
      LAYOUT.curveJson(ds.slug, init),
      ...(writesInitial ? [LAYOUT.initialModel(init)] : []),
    ],
  };
}

function graphsSpec(
  b: BinningPoint,
  init: string,
  datasets: readonly StudyDataset[],
  trainIds: ReadonlyMap<string, string>,
): Omit<StepSpec<GraphsParams>, "planKey" | "estimate"> {
  const c = b.cutoff ?? 0;
  const paths = (id: string): { fanmod: string; json: string } =>
    b.main
      ? { fanmod: LAYOUT.graphFanmod(id), json: LAYOUT.graphJson(id) }
      : { fanmod: LAYOUT.sensitivityFanmod(c, id), json: LAYOUT.sensitivityGraphJson(c, id) };
  const first = trainIds.get(`${datasets[0].slug}/${init}`) ?? "";
  const inputs: Record<string, StepInput> = {
    [`model:${initialGraphId(init)}`]: { step: first, output: LAYOUT.initialModel(init) },
  };
  const members: GraphMember[] = [
    {
      id: initialGraphId(init),
      dataset: null,
      model: `model:${initialGraphId(init)}`,
      ...paths(initialGraphId(init)),
    },
  ];
  for (const ds of datasets) {
    const id = trainedGraphId(init, ds.slug);
    inputs[`model:${id}`] = {
      step: trainIds.get(`${ds.slug}/${init}`) ?? "",
      output: LAYOUT.trainedModel(ds.slug, init),
    };
    members.push({ id, dataset: ds.spec, model: `model:${id}`, ...paths(id) });
  }
  const group = b.main ? LAYOUT.graphGroup(init) : LAYOUT.sensitivityGroup(c, init);
  return {
    id: b.main ? `graphs-${init}` : `sensitivity-graphs-${init}-c${String(c)}`,
    kind: "graphs",
    stage: "graphs",
    label: b.main
      ? `graphs ${init} (${b.scheme} binning)`
      : `graphs ${init} at c = ${c} (sensitivity)`,
    seed: null,
    long: false,
    params: { init, binning: b, members, group },
    inputs,
    outputs: [...members.flatMap((m) => [m.fanmod, m.json]), group],
  };
}

/**
 * The initial network of `init` binned at the density of its network trained on `ds`: the whole
 * group takes part (the paper bins are the group's, as in the main graphs), the trained network is
 * the reference, and only the matched initial graph and the group file are written.
 */
function matchedGraphsSpec(
  config: StudyConfig,
  init: string,
  ds: StudyDataset,
  datasets: readonly StudyDataset[],
  trainIds: ReadonlyMap<string, string>,
): Omit<StepSpec<GraphsParams>, "planKey" | "estimate"> {
  const b: BinningPoint = {
    scheme: "matched",
    cutoff: config.graphs.cutoff,
    quantile: null,
    main: false,
  };
  const base = graphsSpec(b, init, datasets, trainIds);
  const id = matchedGraphId(init, ds.slug);
  const members = base.params.members.map((m) =>
    m.dataset === null
      ? { ...m, id, fanmod: LAYOUT.matchedFanmod(id), json: LAYOUT.matchedGraphJson(id) }
      : m,
  );
  const group = LAYOUT.matchedGroup(id);
  return {
    ...base,
    id: `matched-graphs-${id}`,
    label: `graphs ${init} initial at ${ds.slug}'s density (matched)`,
    params: {
      init,
      binning: b,
      members,
      group,
      matchTo: trainedGraphId(init, ds.slug),
      write: [id],
    },
    outputs: [LAYOUT.matchedFanmod(id), LAYOUT.matchedGraphJson(id), group],
  };
}

/**
 * One census. The seed does not depend on the cut-off: every cut-off's census of a graph draws the
 * same random stream, so differences come from the binning alone.
 */
function censusSpec(
  config: StudyConfig,
  graphId: string,
  size: number,
  nullModel: NullModelName,
  cutoff: number | null,
  graph: StepInput,
  variant: CensusVariant = "coloured",
): Omit<StepSpec<CensusParams>, "planKey" | "estimate"> {
  const seed = stepSeed(config.seed, "census", graphId, String(size), nullModel);
  const m = config.motifs;
  if (variant !== "coloured") {
    const files =
      variant === "uncoloured"
        ? {
            json: LAYOUT.topologyCensusJson(graphId, size, nullModel),
            csv: LAYOUT.topologyCensusCsv(graphId, size, nullModel),
          }
        : {
            json: LAYOUT.matchedCensusJson(graphId, size, nullModel),
            csv: LAYOUT.matchedCensusCsv(graphId, size, nullModel),
          };
    const motifs = {
      randomNetworks: m.randomNetworks,
      exchanges: m.exchanges,
      tries: m.tries,
      colours: false,
      vertexColours: m.vertexColours,
    };
    return {
      id: `census-${graphId}-k${size}-${nullModel}-uncoloured`,
      kind: "census",
      stage: "census",
      label: `census ${graphId} k=${size} ${nullModel} uncoloured`,
      seed,
      long: true,
      params: { graphId, size, nullModel, seed, motifs, cutoff, graph: "graph", ...files },
      inputs: { graph },
      outputs: [files.json, files.csv],
    };
  }
  // Everything but the axes (sizes, nulls), so a new size does not change the other censuses.
  const motifs = {
    randomNetworks: m.randomNetworks,
    exchanges: m.exchanges,
    tries: m.tries,
    colours: m.colours,
    vertexColours: m.vertexColours,
  };
  const files =
    cutoff === null
      ? {
          json: LAYOUT.censusJson(graphId, size, nullModel),
          csv: LAYOUT.censusCsv(graphId, size, nullModel),
        }
      : {
          json: LAYOUT.sensitivityCensusJson(cutoff, graphId, size, nullModel),
          csv: LAYOUT.sensitivityCensusCsv(cutoff, graphId, size, nullModel),
        };
  return {
    id:
      cutoff === null
        ? `census-${graphId}-k${size}-${nullModel}`
        : `sensitivity-census-c${String(cutoff)}-${graphId}-k${size}-${nullModel}`,
    kind: "census",
    stage: "census",
    label:
      cutoff === null
        ? `census ${graphId} k=${size} ${nullModel}`
        : `census ${graphId} k=${size} ${nullModel} at c = ${cutoff}`,
    seed,
    long: true,
    params: { graphId, size, nullModel, seed, motifs, cutoff, graph: "graph", ...files },
    inputs: { graph },
    outputs: [files.json, files.csv],
  };
}

/** Adds specs in dependency order, computing plan keys and estimates. */
class PlanBuilder {
  readonly steps: StepSpec[] = [];
  private readonly byId = new Map<string, StepSpec>();

  constructor(
    private readonly code: string,
    private readonly shape: NetworkShape,
  ) {}

  get(id: string): StepSpec {
    const s = this.byId.get(id);
    if (s === undefined) throw new Error(`plan: no step ${id}`);
    return s;
  }

  add<P>(spec: Omit<StepSpec<P>, "planKey" | "estimate">): void {
    if (this.byId.has(spec.id)) throw new Error(`plan: step ${spec.id} twice`);
    const upstream: Record<string, string> = {};
    for (const [name, input] of Object.entries(spec.inputs)) {
      upstream[name] = `${this.get(input.step).planKey}:${input.output ?? "*"}`;
    }
    const full = {
      ...spec,
      planKey: hashOf({
        code: this.code,
        kind: spec.kind,
        params: keyParams(spec.kind, spec.params),
        upstream,
      }),
      estimate: estimateSeconds(spec.kind, spec.params, this.shape),
    } as StepSpec;
    this.steps.push(full);
    this.byId.set(spec.id, full);
  }
}

/**
 * The parameters that make a step's key. Where the results live and how many threads made them do
 * not change them.
 */
export function keyParams(kind: StepKindName, params: unknown): unknown {
  if (kind === "analysis" || kind === "report") {
    const p = params as ResultsIndex;
    return { ...p, config: { ...p.config, out: null, threads: null } };
  }
  return params;
}

/**
 * A simple cost model (seconds on one core of the 2-core development machine, calibrated on the
 * default study's manifest): training per epoch and sample-free, a census per random network by
 * motif size (×8 per size above 5), fixed costs for the rest; scaled by the network's size
 * (cost-model.ts) for other networks than the default 31-30-30-4.
 */
export function estimateSeconds(
  kind: StepKindName,
  params: unknown,
  shape: NetworkShape = REFERENCE_SHAPE,
): number {
  switch (kind) {
    case "train": {
      const p = params as TrainParams;
      return 0.05 * p.training.epochs * Math.max(0.2, trainingScale(shape));
    }
    case "graphs":
      return 0.05;
    case "census": {
      const p = params as CensusParams;
      const perNetwork: Record<number, number> = { 3: 7e-4, 4: 5e-3, 5: 3e-2 };
      const cost = perNetwork[p.size] ?? 3e-2 * 8 ** (p.size - 5);
      return (p.motifs.randomNetworks + 1) * cost * Math.max(0.05, censusScale(shape, p.size));
    }
    case "analysis":
      return 1.5;
    case "report":
      return 3.5;
  }
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
