export type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
export {
  countSubgraphs,
  tallySubgraphClasses,
  clearCensusCache,
  type ClassTally,
} from "./count-subgraphs.js";
export {
  sampleSubgraphs,
  estimateSubgraphCount,
  NOMINAL_SUBGRAPHS_PER_SECOND,
  type SampleOptions,
  type WorkEstimate,
} from "./rand-esu.js";
export { canonicalKey } from "./canonical-label.js";
export {
  classAdjacency,
  classVertexColours,
  parseClassKey,
  formatClassKey,
  type ParsedClassKey,
} from "./class-key.js";
export { enumerateSubgraphs } from "./esu.js";
export {
  parseFanmodResults,
  matchesPrintedPercent,
  type FanmodResults,
  type FanmodClass,
} from "./fanmod-results.js";
export { MOTIF_SIZE_RANGE, checkMotifSize } from "./motif-size.js";
export {
  randomEnsemble,
  ENSEMBLE_DEFAULTS,
  type RandomEnsemble,
  type RandomEnsembleOptions,
} from "./random-ensemble.js";
