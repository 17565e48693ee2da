export {
  type Digraph,
  MAX_COLOUR,
  edgeCount,
  colourCount,
  withoutColours,
  makeDigraph,
} from "./digraph.js";
export { parseFanmodEdgeList, formatFanmodEdgeList, MAX_NODE_ID } from "./fanmod-edge-list.js";
export {
  parseGraphJson,
  formatGraphJson,
  toGraphJson,
  graphJsonSchema,
  GraphJsonSchema,
  type GraphJson,
} from "./graph-json.js";
export {
  readGraph,
  readFanmodEdgeList,
  writeGraph,
  parseGraph,
  formatGraph,
  type GraphFormat,
} from "./read-graph.js";
export { layersFromSizes, parseLayerSizes, longestPathLayers, resolveLayers } from "./layers.js";
export { networkToDigraph } from "./from-network.js";
export { digraphToNetwork, type RebuiltNetwork } from "./to-network.js";
export {
  binGroup,
  binGraphs,
  BINNING_SCHEMES,
  BINNING_SCHEME_NAMES,
  BINNING_DEFAULTS,
  isBinningScheme,
  type BinningScheme,
  type BinningOptions,
  type BinnedGroup,
} from "./binning.js";
export {
  paperBinEdges,
  paperColour,
  normalFitFloat32,
  pairwiseSumFloat32,
  type PaperBins,
} from "./paper-binning.js";
export { graphModelFormat, MODEL_AND_GRAPH_FORMATS } from "./graph-model-format.js";
export {
  colourLayer,
  colourRuleOfGraph,
  describeColourRule,
  type ColourRule,
  type ColourRuleKind,
} from "./colour-rule.js";
export {
  networkNullContext,
  readNetworkNullContext,
  colourRuleOfBinnedGraph,
  layeredDigraph,
  NETWORK_INPUT_HINT,
  type NetworkNullContext,
  type NetworkContextOptions,
} from "./network-context.js";
// Importing it registers the `reinit` null model.
export { reinitNull, REINIT_NULL_NAME } from "./reinit-null.js";
