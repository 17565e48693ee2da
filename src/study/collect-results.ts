/**
 * StudyResults, the analysis/report contract, assembled from the outputs of the steps upstream of
 * the analysis: training records and curves, graph groups, census JSON files. Pure: the caller reads
 * the inputs (through the store) and hands them over by input name (plan.ts, `ResultsIndex`).
 */
import { applyStudyFamily } from "../analysis/significance.js";
import type {
  CensusRecord,
  GraphRecord,
  MatchedRecord,
  MotifRecord,
  ReferenceCensus,
  SensitivityGraph,
  SensitivityRecord,
  StudyResults,
  TrainingRecord,
  WeightedRecord,
} from "../analysis/study-results.js";
import type {
  EnsembleResults,
  ReplicateResults,
  SnapshotCensus,
} from "../analysis/ensemble/replicates.js";
import type { EpochRecord } from "../nn/train.js";
import type { StepRecord } from "./cache.js";
import { STAGES, baseVersions } from "./manifest.js";
import {
  referenceSlug,
  type CensusEntry,
  type EnsembleIndex,
  type ReplicateIndex,
  type ResultsIndex,
} from "./plan.js";
import type { CensusSummary } from "./steps/census.js";
import type { ReferenceSummary } from "./steps/reference.js";
import type { TrainSummary } from "./steps/train.js";
import type { WeightedSummary } from "./steps/weighted.js";

/** The inputs of the analysis by name: parsed JSON outputs and upstream step records. */
export interface ResultsInputs {
  json<T>(input: string): T;
  record<T>(input: string): StepRecord<T>;
}

/** Input names of the files `assembleEnsemble` reads (the caller loads exactly these). */
export function resultFileInputs(index: EnsembleIndex): string[] {
  return [
    ...new Set(
      index.replicates.flatMap((r) => [
        ...replicateFileInputs(r),
        ...r.snapshots.flatMap((s) => [s.group, ...s.censuses.map((c) => `censusJson:${c.step}`)]),
      ]),
    ),
  ];
}

/** Every replicate's results and snapshots (the analysis and report's input). */
export function assembleEnsemble(index: EnsembleIndex, inputs: ResultsInputs): EnsembleResults {
  return {
    config: index.config,
    replicates: index.replicates.map((r) => assembleReplicate(r, inputs)),
  };
}

function assembleReplicate(index: ReplicateIndex, inputs: ResultsInputs): ReplicateResults {
  const results = assembleResults(index, inputs);
  const trajectoryNetworks =
    index.config.trajectory.randomNetworks ?? index.config.motifs.randomNetworks;
  const snapshots: SnapshotCensus[] = index.snapshots.flatMap((s) => {
    const graphs = inputs.json<{ graphs: Array<{ id: string; edgesPerColour: object }> }>(
      s.group,
    ).graphs;
    const perColour = (graphs.find((g) => g.id === s.graphId)?.edgesPerColour ?? {}) as Record<
      string,
      number
    >;
    const edges = Object.values(perColour).reduce((a, n) => a + n, 0);
    // Early stopping: a snapshot after the last epoch run holds the final network's weights.
    const run = inputs.record<TrainSummary>(`train:${s.train}`).data.epochsRun;
    const weightsEpoch = Math.min(s.epoch, run);
    return s.censuses.map((c) => {
      // A snapshot census of the initial or trained graph may be the main uncoloured census.
      const main = index.topology.some((t) => t.step === c.step);
      return {
        init: s.init,
        dataset: s.dataset,
        epoch: s.epoch,
        weightsEpoch,
        graphId: s.graphId,
        edges,
        census: censusRecordOf(
          c,
          inputs,
          main ? index.config.motifs.randomNetworks : trajectoryNetworks,
        ),
      };
    });
  });
  return {
    architecture: index.architecture,
    seed: index.seed,
    hidden: [...index.hidden],
    results,
    snapshots,
  };
}

/** One census's record from its JSON and step record. */
function censusRecordOf(
  c: CensusEntry,
  inputs: ResultsInputs,
  randomNetworks: number,
): CensusRecord {
  const doc = inputs.json<{ subgraphs: number; motifs: MotifRecord[]; sample?: number[] }>(
    `censusJson:${c.step}`,
  );
  return {
    graphId: c.graphId,
    size: c.size,
    nullModel: c.nullModel,
    randomNetworks,
    subgraphs: doc.subgraphs,
    motifs: doc.motifs,
    seconds: inputs.record<CensusSummary>(`census:${c.step}`).data.censusSeconds,
    ...(doc.sample !== undefined ? { sample: doc.sample } : {}),
  };
}

/** Input names of the files `assembleResults` reads for one replicate. */
export function replicateFileInputs(index: ResultsIndex): string[] {
  return [
    ...index.trainings.map((t) => `curve:${t.step}`),
    ...index.groups,
    ...index.sensitivity.flatMap((s) => s.groups),
    ...index.censuses.map((c) => `censusJson:${c.step}`),
    ...index.topology.map((c) => `censusJson:${c.step}`),
    ...index.matched.flatMap((m) => [m.group, ...m.censuses.map((c) => `censusJson:${c.step}`)]),
    ...index.sensitivity.flatMap((s) => s.censuses.map((c) => `censusJson:${c.step}`)),
    ...(index.weighted ?? []).map((w) => `weightedJson:${w.step}`),
    ...(index.references ?? []).map((r) => `censusJson:${r.step}`),
  ];
}

