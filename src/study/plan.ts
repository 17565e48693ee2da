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
import { resolveGraphPath, shippedNetworks } from "../graph/networks.js";
import { hashFile, hashOf } from "./cache.js";
import {
  architectureLabel,
  architectureList,
  dataEntryOf,
  replicateSeeds,
  type ReplicateScope,
  type StudyConfig,
} from "./config.js";
import {
  LAYOUT,
  datasetSlugs,
  initialGraphId,
  layoutUnder,
  matchedGraphId,
  replicateDir,
  replicateTag,
  snapshotGraphId,
  trainedGraphId,
  type Layout,
  type StudyDataset,
} from "./layout.js";
import { STAGES, nnmotifsVersion, stepCodeFingerprint, type Stage } from "./manifest.js";
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

export type StepKindName =
  "train" | "graphs" | "census" | "weighted" | "reference" | "analysis" | "report";

export interface StudyPlan {
  readonly format: "nnmotifs-plan";
  readonly version: 1;
  /** Per step kind: nnmotifs version + the fingerprint of the code that kind can run (part of
   * every key of that kind: manifest.ts stepCodeFingerprint). */
  readonly code: Readonly<Record<string, string>>;
  readonly steps: readonly StepSpec[];
}

export interface PlanOptions {
  /** Content hash of a csv:/idx: data set's files (default: hash them); null for generated sets. */
  readonly datasetHash?: (spec: string) => string | null;
  /** Content hash of a reference network (default: its sha256 from networks.json, or hash the file). */
  readonly networkHash?: (network: string) => string;
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
  /** Samples to generate or keep (absent: the data set's own). */
  readonly samples?: number;
  /** Also save the init's initial network (the first data set's step does). */
  readonly writesInitial: boolean;
  readonly files: {
    readonly model: string;
    readonly curveCsv: string;
    readonly curveJson: string;
    readonly initial: string | null;
    /** The networks after these epochs (0 < epoch < epochs; early stopping: the final one). */
    readonly snapshots: ReadonlyArray<{ readonly epoch: number; readonly model: string }>;
  };
}

