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
export {
  prepareSwitching,
  switchGraph,
  colourKindKey,
  SWITCH_DEFAULTS,
  type GroupKey,
  type SwitchOptions,
  type SwitchResult,
  type Switching,
} from "./switching.js";
export {
  prepareLayeredSwitching,
  layeredSwitchGraph,
  layeredKey,
  NULL_MODELS,
  NULL_MODEL_NAMES,
  isNullModelName,
  type NullModel,
  type NullModelName,
} from "./layered-switching.js";
export {
  randomEnsemble,
  ENSEMBLE_DEFAULTS,
  type RandomEnsemble,
  type RandomEnsembleOptions,
} from "./random-ensemble.js";
