/**
 * The across-seed analyses of a study (issue 9): every quantity of the one-seed analyses that
 * involves Z, SP, ΔZ, edge counts or learning curves, as a mean with its 95 % t-interval across the
 * replicates (seeds) of an architecture, with paired tests across seeds (stats/confidence.ts).
 * Each analysis is its own file; this one assembles the tables and the findings. Every summary
 * table has a per-seed table beside it (`…Seeds`).
 */
import { ensembleBiologicalComparison, type BiologyEnsembleRow } from "../biological-comparison.js";
import { biologyEnsembleFindings } from "../biological-findings.js";
import { findingSentence, type Finding } from "../findings.js";
import {
  colourBands,
  weightHistograms,
  type ColourBandRow,
  type WeightHistogramRow,
} from "../weight-histograms.js";
import {
  classZChanges,
  mostChangedClasses,
  type ClassZChangeRow,
  type MostChangedClassRow,
} from "./class-z-changes.js";
import { deltaZ, deltaZSeeds, type DeltaZRow, type DeltaZSeedRow } from "./delta-z.js";
import {
  edgesAcrossSeeds,
  edgesSeeds,
  type EdgesRow,
  type EdgesSeedRow,
} from "./edges-across-seeds.js";
import { ensembleFindingRecords } from "./ensemble-findings.js";
import { initComparison, type InitComparisonRow } from "./init-comparison.js";
import {
  learningAcrossSeeds,
  learningTable,
  testAccuracy,
  testAccuracySeeds,
  type LearningRow,
  type LearningTableRow,
  type TestAccuracyRow,
  type TestAccuracySeedRow,
} from "./learning-across-seeds.js";
import { motifOnsets, type MotifOnsetRow } from "./motif-onset.js";
import { nullSeparation, type NullSeparationRow } from "./null-separation.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";
import { significanceProfile, type ProfileRow } from "./significance-profile.js";
import {
  topologyZ,
  topologyZSeeds,
  type TopologyZRow,
  type TopologyZSeedRow,
} from "./topology-z.js";
import {
  trajectories,
  trajectorySeeds,
  trajectoryTable,
  type TrajectoryPoint,
  type TrajectorySeedRow,
  type TrajectoryTableRow,
} from "./trajectories.js";
import { variantZ, type VariantZTableRow } from "./variant-z.js";
import {
  keptShareAcrossSeeds,
  weightTableAcrossSeeds,
  weightTableSeeds,
  type KeptShareRow,
  type WeightTableEnsembleRow,
  type WeightTableSeedRow,
} from "./weights-across-seeds.js";
import {
  sampledCensuses,
  samplingFindingRecords,
  type SampledCensusRow,
} from "./sampled-censuses.js";

/** Every across-seed table; each becomes `tables/ensemble/<kebab-name>.csv`. */
export interface EnsembleTables {
  readonly topologyZ: readonly TopologyZRow[];
  readonly topologyZSeeds: readonly TopologyZSeedRow[];
  readonly variantZ: readonly VariantZTableRow[];
  readonly deltaZ: readonly DeltaZRow[];
  readonly deltaZSeeds: readonly DeltaZSeedRow[];
  readonly initComparison: readonly InitComparisonRow[];
  readonly significanceProfile: readonly ProfileRow[];
  readonly edges: readonly EdgesRow[];
  readonly edgesSeeds: readonly EdgesSeedRow[];
  readonly learningCurves: readonly LearningTableRow[];
  readonly testAccuracy: readonly TestAccuracyRow[];
  readonly testAccuracySeeds: readonly TestAccuracySeedRow[];
  readonly nullSeparation: readonly NullSeparationRow[];
  readonly trajectories: readonly TrajectoryTableRow[];
  readonly trajectorySeeds: readonly TrajectorySeedRow[];
  readonly motifOnsets: readonly MotifOnsetRow[];
  readonly sampledCensuses: readonly SampledCensusRow[];
  readonly classZChanges: readonly ClassZChangeRow[];
  readonly mostChangedClasses: readonly MostChangedClassRow[];
  readonly weightTable: readonly WeightTableEnsembleRow[];
  readonly weightTableSeeds: readonly WeightTableSeedRow[];
  readonly keptShare: readonly KeptShareRow[];
}