export function assembleResults(index: ResultsIndex, inputs: ResultsInputs): StudyResults {
  const config = index.config;
  const stageSeconds: Record<string, number> = {};
  const counted = new Set<string>();
  const count = (input: string): void => {
    const r = inputs.record<unknown>(input);
    if (counted.has(r.id)) return;
    counted.add(r.id);
    const stage = STAGES.find((s) => r.id === s || r.id.startsWith(`${s}-`)) ?? stageOfId(r.id);
    stageSeconds[stage] = (stageSeconds[stage] ?? 0) + r.seconds;
  };
  const backends: string[] = [];
  const trainings: TrainingRecord[] = index.trainings.map((t) => {
    count(`train:${t.step}`);
    const summary = inputs.record<TrainSummary>(`train:${t.step}`).data;
    if (summary.backend) backends.push(summary.backend);
    const curve = inputs.json<{ history: EpochRecord[] }>(`curve:${t.step}`);
    return {
      dataset: t.dataset,
      init: t.init,
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
  for (const g of [...index.groups, ...index.sensitivity.flatMap((s) => s.groups)]) count(g);
  const graphs: GraphRecord[] = index.groups.flatMap(
    (g) => inputs.json<{ graphs: GraphRecord[] }>(g).graphs,
  );
  // The census rows flow through unchanged (class keys, q-values): one results contract.
  const censusRecord = (c: CensusEntry): CensusRecord => {
    count(`census:${c.step}`);
    return censusRecordOf(c, inputs, config.motifs.randomNetworks);
  };
  const censuses = index.censuses.map(censusRecord);
  const sensitivity: SensitivityRecord[] = index.sensitivity.map((s) => ({
    cutoff: s.cutoff,
    // At the study's own cut-off these are the main groups: keep the sweep's fields only.
    graphs: s.groups.flatMap((g) =>
      inputs.json<{ graphs: SensitivityGraph[] }>(g).graphs.map(sensitivityGraph),
    ),
    censuses: s.censuses.map(censusRecord),
  }));
  const topologyCensuses = index.topology.map(censusRecord);
  const matched: MatchedRecord[] = index.matched.map((m) => {
    count(m.group);
    const graphs = inputs.json<{ graphs: SensitivityGraph[] }>(m.group).graphs;
    const of = (id: string) => graphs.find((g) => g.id === id)?.edgesPerColour ?? {};
    return {
      init: m.init,
      dataset: m.dataset,
      trainedId: m.trainedId,
      graphId: m.graphId,
      initialEdgesPerColour: of(m.graphId),
      trainedEdgesPerColour: of(m.trainedId),
      censuses: m.censuses.map(censusRecord),
    };
  });
  // The weighted censuses (issue 9 item 5): the files as the steps wrote them, their time apart.
  let weightedSeconds = 0;
  const weighted: WeightedRecord[] = (index.weighted ?? []).map((w) => {
    weightedSeconds += inputs.record<WeightedSummary>(`weighted:${w.step}`).seconds;
    return inputs.json<WeightedRecord>(`weightedJson:${w.step}`);
  });
  const references: ReferenceCensus[] = (index.references ?? []).map((r) => {
    const summary = inputs.record<ReferenceSummary>(`census:${r.step}`).data;
    return {
      network: r.network,
      name: referenceSlug(r.network),
      description: summary.description,
      nodes: summary.nodes,
      arcs: summary.arcs,
      census: censusRecord({
        graphId: r.network,
        size: r.size,
        nullModel: r.nullModel,
        step: r.step,
      }),
    };
  });
  const timings: Record<string, number> = {};
  for (const stage of STAGES) if (stage in stageSeconds) timings[stage] = stageSeconds[stage];
  if (weighted.length > 0) timings.weighted = weightedSeconds;
  const results: StudyResults = {
    config,
    datasets: index.datasets.map((d) => d.spec),
    inits: [...index.inits],
    sizes: [...config.motifs.sizes],
    nullModels: [...config.motifs.nulls],
    trainings,
    graphs,
    censuses,
    timings,
    versions: {
      ...baseVersions(),
      ...(backends.length > 0 ? { tfjsBackend: backends[backends.length - 1] } : {}),
    },
    ...(sensitivity.length > 0 ? { sensitivity } : {}),
    ...(topologyCensuses.length > 0 ? { topologyCensuses } : {}),
    ...(matched.length > 0 ? { matched } : {}),
    ...(weighted.length > 0 ? { weighted } : {}),
    ...(references.length > 0 ? { references } : {}),
  };
  return config.statistics.family === "study" ? applyStudyFamily(results) : results;
}

/** Step ids of the sweep start with "sensitivity-<stage>-", of matched density "matched-<stage>-",
 * of training snapshots "snapshot-<stage>-". */
function stageOfId(id: string): string {
  const m = /^(?:sensitivity|matched|snapshot)-([a-z]+)-/.exec(id);
  return m?.[1] ?? "other";
}

function sensitivityGraph(g: SensitivityGraph): SensitivityGraph {
  return {
    id: g.id,
    init: g.init,
    stage: g.stage,
    dataset: g.dataset,
    binEdges: g.binEdges,
    edgesPerColour: g.edgesPerColour,
  };
}
