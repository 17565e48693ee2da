/** StudyResults, the analysis/report contract, read back from a study's results folder. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  CensusRecord,
  GraphRecord,
  MotifRecord,
  SensitivityGraph,
  SensitivityRecord,
  StudyResults,
  TrainingRecord,
} from "../analysis/study-results.js";
import type { EpochRecord } from "../nn/train.js";
import type { StudyConfig } from "./config.js";
import { LAYOUT, type StudyDataset } from "./layout.js";
import type { TrainSummary } from "./train-step.js";

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
      // The census rows flow through unchanged (class keys, q-values): one results contract.
      motifs: doc.motifs,
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
