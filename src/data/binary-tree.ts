/**
 * SPEC §2.1: the binary-tree data set. A complete binary tree of depth 5 (31 nodes, breadth first,
 * children of k are 2k+1 and 2k+2) carries ±1 values with exactly one path of +1 below level 0:
 * the root is ±1 with probability 1/2 and passes +1 to its left child if +1, else to its right;
 * below, a +1 node passes +1 to its left child with probability `pLeft` (0.7), else to its right,
 * and a −1 node has two −1 children. The label is the pattern of the first three levels (nodes 0..6).
 */
import { Rng } from "../core/random.js";
import type { Dataset } from "./dataset.js";

export interface BinaryTreeOptions {
  /** Number of samples (2000 in the paper). */
  samples?: number;
  /** Levels of the tree (5 → 31 nodes). */
  depth?: number;
  /** Probability that a +1 node (below the root) passes +1 to its left child. */
  pLeft?: number;
}

export const BINARY_TREE_DEFAULTS: Required<BinaryTreeOptions> = {
  samples: 2000,
  depth: 5,
  pLeft: 0.7,
};

/**
 * Label of each level-2 node that carries the +1 (nodes 3, 4, 5, 6), numbered as in the authors'
 * `datasets/tree.csv` (their labels are the order of first appearance in their draw): 3 → 0,
 * 6 → 1, 5 → 2, 4 → 3. Expected shares 0.35, 0.15, 0.35, 0.15.
 */
export const TREE_LABEL_OF_LEVEL2_NODE: Readonly<Record<3 | 4 | 5 | 6, number>> = {
  3: 0,
  4: 3,
  5: 2,
  6: 1,
};

/** Generate the binary-tree data set; the same seed gives the same samples. */
export function binaryTreeDataset(seed: number, options: BinaryTreeOptions = {}): Dataset {
  const samples = options.samples ?? BINARY_TREE_DEFAULTS.samples;
  const depth = options.depth ?? BINARY_TREE_DEFAULTS.depth;
  const pLeft = options.pLeft ?? BINARY_TREE_DEFAULTS.pLeft;
  if (!Number.isInteger(depth) || depth < 3)
    throw new RangeError(
      `binaryTreeDataset: invalid \`depth\` ${depth}. Should be an integer ≥ 3.`,
    );
  const nodes = 2 ** depth - 1;
  const inner = 2 ** (depth - 1) - 1;
  const rng = new Rng(seed, 0x74726565); // "tree"
  const x = new Float32Array(samples * nodes);
  const y = new Int32Array(samples);
  const tree = new Float32Array(nodes);
  for (let s = 0; s < samples; s++) {
    tree[0] = rng.next() < 0.5 ? 1 : -1;
    tree[1] = tree[0];
    tree[2] = -tree[0];
    for (let k = 1; k < inner; k++) {
      if (tree[k] === 1) {
        const left = rng.next() < pLeft;
        tree[2 * k + 1] = left ? 1 : -1;
        tree[2 * k + 2] = left ? -1 : 1;
      } else {
        tree[2 * k + 1] = -1;
        tree[2 * k + 2] = -1;
      }
    }
    x.set(tree, s * nodes);
    const level2 = ([3, 4, 5, 6] as const).find((k) => tree[k] === 1) ?? 3;
    y[s] = TREE_LABEL_OF_LEVEL2_NODE[level2];
  }
  return { name: "tree", x, y, nFeatures: nodes, nClasses: 4 };
}
