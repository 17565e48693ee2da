export type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
export { countSubgraphs, clearCensusCache } from "./count-subgraphs.js";
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
