export {
  type Digraph,
  MAX_COLOUR,
  edgeCount,
  colourCount,
  withoutColours,
  makeDigraph,
} from "./digraph.js";
