export type {
  StudyResults,
  TrainingRecord,
  GraphRecord,
  CensusRecord,
  MotifRecord,
  SensitivityGraph,
  SensitivityRecord,
  EpochRecord as StudyEpochRecord,
  StudyResultsConfig,
} from "./study-results.js";
export { networkLabel } from "./study-results.js";
export {
  significance,
  isSignificant,
  isConstrained,
  SIGNIFICANCE,
  type Direction,
  type SignificanceFields,
} from "./significance.js";
export {
  studyFindings,
  findingSentence,
  type Finding,
  type FindingSection,
  type FindingInputs,
} from "./findings.js";
export { findingsJson, findingsDocument, type FindingsDocument } from "./findings-json.js";
export {
  analyseStudy,
  summariseFindings,
  writeAnalysisTables,
  type AnalysisTables,
  type StudyAnalysis,
  type AnalyseOptions,
} from "./analyse-study.js";
export {
  learningCurves,
  learningEfficacy,
  learningRanking,
  TARGET_VAL_ACCURACY,
  type LearningCurveRow,
  type LearningEfficacyRow,
  type LearningRanking,
} from "./learning-efficacy.js";
export {
  weightHistograms,
  colourBands,
  type WeightHistogramRow,
  type ColourBandRow,
} from "./weight-histograms.js";
export { weightKdes, type WeightKdeRow } from "./weight-kde.js";
export {
  weightTTests,
  studyWeightTable,
  studyWeightPaired,
  INITIAL_NETWORK,
  type WeightTTestRow,
  type StudyWeightTableRow,
  type StudyWeightPairedRow,
} from "./weight-t-tests.js";
export {
  weightTable,
  selectWeights,
  WEIGHT_SELECTIONS,
  type WeightTableRow,
  type WeightSelection,
} from "./weight-table.js";
export { weightPaired, type WeightPairedRow } from "./weight-paired.js";
export { weightSetsOfGroup, coloursOfEdges, type WeightSet } from "./weight-sets.js";
export { edgesPerColour, type EdgesPerColourRow } from "./edges-per-colour.js";
export {
  graphOfRecord,
  layerParticipation,
  type ParticipationOptions,
  type ParticipationRow,
} from "./participation.js";
export { censusClasses, type CensusClassRow } from "./census-classes.js";
export {
  topologyVariants,
  SELECTION_BIAS_NOTE,
  type TopologyVariantRow,
} from "./topology-variants.js";
export { zPairs, mostChanged, type ZPairRow, type MostChangedRow } from "./z-changes.js";
export { significanceProfiles, type ProfileRow } from "./significance-profiles.js";
export { nullComparison, referenceNull, type NullComparisonRow } from "./null-comparison.js";
export {
  cutoffSensitivity,
  cutoffSensitivityFinding,
  type CutoffSensitivityRow,
} from "./cutoff-sensitivity.js";
export {
  motifName,
  topologyLabel,
  topologyKey,
  colouredKey,
  canonicalKey as bruteForceCanonicalKey,
  parseAdjacency,
  namedTopologyKey,
  NAMED_TOPOLOGIES,
  type Adjacency,
} from "./motif-names.js";
export type { WeightedRecord, WeightedTopologyRecord, WeightedNullStat } from "./study-results.js";
export { weightedMotifs, twoSidedP, type WeightedMotifRow } from "./weighted-motifs.js";
export {
  weightedFindings,
  WEIGHTED_ALPHA,
  type WeightedFinding,
  type WeightedEnsembleFinding,
} from "./weighted-findings.js";
export {
  weightedEnsemble,
  weightedEnsembleFindings,
  type WeightedEnsembleRow,
} from "./ensemble/weighted-ensemble.js";
