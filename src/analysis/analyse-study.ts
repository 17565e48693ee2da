/**
 * All analyses of a finished study (SPEC §8) as plain tables, and their CSV files.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { objectsToCsv, writeFileAtomic } from "../core/index.js";
import { biologicalComparison, type BiologyRow } from "./biological-comparison.js";
import { biologyFindings } from "./biological-findings.js";
import { censusClasses, type CensusClassRow } from "./census-classes.js";
import { cutoffSensitivity, type CutoffSensitivityRow } from "./cutoff-sensitivity.js";
import { edgesPerColour, type EdgesPerColourRow } from "./edges-per-colour.js";
import { studyFindings, type Finding } from "./findings.js";
import {
  learningCurves,
  learningEfficacy,
  type LearningCurveRow,
  type LearningEfficacyRow,
} from "./learning-efficacy.js";
import {
  matchedDensity,
  zAgainstEdges,
  type MatchedDensityRow,
  type ZEdgesRow,
} from "./matched-density.js";
import { nullComparison, type NullComparisonRow } from "./null-comparison.js";
import { layerParticipation, type ParticipationRow } from "./participation.js";
import { significanceProfiles, type ProfileRow } from "./significance-profiles.js";
import type { StudyResults } from "./study-results.js";
import { topologyLevel, type TopologyLevelRow } from "./topology-level.js";
import {
  SELECTION_BIAS_NOTE,
  topologyVariants,
  type TopologyVariantRow,
} from "./topology-variants.js";
import {
  colourBands,
  weightHistograms,
  type ColourBandRow,
  type WeightHistogramRow,
} from "./weight-histograms.js";
import { weightKdes, type WeightKdeRow } from "./weight-kde.js";
import {
  studyWeightPaired,
  studyWeightTable,
  weightTTests,
  type StudyWeightPairedRow,
  type StudyWeightTableRow,
  type WeightTTestRow,
} from "./weight-t-tests.js";
import { weightedFindings } from "./weighted-findings.js";
import { weightedMotifs, type WeightedMotifRow } from "./weighted-motifs.js";
import { mostChanged, zPairs, type MostChangedRow, type ZPairRow } from "./z-changes.js";

/** Every table of the analyses; each becomes `<name>.csv` (COMPRESSED_TABLES: `.csv.gz`). */
export interface AnalysisTables {
  readonly learningCurves: LearningCurveRow[];
  readonly learningEfficacy: LearningEfficacyRow[];
  readonly weightHistograms: WeightHistogramRow[];
  readonly colourBands: ColourBandRow[];
  readonly weightKdes: WeightKdeRow[];
  readonly weightTTests: WeightTTestRow[];
  /** The authors' weight table: mean |w|, population sd, Welch p on signed w; all and kept. */
  readonly weightTable: StudyWeightTableRow[];
  /** Per trained network and layer: Cohen's d of Δw, KS, Wasserstein-1, colour changes. */
  readonly weightPaired: StudyWeightPairedRow[];
  readonly edgesPerColour: EdgesPerColourRow[];
  readonly censusClasses: CensusClassRow[];
  readonly topologyVariants: TopologyVariantRow[];
  readonly zPairs: ZPairRow[];
  readonly mostChanged: MostChangedRow[];
  readonly significanceProfiles: ProfileRow[];
  readonly nullComparison: NullComparisonRow[];
  /** The cut-off sweep (SPEC §4.3); empty when it is off. */
  readonly cutoffSensitivity: CutoffSensitivityRow[];
  /** Per network, layer and named topology: the units' summed participation (participation.ts). */
  readonly participation: ParticipationRow[];
  /** Every topology of the uncoloured censuses (the headline level); empty when off. */
  readonly topologyLevel: TopologyLevelRow[];
  /** Diamond and bi-fan: initial vs trained at paper binning and at matched density. */
  readonly matchedDensity: MatchedDensityRow[];
  /** Z of the diamond and the bi-fan against each graph's edge count. */
  readonly zAgainstEdges: ZEdgesRow[];
  /** Threshold-free weighted motifs against the weight shuffle (issue 9 item 5); empty when off. */
  readonly weightedMotifs: WeightedMotifRow[];
  /** Each graph's topology-level SP against each reference network's (Pearson r); empty when off. */
  readonly biologicalComparison: BiologyRow[];
}

