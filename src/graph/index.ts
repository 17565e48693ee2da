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
export { readGraph, writeGraph, parseGraph, formatGraph, type GraphFormat } from "./read-graph.js";
export {
  layersFromSizes,
  parseLayerSizes,
  longestPathLayers,
  resolveLayers,
} from "./layers.js";
