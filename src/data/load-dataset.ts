/**
 * Data set specifications as the CLI and study configs write them:
 *   tree | clusters | csv:FILE | idx:DIR
 */
import { NnmotifsError } from "../core/errors.js";
import { binaryTreeDataset } from "./binary-tree.js";
import { readCsvDataset } from "./csv-dataset.js";
import type { Dataset } from "./dataset.js";
import { readIdxDirectory } from "./idx-dataset.js";
import { independentClustersDataset } from "./independent-clusters.js";

export interface LoadDatasetOptions {
  /** Seed of the synthetic generators. */
  seed?: number;
  /** Number of samples to generate (tree, clusters), or to keep (first N; idx training part). */
  samples?: number;
}

export const DATASET_SPEC_HELP = "tree | clusters | csv:FILE | idx:DIR";

/** Load or generate the data set named by `spec`. */
export function loadDataset(spec: string, options: LoadDatasetOptions = {}): Dataset {
  const seed = options.seed ?? 0;
  if (spec === "tree") return binaryTreeDataset(seed, { samples: options.samples });
  if (spec === "clusters" || spec === "clus")
    return independentClustersDataset(seed, { samples: options.samples });
  if (spec.startsWith("csv:") && spec.length > 4) {
    const data = readCsvDataset(spec.slice(4));
    if (options.samples === undefined || options.samples >= data.y.length) return data;
    return {
      ...data,
      x: data.x.slice(0, options.samples * data.nFeatures),
      y: data.y.slice(0, options.samples),
    };
  }
  if (spec.startsWith("idx:") && spec.length > 4) {
    const samples = options.samples;
    // Keep MNIST's 6 : 1 train : test proportion when only a subset is used.
    return readIdxDirectory(spec.slice(4), {
      trainLimit: samples,
      testLimit: samples === undefined ? undefined : Math.max(1, Math.round(samples / 6)),
    });
  }
  throw new NnmotifsError(`invalid data set \`${spec}\`. Should be ${DATASET_SPEC_HELP}.`);
}