export interface StudyAnalysis {
  readonly tables: AnalysisTables;
  /** The findings as typed records, most important first (findings.ts). */
  readonly findings: Finding[];
  readonly notes: { readonly selectionBias: string };
}

export interface AnalyseOptions {
  /** Bins of the weight histograms (default 60). */
  readonly histogramBins?: number;
  /** Grid points of the KDEs (default 160). */
  readonly kdePoints?: number;
  /** Rows per size × null in the most-changed table (default 10). */
  readonly mostChanged?: number;
  /** Motif size of the per-layer participation table (default: config `analysis.participationSize`, else 4). */
  readonly participationSize?: number;
}

const DEFAULTS = { histogramBins: 60, kdePoints: 160, mostChanged: 10 };

export function analyseStudy(results: StudyResults, options: AnalyseOptions = {}): StudyAnalysis {
  const classes = censusClasses(results);
  const variants = topologyVariants(classes);
  const pairs = zPairs(classes);
  const density = matchedDensity(results);
  const tables: AnalysisTables = {
    learningCurves: learningCurves(results),
    learningEfficacy: learningEfficacy(results),
    weightHistograms: weightHistograms(results, options.histogramBins ?? DEFAULTS.histogramBins),
    colourBands: colourBands(results),
    weightKdes: weightKdes(results, options.kdePoints ?? DEFAULTS.kdePoints),
    weightTTests: weightTTests(results),
    weightTable: studyWeightTable(results),
    weightPaired: studyWeightPaired(results),
    edgesPerColour: edgesPerColour(results),
    censusClasses: classes,
    topologyVariants: variants,
    zPairs: pairs,
    mostChanged: mostChanged(pairs, options.mostChanged ?? DEFAULTS.mostChanged),
    significanceProfiles: significanceProfiles(variants),
    nullComparison: nullComparison(variants, results.nullModels),
    cutoffSensitivity: cutoffSensitivity(results),
    participation: layerParticipation(results, {
      size: options.participationSize ?? results.config.analysis?.participationSize,
    }),
    topologyLevel: topologyLevel(results),
    matchedDensity: density,
    zAgainstEdges: zAgainstEdges(density),
    weightedMotifs: weightedMotifs(results),
    biologicalComparison: biologicalComparison(results),
  };
  return {
    tables,
    findings: [
      ...studyFindings(results, tables),
      ...weightedFindings(tables.weightedMotifs),
      ...biologyFindings(tables.biologicalComparison),
    ],
    notes: { selectionBias: SELECTION_BIAS_NOTE },
  };
}

/** The findings' sentences alone (computes the analyses). */
export function summariseFindings(results: StudyResults): string[] {
  return analyseStudy(results).findings.map((f) => f.sentence);
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Tables written gzip-compressed: one row per class of every census (or class pair), 22 and 6 MB
 * in the default study, ~4× smaller compressed. The data is all there:
 * `zcat tables/census-classes.csv.gz`.
 */
export const COMPRESSED_TABLES: ReadonlySet<keyof AnalysisTables & string> = new Set([
  "censusClasses",
  "zPairs",
]);

/** The file name of a table under tables/: `<kebab-name>.csv`, or `.csv.gz` when compressed. */
export function tableFileName(name: keyof AnalysisTables & string): string {
  return `${kebab(name)}.csv${COMPRESSED_TABLES.has(name) ? ".gz" : ""}`;
}

/**
 * Writes one CSV per table (`learning-curves.csv`, …; COMPRESSED_TABLES gzipped) and
 * `findings.txt` into `dir`, each atomically. Returns the paths written.
 */
export async function writeAnalysisTables(analysis: StudyAnalysis, dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, rows] of Object.entries(analysis.tables) as [
    keyof AnalysisTables & string,
    object[],
  ][]) {
    const path = join(dir, tableFileName(name));
    const csv = objectsToCsv(rows);
    await writeFileAtomic(path, COMPRESSED_TABLES.has(name) ? gzipSync(csv) : csv);
    paths.push(path);
  }
  const findings = join(dir, "findings.txt");
  await writeFileAtomic(findings, analysis.findings.map((f) => f.sentence).join("\n") + "\n");
  paths.push(findings);
  return paths;
}
