export {
  type Dataset,
  sampleCount,
  sampleRow,
  selectSamples,
  classCounts,
  oneHot,
  validateDataset,
} from "./dataset.js";
export {
  binaryTreeDataset,
  BINARY_TREE_DEFAULTS,
  TREE_LABEL_OF_LEVEL2_NODE,
  type BinaryTreeOptions,
} from "./binary-tree.js";
export {
  independentClustersDataset,
  clusterStructure,
  INDEPENDENT_CLUSTERS_DEFAULTS,
  type IndependentClustersOptions,
  type ClusterStructure,
} from "./independent-clusters.js";
export { readCsvDataset, parseCsvDataset, type CsvDatasetOptions } from "./csv-dataset.js";
export {
  parseIdx,
  readIdxFile,
  encodeIdx,
  idxImagesToDataset,
  readIdxDirectory,
  type IdxArray,
  type IdxDirectoryOptions,
} from "./idx-dataset.js";
export { splitDataset, SPLIT_DEFAULTS, type SplitOptions, type DatasetSplit } from "./split.js";
export { loadDataset, DATASET_SPEC_HELP, type LoadDatasetOptions } from "./load-dataset.js";