/** One seed's weight histograms per architecture (histograms need no interval: SPEC §8). */
export interface ArchitectureWeightHistograms {
  readonly architecture: string;
  readonly seed: number;
  readonly histograms: readonly WeightHistogramRow[];
  readonly bands: readonly ColourBandRow[];
}

export interface EnsembleAnalysis {
  readonly tables: EnsembleTables;
  /** Structured forms the figures read (the tables flatten them). */
  readonly learning: readonly LearningRow[];
  readonly trajectoryPoints: readonly TrajectoryPoint[];
  /** The first seed's weight histograms and colour bands of each architecture. */
  readonly weightHistograms: readonly ArchitectureWeightHistograms[];
  /** The comparison with the reference (biological) networks across seeds; empty when off. */
  readonly biology: readonly BiologyEnsembleRow[];
  /** Across-seed findings as typed records, most important first. */
  readonly findings: readonly Finding[];
}

export function analyseEnsemble(ensemble: EnsembleResults): EnsembleAnalysis {
  const first = ensemble.replicates[0]?.results;
  const learning = learningAcrossSeeds(ensemble);
  const points = trajectories(ensemble, learning);
  const classes = classZChanges(ensemble);
  const tables: EnsembleTables = {
    topologyZ: topologyZ(ensemble),
    topologyZSeeds: topologyZSeeds(ensemble),
    variantZ: variantZ(ensemble),
    deltaZ: deltaZ(ensemble),
    deltaZSeeds: deltaZSeeds(ensemble),
    initComparison: initComparison(ensemble),
    significanceProfile: significanceProfile(ensemble),
    edges: edgesAcrossSeeds(ensemble),
    edgesSeeds: edgesSeeds(ensemble),
    learningCurves: learningTable(learning),
    testAccuracy: testAccuracy(ensemble),
    testAccuracySeeds: testAccuracySeeds(ensemble),
    nullSeparation: nullSeparation(ensemble),
    trajectories: trajectoryTable(points),
    trajectorySeeds: trajectorySeeds(ensemble),
    motifOnsets: motifOnsets(points, learning),
    sampledCensuses: sampledCensuses(ensemble),
    classZChanges: classes,
    mostChangedClasses: mostChangedClasses(classes),
    weightTable: weightTableAcrossSeeds(ensemble),
    weightTableSeeds: weightTableSeeds(ensemble),
    keptShare: keptShareAcrossSeeds(ensemble),
  };

  const records = [
    ...ensembleFindingRecords({
      deltaZ: tables.deltaZ,
      initComparison: tables.initComparison,
      nullSeparation: tables.nullSeparation,
      onsets: tables.motifOnsets,
      testAccuracy: tables.testAccuracy,
      nullModels: first?.nullModels ?? [],
    }),
    ...samplingFindingRecords(ensemble, tables.sampledCensuses),
  ];
  const biology = ensembleBiologicalComparison(ensemble);
  return {
    tables,
    learning,
    trajectoryPoints: points,
    weightHistograms: architecturesOf(ensemble).map((architecture) => {
      const rep = replicatesOf(ensemble, architecture)[0];
      return {
        architecture,
        seed: rep.seed,
        histograms: weightHistograms(rep.results),
        bands: colourBands(rep.results),
      };
    }),
    biology,
    findings: [
      ...records.map((f) => ({ ...f, sentence: findingSentence(f) })),
      ...biologyEnsembleFindings(biology),
    ],
  };
}

/** Writes one CSV per ensemble table into `dir` atomically; returns the paths written. */
export async function writeEnsembleTables(
  analysis: EnsembleAnalysis,
  dir: string,
): Promise<string[]> {
  const { objectsToCsv, writeFileAtomic } = await import("../../core/index.js");
  const { join } = await import("node:path");
  const paths: string[] = [];
  for (const [name, rows] of Object.entries(analysis.tables) as [string, object[]][]) {
    const path = join(dir, `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`);
    await writeFileAtomic(path, objectsToCsv(rows));
    paths.push(path);
  }
  return paths;
}
