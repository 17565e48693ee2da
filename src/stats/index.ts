export {};
export {
  welchTTest,
  studentTTwoSidedP,
  studentTCdf,
  regularizedIncompleteBeta,
  logGamma,
  type WelchTTest,
} from "./welch-t-test.js";
export {
  gaussianKde,
  kdeOnGrid,
  bandwidthFactor,
  type Kde,
  type KdeOptions,
  type BandwidthRule,
} from "./kde.js";
export { fitNormal, normalPdf, type NormalFit } from "./normal-fit.js";
export {
  motifStatistics,
  meanAndSd,
  zScore,
  shareGreater,
  shareSmaller,
  permutationP,
  significanceProfile,
  type MotifStatistic,
  type MotifStatisticsInput,
  type MeanSd,
} from "./motif-statistics.js";
export { benjaminiHochberg } from "./fdr.js";
export {
  decide,
  familyStatistics,
  redecideCensuses,
  resolveDecisionOptions,
  passesGuards,
  minimumNetworks,
  CENSUS_FAMILY,
  DECISION_DEFAULTS,
  type CensusStatistics,
  type DecisionOptions,
  type DecisionInput,
  type Decision,
  type DecidableCensus,
} from "./significance.js";
export { CensusMotifSchema, type CensusMotif } from "./census-row.js";
export { CensusJsonSchema, CensusStatisticsSchema, censusJsonSchema } from "./census-schema.js";
export {
  census,
  censusJson,
  uncolouredClassId,
  CENSUS_DEFAULTS,
  type CensusOptions,
  type CensusResult,
} from "./census.js";
export {
  formatCensus,
  formatG,
  CENSUS_FORMATS,
  type CensusFormat,
  type CensusJson,
  type CensusDocument,
  type FormatContext,
} from "./census-format.js";
export {
  meanInterval,
  pairedComparison,
  signFlipP,
  correlationInterval,
  studentTQuantile,
  normalQuantile,
  type MeanInterval,
  type PairedComparison,
  type PairedOptions,
  type Correlation,
} from "./confidence.js";