export interface GraphMember {
  readonly id: string;
  /** The data set spec (null: the initial network). */
  readonly dataset: string | null;
  /** A training snapshot's epoch (absent: the initial or the trained network). */
  readonly epoch?: number;
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
  /**
   * Training snapshots: the input name of the main group whose bin edges (paper binning) colour
   * every member; the members are not pooled (absent: bins from the members' pooled weights).
   */
  readonly binsOf?: string;
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

/** One network's weighted census (weighted.ts): its full weighted graph, no cut-off. */
export interface WeightedParams {
  readonly graphId: string;
  readonly init: string;
  readonly stage: "initial" | "trained";
  /** The data set spec (null: the initial network). */
  readonly dataset: string | null;
  readonly size: number;
  /** Weight-shuffle networks. */
  readonly randomNetworks: number;
  readonly seed: number;
  /** Units per layer the cost model assumes (the data set's inputs and classes when known). */
  readonly costLayers: readonly number[];
  /** Input name of the model file, and the output file. */
  readonly model: string;
  readonly json: string;
}

/** A weighted census in the results index (record `weighted:<step>`, JSON `weightedJson:<step>`). */
export interface WeightedEntry {
  readonly graphId: string;
  readonly size: number;
  readonly step: string;
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
  /** Weighted censuses (issue 9 item 5), one per network × size; absent when off. */
  readonly weighted?: ReadonlyArray<WeightedEntry>;
  /** The reference networks' censuses (config `biology`); absent in plans made before it. */
  readonly references?: ReadonlyArray<ReferenceEntry>;
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

/** A snapshot of one training run and its censuses (without colours). */
export interface SnapshotEntry {
  readonly init: string;
  readonly dataset: string;
  readonly epoch: number;
  /** The snapshot's graph: the initial graph at epoch 0, the trained graph at the last epoch. */
  readonly graphId: string;
  /** The train step (its record says how many epochs ran: early stopping). */
  readonly train: string;
  /** Input name of the group file that lists the graph (its edges per colour). */
  readonly group: string;
  readonly censuses: ReadonlyArray<CensusEntry>;
}

/** One replicate's part of the results index: a one-seed ResultsIndex and its snapshots. */
export interface ReplicateIndex extends ResultsIndex {
  readonly architecture: string;
  readonly seed: number;
  readonly hidden: readonly number[];
  readonly snapshots: ReadonlyArray<SnapshotEntry>;
  /** Where the analysis writes its StudyResults and one-seed tables. */
  readonly results: string;
  readonly tables: string;
  /** The inputs its results are assembled from (names as in ResultsIndex). */
  readonly inputs: Readonly<Record<string, StepInput>>;
}

/** What the analysis and report read: every replicate, in config order. */
export interface EnsembleIndex {
  readonly config: StudyConfig;
  readonly replicates: readonly ReplicateIndex[];
}

export type AnalysisParams = EnsembleIndex;

export type CensusVariant = "coloured" | "uncoloured" | "matched" | "snapshot";

// ---- the replicates ----

/** One data set of a replicate, with the training values that apply to it. */
export interface ReplicateDataset extends StudyDataset {
  readonly batch: number;
  readonly epochs: number;
  /** Samples to generate or keep (absent: the data set's own). */
  readonly samples?: number;
}

/** One replicate of the study (issue 9): an architecture × a seed, with its data sets. */
export interface Replicate {
  readonly architecture: string;
  readonly seed: number;
  readonly hidden: readonly number[];
  /** Its place among its architecture's seeds: 0 runs the blocks of scope "first". */
  readonly ordinal: number;
  readonly datasets: readonly ReplicateDataset[];
  /**
   * The study's configuration as this replicate sees it: its seed, architecture, data sets and
   * cut-off; the sweep and matched density off unless it runs them. What its StudyResults carry.
   */
  readonly config: StudyConfig;
  /** Its folder (layout.ts) and the suffix of its step ids. */
  readonly dir: string;
  readonly tag: string;
}

/**
 * The replicates of a study in config order: architectures in order of first appearance over the
 * data entries (an entry's `hidden`, else network.hidden), then seeds. A replicate's data sets are
 * the entries with its architecture.
 */
export function studyReplicates(config: StudyConfig): Replicate[] {
  const entries = config.data.map(dataEntryOf);
  const slugs = datasetSlugs(entries.map((e) => e.set));
  const byArch = new Map<string, { hidden: number[]; datasets: ReplicateDataset[] }>();
  entries.forEach((e, j) => {
    for (const hidden of architectureList(e.hidden ?? config.network.hidden)) {
      const label = architectureLabel(hidden);
      let arch = byArch.get(label);
      if (arch === undefined) byArch.set(label, (arch = { hidden, datasets: [] }));
      arch.datasets.push({
        ...slugs[j],
        batch: e.batch ?? config.training.batch,
        epochs: e.epochs ?? config.training.epochs,
        ...(e.samples !== undefined ? { samples: e.samples } : {}),
      });
    }
  });
  const seeds = replicateSeeds(config);
  const out: Replicate[] = [];
  for (const [architecture, { hidden, datasets }] of byArch) {
    const first = entries.find((e, j) => datasets[0].spec === slugs[j].spec);
    seeds.forEach((seed, ordinal) => {
      const runs = (scope: ReplicateScope): boolean => scope === "all" || ordinal === 0;
      const own: StudyConfig = {
        ...config,
        seed,
        seeds: [seed],
        data: config.data.filter((_, j) => datasets.some((d) => d.spec === slugs[j].spec)),
        network: { ...config.network, hidden: [...hidden] },
        graphs: { ...config.graphs, cutoff: first?.cutoff ?? config.graphs.cutoff },
        sensitivity: runs(config.sensitivity.replicates)
          ? config.sensitivity
          : { ...config.sensitivity, cutoffs: [] },
        density: runs(config.density.replicates)
          ? config.density
          : { ...config.density, sizes: [] },
      };
      out.push({
        architecture,
        seed,
        hidden,
        ordinal,
        datasets,
        config: own,
        dir: replicateDir(architecture, seed),
        tag: replicateTag(architecture, seed),
      });
    });
  }
  return out;
}

/** What the plan of one replicate's steps needs: its replicate, paths and ids. */
interface ReplicateScopeOf {
  readonly rep: Replicate;
  readonly config: StudyConfig;
  readonly L: Layout;
  readonly id: (base: string) => string;
}
/** The census of one reference network (steps/reference.ts). */
export interface ReferenceParams {
  /** As configured: "@celegans", or a graph file. */
  readonly network: string;
  /** sha256 of the network's file, so that a changed file is counted again. */
  readonly content: string;
  readonly size: number;
  readonly nullModel: NullModelName;
  readonly seed: number;
  readonly motifs: Pick<StudyConfig["motifs"], "randomNetworks" | "exchanges" | "tries">;
  readonly json: string;
  readonly csv: string;
}

export interface ReferenceEntry {
  readonly network: string;
  readonly size: number;
  readonly nullModel: string;
  /** The reference step (record input `census:<step>`, JSON input `censusJson:<step>`). */
  readonly step: string;
}

// ---- the grid ----

export function buildPlan(config: StudyConfig, options: PlanOptions = {}): StudyPlan {
  const codes: Record<string, string> = {};
  const code = (kind: StepKindName): string =>
    (codes[kind] ??= `${nnmotifsVersion()}+${stepCodeFingerprint(kind)}`);
  const contentHash = options.datasetHash ?? datasetContentHash;
  const builder = new PlanBuilder(code);
  const hashes = new Map<string, string | null>();
  const hashOfSet = (spec: string): string | null => {
    if (!hashes.has(spec)) hashes.set(spec, contentHash(spec));
    return hashes.get(spec) ?? null;
  };
  // reference networks (config `biology`): one uncoloured census per network × size, once for
  // the whole study (they do not depend on a replicate); every replicate's results read them.
  const references = referenceSpecs(config, options.networkHash ?? networkContentHash);
  for (const x of references) builder.add(x.spec);
  const replicates = studyReplicates(config).map((rep) =>
    planReplicate(
      builder,
      { rep, config: rep.config, L: layoutUnder(rep.dir), id: (b) => `${b}${rep.tag}` },
      hashOfSet,
      references,
    ),
  );
  const index: EnsembleIndex = { config, replicates };
  const resultInputs: Record<string, StepInput> = {};
  for (const r of replicates) Object.assign(resultInputs, r.inputs);
  const replicateOutputs = replicates.flatMap((r) => [r.results, r.tables]);
  builder.add({
    id: "analysis",
    kind: "analysis",
    stage: "analysis",
    label: "analyses (tables)",
    seed: null,
    long: false,
    params: index,
    inputs: resultInputs,
    outputs: [LAYOUT.results, LAYOUT.findings, ...replicateOutputs, LAYOUT.ensembleTables],
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
  // Stage by stage (every replicate's training first), a stable sort: a step reads only steps of
  // its own or an earlier stage, so dependency order is kept.
  const rank = (s: StepSpec): number => STAGES.indexOf(s.stage);
  const steps = builder.steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
  return { format: "nnmotifs-plan", version: 1, code: codes, steps };
}

/** The steps of one replicate (the one-seed grid), and its part of the results index. */
function planReplicate(
  builder: PlanBuilder,
  r: ReplicateScopeOf,
  contentHash: (spec: string) => string | null,
  references: ReadonlyArray<{ entry: ReferenceEntry }>,
): ReplicateIndex {
  const { config, L } = r;
  const datasets = r.rep.datasets;
  const inits = config.network.inits;

  // Axis values. A new axis is one more array here and one more name in the ids and parameters
  // of the steps it reaches.
  const binnings = binningAxis(config);
  const main = binnings[0];
  const censusHint: CostHint = { edges: expectedEdges(config, r.rep.hidden, datasets[0].spec) };

  // train: data set × init
  const trainIds = new Map<string, string>();
  const trainSpecs = new Map<string, StepSpec<TrainParams>>();
  for (const ds of datasets) {
    for (const init of inits) {
      const spec = trainSpec(r, ds, init, ds === datasets[0], contentHash(ds.spec));
      builder.add(spec, {
        samples: trainingSamples(ds, spec.params.training),
        shape: datasetShape(ds.spec),
      });
      trainIds.set(`${ds.slug}/${init}`, spec.id);
      trainSpecs.set(
        `${ds.slug}/${init}`,
        builder.get(spec.id) as unknown as StepSpec<TrainParams>,
      );
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
      const spec = graphsSpec(r, b, init, datasets, trainIds);
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
    const graphKey = b.main ? L.graphJson(graphId) : L.sensitivityGraphJson(b.cutoff ?? 0, graphId);
    const spec = censusSpec(r, graphId, size, nul, inMain ? null : (b.cutoff ?? 0), {
      step: graphsId,
      output: graphKey,
    });
    builder.add(spec, censusHint);
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
          r,
          graphId,
          size,
          nul,
          null,
          {
            step: graphStep.get(`${binningName(main)}/${graphId}`) ?? "",
            output: L.graphJson(graphId),
          },
          "uncoloured",
        );
        builder.add(spec, censusHint);
        censusStep.set(pointName(main, graphId, size, nul, "uncoloured"), spec.id);
      }
    }
  }

  // matched density: init × data set, with the paper binning only.
  const matched: MatchedEntry[] = [];
  if (matchedSizes.length > 0) {
    for (const init of inits) {
      for (const ds of datasets) {
        const spec = matchedGraphsSpec(r, init, ds, datasets, trainIds);
        builder.add(spec);
        const graphId = matchedGraphId(init, ds.slug);
        const censuses: CensusEntry[] = [];
        for (const size of matchedSizes) {
          for (const nul of m.nulls) {
            const c = censusSpec(
              r,
              graphId,
              size,
              nul,
              null,
              {
                step: spec.id,
                output: L.matchedGraphJson(graphId),
              },
              "matched",
            );
            builder.add(c, censusHint);
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

  // snapshots: per init, the networks saved during training, binned with the group's bins and
  // counted without colours. Epoch 0 is the initial graph and the last epoch the trained graph:
  // their censuses are the main uncoloured ones when the sizes and random networks agree.
  const snapshots: SnapshotEntry[] = [];
  const trajectoryNetworks = config.trajectory.randomNetworks ?? m.randomNetworks;
  const reuseMain = trajectoryNetworks === m.randomNetworks;
  const snapshotCensus = (graphId: string, size: number, nul: NullModelName, graph: StepInput) => {
    const topo = pointName(main, graphId, size, nul, "uncoloured");
    if (reuseMain && topologySizes.includes(size) && censusStep.has(topo)) {
      return censusStep.get(topo) ?? "";
    }
    const name = `snapshot/${graphId}/${size}/${nul}`;
    const known = censusStep.get(name);
    if (known !== undefined) return known;
    const spec = censusSpec(r, graphId, size, nul, null, graph, "snapshot", trajectoryNetworks);
    builder.add(spec, censusHint);
    censusStep.set(name, spec.id);
    return spec.id;
  };
  if (config.snapshots.length > 0 && config.trajectory.sizes.length > 0) {
    for (const init of inits) {
      const spec = snapshotGraphsSpec(r, init, datasets, trainSpecs, groupKey);
      if (spec !== null) {
        builder.add(spec);
        groupKey.set(`snapshots/${init}`, { step: spec.id, key: spec.params.group });
      }
      for (const ds of datasets) {
        for (const epoch of snapshotEpochs(config, ds)) {
          const last = epoch === ds.epochs;
          const graphId =
            epoch === 0
              ? initialGraphId(init)
              : last
                ? trainedGraphId(init, ds.slug)
                : snapshotGraphId(init, ds.slug, epoch);
          const graph: StepInput =
            epoch === 0 || last
              ? {
                  step: graphStep.get(`${binningName(main)}/${graphId}`) ?? "",
                  output: L.graphJson(graphId),
                }
              : { step: spec?.id ?? "", output: L.snapshotGraphJson(graphId) };
          const censuses = config.trajectory.sizes.flatMap((size) =>
            m.nulls.map((nul) => ({
              graphId,
              size,
              nullModel: nul,
              step: snapshotCensus(graphId, size, nul, graph),
            })),
          );
          snapshots.push({
            init,
            dataset: ds.spec,
            epoch,
            graphId,
            train: trainIds.get(`${ds.slug}/${init}`) ?? "",
            group:
              epoch === 0 || last
                ? `group:${groupKey.get(`${binningName(main)}/${init}`)?.step ?? ""}`
                : `group:${spec?.id ?? ""}`,
            censuses,
          });
        }
      }
    }
  }
  // weighted motifs (issue 9 item 5): one step per network × size, from the model files.
  const weighted = weightedSpecs(r, datasets, trainIds);
  for (const spec of weighted) builder.add(spec);

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
    datasets: datasets.map((d) => ({ spec: d.spec, slug: d.slug })),
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
    ...(weighted.length > 0 ? { weighted: weighted.map(weightedEntry) } : {}),
    references: references.map((r) => r.entry),
    sensitivity: sweep.map((b) => ({
      cutoff: b.cutoff ?? 0,
      groups: inits.map((init) => `group:${groupKey.get(`${binningName(b)}/${init}`)?.step ?? ""}`),
      censuses: graphIds.flatMap((g) =>
        s.sizes.flatMap((size) => s.nulls.map((nul) => entry(b, g, size, nul))),
      ),
    })),
  };
  const inputs: Record<string, StepInput> = {};
  for (const t of index.trainings) {
    inputs[`train:${t.step}`] = { step: t.step, output: null };
    inputs[`curve:${t.step}`] = { step: t.step, output: L.curveJson(t.slug, t.init) };
  }
  for (const g of groupKey.values()) inputs[`group:${g.step}`] = { step: g.step, output: g.key };
  for (const id of censusStep.values()) inputs[`census:${id}`] = { step: id, output: null };
  for (const x of references)
    inputs[`census:${x.entry.step}`] = { step: x.entry.step, output: null };
  for (const c of [
    ...index.censuses,
    ...index.topology,
    ...index.matched.flatMap((x) => x.censuses),
    ...index.sensitivity.flatMap((x) => x.censuses),
    ...snapshots.flatMap((x) => x.censuses),
    ...references.map((r) => r.entry),
  ]) {
    inputs[`censusJson:${c.step}`] = { step: c.step, output: builder.get(c.step).outputs[0] };
  }
  for (const w of weighted) {
    inputs[`weighted:${w.id}`] = { step: w.id, output: null };
    inputs[`weightedJson:${w.id}`] = { step: w.id, output: w.params.json };
  }
  return {
    ...index,
    architecture: r.rep.architecture,
    seed: r.rep.seed,
    hidden: [...r.rep.hidden],
    snapshots,
    results: L.results,
    tables: L.tables,
    inputs,
  };
}

/**
 * The epochs of a data set's snapshots: those of the config it reaches (≤ its epochs), and its
 * last epoch (the trained network) so that every trajectory ends where training ended.
 */
export function snapshotEpochs(config: StudyConfig, ds: { epochs: number }): number[] {
  if (config.snapshots.length === 0) return [];
  const epochs = new Set(config.snapshots.filter((e) => e <= ds.epochs));
  epochs.add(ds.epochs);
  return [...epochs].sort((a, b) => a - b);
}

/**
 * The reference networks' censuses (SPEC §10.3): each configured network at each `biology` size,
 * without colours, under `biology.nullModel`, with the study's random-network count and switching
 * effort. The seed comes from the network's name, so it does not depend on the other networks.
 */
function referenceSpecs(
  config: StudyConfig,
  contentHash: (network: string) => string,
): Array<{ spec: Omit<StepSpec<ReferenceParams>, "planKey" | "estimate">; entry: ReferenceEntry }> {
  const b = config.biology;
  const m = config.motifs;
  return b.networks.flatMap((network) =>
    b.sizes.map((size) => {
      const slug = referenceSlug(network);
      const seed = stepSeed(config.seed, "reference", network, String(size), b.nullModel);
      const files = {
        json: `references/${slug}-k${size}-${b.nullModel}.json`,
        csv: `references/${slug}-k${size}-${b.nullModel}.csv`,
      };
      const id = `census-reference-${slug}-k${size}-${b.nullModel}`;
      const spec: Omit<StepSpec<ReferenceParams>, "planKey" | "estimate"> = {
        id,
        kind: "reference",
        stage: "census",
        label: `census ${network} k=${size} ${b.nullModel} uncoloured (reference)`,
        seed,
        long: true,
        params: {
          network,
          content: contentHash(network),
          size,
          nullModel: b.nullModel,
          seed,
          motifs: { randomNetworks: m.randomNetworks, exchanges: m.exchanges, tries: m.tries },
          ...files,
        },
        inputs: {},
        outputs: [files.json, files.csv],
      };
      return { spec, entry: { network, size, nullModel: b.nullModel, step: id } };
    }),
  );
}

/** "@celegans" → "celegans"; a file → its base name without extensions, made safe for a key. */
export function referenceSlug(network: string): string {
  const base = network.startsWith("@") ? network.slice(1) : (network.split(/[\\/]/).pop() ?? "");
  return base.replace(/\..*$/, "").replace(/[^A-Za-z0-9_-]+/g, "-") || "network";
}

/** A shipped network's recorded sha256, or the hash of a graph file (bad names fail here). */
export function networkContentHash(network: string): string {
  if (network.startsWith("@")) {
    const shipped = shippedNetworks().find((n) => `@${n.name}` === network);
    if (shipped !== undefined) return shipped.sha256;
  }
  const file = resolveGraphPath(network);
  if (!existsSync(file)) throw new NnmotifsError(`reference network file not found`, { file });
  return hashFile(file);
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
  r: ReplicateScopeOf,
  ds: ReplicateDataset,
  init: InitialiserName,
  writesInitial: boolean,
  content: string | null,
): Omit<StepSpec<TrainParams>, "planKey" | "estimate"> {
  const { config, L } = r;
  const trainSeed = stepSeed(config.seed, "train", ds.spec);
  // The epochs saved besides the initial and the trained network (those two are always saved).
  const snapshots =
    config.trajectory.sizes.length > 0
      ? snapshotEpochs(config, ds).filter((e) => e > 0 && e < ds.epochs)
      : [];
  const snapshotFiles = snapshots.map((epoch) => ({
    epoch,
    model: L.snapshotModel(ds.slug, init, epoch),
  }));
  return {
    id: r.id(`train-${ds.slug}-${init}`),
    kind: "train",
    stage: "train",
    label: `train ${ds.slug} × ${init} (${r.rep.architecture}, seed ${config.seed})`,
    seed: trainSeed,
    long: true,
    params: {
      dataset: ds.spec,
      slug: ds.slug,
      init,
      hidden: r.rep.hidden,
      training: { ...config.training, batch: ds.batch, epochs: ds.epochs },
      ...(ds.samples !== undefined ? { samples: ds.samples } : {}),
      content,
      dataSeed: stepSeed(config.seed, "data", ds.spec),
      initSeed: stepSeed(config.seed, "init", init),
      trainSeed,
      splitSeed: stepSeed(config.seed, "split", ds.spec),
      writesInitial,
      files: {
        model: L.trainedModel(ds.slug, init),
        curveCsv: L.curveCsv(ds.slug, init),
        curveJson: L.curveJson(ds.slug, init),
        initial: writesInitial ? L.initialModel(init) : null,
        snapshots: snapshotFiles,
      },
    },
    inputs: {},
    outputs: [
      L.trainedModel(ds.slug, init),
      L.curveCsv(ds.slug, init),
      L.curveJson(ds.slug, init),
      ...(writesInitial ? [L.initialModel(init)] : []),
      ...snapshotFiles.map((f) => f.model),
    ],
  };
}

function graphsSpec(
  r: ReplicateScopeOf,
  b: BinningPoint,
  init: string,
  datasets: readonly StudyDataset[],
  trainIds: ReadonlyMap<string, string>,
): Omit<StepSpec<GraphsParams>, "planKey" | "estimate"> {
  const { L } = r;
  const c = b.cutoff ?? 0;
  const paths = (id: string): { fanmod: string; json: string } =>
    b.main
      ? { fanmod: L.graphFanmod(id), json: L.graphJson(id) }
      : { fanmod: L.sensitivityFanmod(c, id), json: L.sensitivityGraphJson(c, id) };
  const first = trainIds.get(`${datasets[0].slug}/${init}`) ?? "";
  const inputs: Record<string, StepInput> = {
    [`model:${initialGraphId(init)}`]: { step: first, output: L.initialModel(init) },
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
      output: L.trainedModel(ds.slug, init),
    };
    members.push({ id, dataset: ds.spec, model: `model:${id}`, ...paths(id) });
  }
  const group = b.main ? L.graphGroup(init) : L.sensitivityGroup(c, init);
  return {
    id: r.id(b.main ? `graphs-${init}` : `sensitivity-graphs-${init}-c${String(c)}`),
    kind: "graphs",
    stage: "graphs",
    label: b.main
      ? `graphs ${init} (${b.scheme} binning; ${r.rep.architecture}, seed ${r.config.seed})`
      : `graphs ${init} at c = ${c} (sensitivity; ${r.rep.architecture}, seed ${r.config.seed})`,
    seed: null,
    long: false,
    params: { init, binning: b, members, group },
    inputs,
    outputs: [...members.flatMap((m) => [m.fanmod, m.json]), group],
  };
}

/**
 * The training snapshots of `init` between the first and the last epoch, binned with the bin
 * edges of the init's main group (SPEC §4.2: the initial and trained networks' pooled weights), so
 * that a snapshot's colours mean what the initial and trained graphs' colours mean. Null when no
 * data set has such a snapshot.
 */
function snapshotGraphsSpec(
  r: ReplicateScopeOf,
  init: string,
  datasets: readonly ReplicateDataset[],
  trainSpecs: ReadonlyMap<string, StepSpec<TrainParams>>,
  groupKey: ReadonlyMap<string, { step: string; key: string }>,
): Omit<StepSpec<GraphsParams>, "planKey" | "estimate"> | null {
  const { L } = r;
  const main = groupKey.get(`main/${init}`);
  if (main === undefined) throw new Error(`buildPlan: no main group of ${init}`);
  const inputs: Record<string, StepInput> = { bins: { step: main.step, output: main.key } };
  const members: GraphMember[] = [];
  for (const ds of datasets) {
    const train = trainSpecs.get(`${ds.slug}/${init}`);
    if (train === undefined) throw new Error(`buildPlan: no training of ${ds.slug} × ${init}`);
    for (const f of train.params.files.snapshots) {
      const id = snapshotGraphId(init, ds.slug, f.epoch);
      inputs[`model:${id}`] = { step: train.id, output: f.model };
      members.push({
        id,
        dataset: ds.spec,
        epoch: f.epoch,
        model: `model:${id}`,
        fanmod: L.snapshotFanmod(id),
        json: L.snapshotGraphJson(id),
      });
    }
  }
  if (members.length === 0) return null;
  const b: BinningPoint = {
    scheme: r.config.graphs.binning,
    cutoff: r.config.graphs.binning === "paper" ? r.config.graphs.cutoff : null,
    quantile: r.config.graphs.binning === "quantile" ? r.config.graphs.quantile : null,
    main: false,
  };
  const group = L.snapshotGroup(init);
  return {
    id: r.id(`snapshot-graphs-${init}`),
    kind: "graphs",
    stage: "graphs",
    label: `graphs ${init} training snapshots (${r.rep.architecture}, seed ${r.config.seed})`,
    seed: null,
    long: false,
    params: { init, binning: b, members, group, binsOf: "bins" },
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
  r: ReplicateScopeOf,
  init: string,
  ds: StudyDataset,
  datasets: readonly StudyDataset[],
  trainIds: ReadonlyMap<string, string>,
): Omit<StepSpec<GraphsParams>, "planKey" | "estimate"> {
  const { config, L } = r;
  const b: BinningPoint = {
    scheme: "matched",
    cutoff: config.graphs.cutoff,
    quantile: null,
    main: false,
  };
  const base = graphsSpec(r, b, init, datasets, trainIds);
  const id = matchedGraphId(init, ds.slug);
  const members = base.params.members.map((m) =>
    m.dataset === null
      ? { ...m, id, fanmod: L.matchedFanmod(id), json: L.matchedGraphJson(id) }
      : m,
  );
  const group = L.matchedGroup(id);
  return {
    ...base,
    id: r.id(`matched-graphs-${id}`),
    label: `graphs ${init} initial at ${ds.slug}'s density (matched; ${r.rep.architecture}, seed ${config.seed})`,
    params: {
      init,
      binning: b,
      members,
      group,
      matchTo: trainedGraphId(init, ds.slug),
      write: [id],
    },
    outputs: [L.matchedFanmod(id), L.matchedGraphJson(id), group],
  };
}

/**
 * One census. The seed does not depend on the cut-off: every cut-off's census of a graph draws the
 * same random stream, so differences come from the binning alone. A snapshot census of the initial
 * or trained graph draws the stream of that graph's uncoloured census (its first networks are the
 * same networks).
 */
function censusSpec(
  r: ReplicateScopeOf,
  graphId: string,
  size: number,
  nullModel: NullModelName,
  cutoff: number | null,
  graph: StepInput,
  variant: CensusVariant = "coloured",
  randomNetworks?: number,
): Omit<StepSpec<CensusParams>, "planKey" | "estimate"> {
  const { config, L } = r;
  const seed = stepSeed(config.seed, "census", graphId, String(size), nullModel);
  const m = config.motifs;
  const where = `${r.rep.architecture}, seed ${config.seed}`;
  if (variant !== "coloured") {
    const files =
      variant === "uncoloured"
        ? {
            json: L.topologyCensusJson(graphId, size, nullModel),
            csv: L.topologyCensusCsv(graphId, size, nullModel),
          }
        : variant === "matched"
          ? {
              json: L.matchedCensusJson(graphId, size, nullModel),
              csv: L.matchedCensusCsv(graphId, size, nullModel),
            }
          : {
              json: L.snapshotCensusJson(graphId, size, nullModel),
              csv: L.snapshotCensusCsv(graphId, size, nullModel),
            };
    const motifs = {
      randomNetworks: randomNetworks ?? m.randomNetworks,
      exchanges: m.exchanges,
      tries: m.tries,
      colours: false,
      vertexColours: m.vertexColours,
      maxExactSubgraphs: m.maxExactSubgraphs,
    };
    const suffix = variant === "snapshot" ? "trajectory" : "uncoloured";
    return {
      id: r.id(`census-${graphId}-k${size}-${nullModel}-${suffix}`),
      kind: "census",
      stage: "census",
      label: `census ${graphId} k=${size} ${nullModel} ${variant === "snapshot" ? "uncoloured (trajectory)" : "uncoloured"} (${where})`,
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
    maxExactSubgraphs: m.maxExactSubgraphs,
  };
  const files =
    cutoff === null
      ? {
          json: L.censusJson(graphId, size, nullModel),
          csv: L.censusCsv(graphId, size, nullModel),
        }
      : {
          json: L.sensitivityCensusJson(cutoff, graphId, size, nullModel),
          csv: L.sensitivityCensusCsv(cutoff, graphId, size, nullModel),
        };
  return {
    id: r.id(
      cutoff === null
        ? `census-${graphId}-k${size}-${nullModel}`
        : `sensitivity-census-c${String(cutoff)}-${graphId}-k${size}-${nullModel}`,
    ),
    kind: "census",
    stage: "census",
    label:
      cutoff === null
        ? `census ${graphId} k=${size} ${nullModel} (${where})`
        : `census ${graphId} k=${size} ${nullModel} at c = ${cutoff} (${where})`,
    seed,
    long: true,
    params: { graphId, size, nullModel, seed, motifs, cutoff, graph: "graph", ...files },
    inputs: { graph },
    outputs: [files.json, files.csv],
  };
}

/**
 * The weighted censuses (issue 9 item 5, SPEC §10.1): every network of the study (each init's
 * initial network and its trained networks) × each size of `weighted.sizes`, read from its model
 * file as the graphs step reads it. Empty when `weighted` is off.
 */
function weightedSpecs(
  r: ReplicateScopeOf,
  datasets: readonly StudyDataset[],
  trainIds: ReadonlyMap<string, string>,
): Omit<StepSpec<WeightedParams>, "planKey" | "estimate">[] {
  const { config, L } = r;
  const w = config.weighted;
  const specs: Omit<StepSpec<WeightedParams>, "planKey" | "estimate">[] = [];
  if (w.sizes.length === 0) return specs;
  const hidden = r.rep.hidden;
  // The synthetic sets have 31 inputs and 4 classes, MNIST-format data 784 and 10; csv: unknown.
  const costLayers = (spec: string): number[] =>
    spec.startsWith("idx:") ? [784, ...hidden, 10] : [31, ...hidden, 4];
  for (const init of config.network.inits) {
    const networks = [
      {
        graphId: initialGraphId(init),
        stage: "initial" as const,
        dataset: null,
        slug: datasets[0].slug,
        spec: datasets[0].spec,
        model: L.initialModel(init),
      },
      ...datasets.map((ds) => ({
        graphId: trainedGraphId(init, ds.slug),
        stage: "trained" as const,
        dataset: ds.spec,
        slug: ds.slug,
        spec: ds.spec,
        model: L.trainedModel(ds.slug, init),
      })),
    ];
    for (const n of networks) {
      for (const size of w.sizes) {
        const seed = stepSeed(config.seed, "weighted", n.graphId, String(size));
        const json = L.weightedJson(n.graphId, size);
        specs.push({
          id: r.id(`weighted-${n.graphId}-k${size}`),
          kind: "weighted",
          stage: "census",
          label: `weighted motifs ${n.graphId} k=${size} (no cut-off)`,
          seed,
          // No progress reports (one closed-form pass per shuffle): no bar.
          long: false,
          params: {
            graphId: n.graphId,
            init,
            stage: n.stage,
            dataset: n.dataset,
            size,
            randomNetworks: w.randomNetworks,
            seed,
            costLayers: costLayers(n.spec),
            model: "model",
            json,
          },
          inputs: { model: { step: trainIds.get(`${n.slug}/${init}`) ?? "", output: n.model } },
          outputs: [json],
        });
      }
    }
  }
  return specs;
}

function weightedEntry(spec: { id: string; params: WeightedParams }): WeightedEntry {
  return { graphId: spec.params.graphId, size: spec.params.size, step: spec.id };
}

/** Adds specs in dependency order, computing plan keys and estimates. */
class PlanBuilder {
  readonly steps: StepSpec[] = [];
  private readonly byId = new Map<string, StepSpec>();

  /** nnmotifs version + the fingerprint of the code a step of that kind can run. */
  constructor(private readonly code: (kind: StepKindName) => string) {}

  get(id: string): StepSpec {
    const s = this.byId.get(id);
    if (s === undefined) throw new Error(`plan: no step ${id}`);
    return s;
  }

  add<P>(spec: Omit<StepSpec<P>, "planKey" | "estimate">, hint: CostHint = {}): void {
    if (this.byId.has(spec.id)) throw new Error(`plan: step ${spec.id} twice`);
    const upstream: Record<string, string> = {};
    for (const [name, input] of Object.entries(spec.inputs)) {
      upstream[name] = `${this.get(input.step).planKey}:${input.output ?? "*"}`;
    }
    const full = {
      ...spec,
      planKey: hashOf({
        code: this.code(spec.kind),
        kind: spec.kind,
        params: keyParams(spec.kind, spec.params),
        upstream,
      }),
      estimate: estimateSeconds(spec.kind, spec.params, hint),
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
    const p = params as EnsembleIndex;
    const strip = (c: StudyConfig) => ({ ...c, out: null, threads: null });
    return {
      ...p,
      config: strip(p.config),
      replicates: p.replicates.map((r) => ({ ...r, config: strip(r.config) })),
    };
  }
  return params;
}

/** What the cost model knows of a step beyond its parameters (not part of any key). */
export interface CostHint {
  /** Training samples per epoch (train). */
  readonly samples?: number;
  /** Inputs and outputs of the network (train). */
  readonly shape?: readonly [number, number];
  /** Expected edges of the graph counted (census). */
  readonly edges?: number;
}

/** The default study's graphs ([30, 30] at c = 0.55 on tree): the census costs below are theirs. */
const REFERENCE_EDGES = 544;
/** Their k-subgraphs per network (estimateSubgraphCount), by size. */
const REFERENCE_SUBGRAPHS: Record<number, number> = { 3: 7.2e3, 4: 1.0e5, 5: 1.4e6 };

/**
 * A simple cost model (seconds on the 2-core development machine, idle, calibrated on the
 * default study's manifest and a Fashion-MNIST run): training per epoch from samples × weights
 * and batches; a census per random network by motif size (×8 per size above 5), scaled by the
 * graph's expected edges (subgraph counts grow about as edges^0.8 on these layered graphs) and cut
 * by sampling above motifs.maxExactSubgraphs; fixed costs for the rest.
 */
export function estimateSeconds(kind: StepKindName, params: unknown, hint: CostHint = {}): number {
  switch (kind) {
    case "train": {
      const p = params as TrainParams;
      const [inputs, outputs] = hint.shape ?? [31, 4];
      const sizes = [inputs, ...p.hidden, outputs];
      let weights = 0;
      for (let i = 1; i < sizes.length; i++) weights += sizes[i - 1] * sizes[i];
      const samples = hint.samples ?? 1260;
      const epoch = samples * weights * 6e-9 + Math.ceil(samples / p.training.batch) * 5e-4;
      return 0.5 + p.training.epochs * epoch;
    }
    case "graphs":
      return 0.05;
    case "census": {
      const p = params as CensusParams;
      const perNetwork: Record<number, number> = { 3: 7e-4, 4: 5e-3, 5: 3e-2 };
      const scale = ((hint.edges ?? REFERENCE_EDGES) / REFERENCE_EDGES) ** 0.8;
      let cost = (perNetwork[p.size] ?? 3e-2 * 8 ** (p.size - 5)) * scale;
      const subgraphs = (REFERENCE_SUBGRAPHS[p.size] ?? 1.4e6 * 14 ** (p.size - 5)) * scale;
      const limit = p.motifs.maxExactSubgraphs ?? Infinity;
      // Sampling counts a quarter of the limit, with a kernel about 5× slower than the exact one
      // (measured on Fashion-MNIST graphs at k = 5: 2.3–3.2·10⁶ subgraphs, 0.4–0.5 per depth).
      if (subgraphs > limit) cost *= Math.min(1, (5 * limit) / 4 / subgraphs);
      return (p.motifs.randomNetworks + 1) * cost;
    }
    case "weighted": {
      // CPU seconds of one census (the original or one shuffle) of 31-30-30-4 under load
      // (weightedMotifProfile: 101 censuses 1.5 s at k = 3, 6.6 s at k = 4; 21 censuses 3.7 s at
      // k = 5), scaled by the number of weights (784-50-50-20-10 at k = 4: 1.4 s by this, 0.9–2.2 s
      // measured); ×4 per size above 5, a guess.
      const p = params as WeightedParams;
      let weights = 0;
      for (let l = 0; l + 1 < p.costLayers.length; l++) {
        weights += p.costLayers[l] * p.costLayers[l + 1];
      }
      const perCensus: Record<number, number> = { 3: 0.015, 4: 0.065, 5: 0.18 };
      const cost = (perCensus[p.size] ?? 0.18 * 4 ** (p.size - 5)) * (weights / 1950);
      return (p.randomNetworks + 1) * cost;
    }
    // analyseStudy per replicate, then the ensemble; the report draws one replicate's figures.
    case "reference": {
      const p = params as ReferenceParams;
      const perNetwork: Record<number, number> = { 3: 5e-3, 4: 3e-2, 5: 0.3 };
      return (p.motifs.randomNetworks + 1) * (perNetwork[p.size] ?? 0.3 * 8 ** (p.size - 5));
    }
    case "analysis":
      return 1.5 * (params as EnsembleIndex).replicates.length;
    case "report":
      return 3.5 + 0.3 * (params as EnsembleIndex).replicates.length;
  }
}

/** Inputs and outputs of a data set's networks, as far as the plan knows (idx: MNIST's). */
function datasetShape(spec: string): [number, number] {
  return spec.startsWith("idx:") ? [784, 10] : [31, 4];
}

/** Training samples per epoch, as far as the plan knows (the generators' 2000; MNIST's 60000). */
function trainingSamples(ds: ReplicateDataset, training: StudyConfig["training"]): number {
  if (ds.spec.startsWith("idx:")) return (ds.samples ?? 60000) * (1 - training.validationSplit);
  const n = ds.samples ?? 2000;
  return n * (1 - training.testSplit) * (1 - training.validationSplit);
}

/** Expected kept edges of a replicate's graphs: the share of a normal the binning keeps. */
function expectedEdges(config: StudyConfig, hidden: readonly number[], spec: string): number {
  const [inputs, outputs] = datasetShape(spec);
  const sizes = [inputs, ...hidden, outputs];
  let weights = 0;
  for (let i = 1; i < sizes.length; i++) weights += sizes[i - 1] * sizes[i];
  const g = config.graphs;
  if (g.binning === "quantile") return weights * g.quantile;
  if (g.binning !== "paper" && g.binning !== "matched") return weights;
  // The removed band is where the fitted density exceeds c · max: |x − μ| < σ √(−2 ln c).
  const z = Math.sqrt(-2 * Math.log(g.cutoff));
  return weights * 2 * (1 - normalCdf(z));
}

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26 (error < 1.5e-7): enough for a cost model.
  const t = 1 / (1 + 0.3275911 * (z / Math.SQRT2));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 0.5 * (1 + (1 - poly * Math.exp(-(z * z) / 2)));
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
