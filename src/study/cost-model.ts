/**
 * How a study step's cost grows with the network it works on, relative to the default study's
 * 31-30-30-4 network on which plan.ts's per-step costs were calibrated. Without it a study of
 * hidden [4096, 4096] was estimated at 16 minutes.
 *
 * Training: work per epoch ∝ weights × samples. A census: the number of connected k-subgraphs of a
 * graph grows like E · d^(k-2) (each subgraph is an edge grown by k − 2 neighbours; d = 2E/N the
 * mean degree), so a census's cost scales by that ratio. Graphs of layered MLPs only: edges between
 * consecutive layers, all of them (binning keeps a similar share of each network).
 */
import { parameterCount } from "../core/memory-budget.js";

/** Units per layer (inputs, hidden…, outputs) and training samples of a study's networks. */
export interface NetworkShape {
  readonly layerSizes: readonly number[];
  readonly samples: number;
}

/** The default study's networks (tree / clusters data: 31 inputs, 4 classes, 2000 samples). */
export const REFERENCE_SHAPE: NetworkShape = { layerSizes: [31, 30, 30, 4], samples: 2000 };

/** Input and output units and samples of a data set spec, without reading it. */
export function datasetShape(spec: string): {
  features: number;
  classes: number;
  samples: number;
} {
  // tree and clusters: 31 inputs, 4 classes, 2000 samples (SPEC §2); files: assume MNIST-sized.
  return spec === "tree" || spec === "clusters" || spec === "clus"
    ? { features: 31, classes: 4, samples: 2000 }
    : { features: 784, classes: 10, samples: 60_000 };
}

/** The largest network of a study: its hidden layers on its widest data set. */
export function studyNetworkShape(
  data: readonly string[],
  hidden: readonly number[],
): NetworkShape {
  const shapes = data.map(datasetShape);
  const widest = shapes.reduce((a, b) => (b.features * b.samples > a.features * a.samples ? b : a));
  return {
    layerSizes: [widest.features, ...hidden, widest.classes],
    samples: widest.samples,
  };
}

function layeredEdges(layerSizes: readonly number[]): number {
  let edges = 0;
  for (let l = 0; l + 1 < layerSizes.length; l++) edges += layerSizes[l] * layerSizes[l + 1];
  return edges;
}

/** Training time of `shape` relative to the reference network (≥ 1 is not forced: tiny is tiny). */
export function trainingScale(shape: NetworkShape): number {
  const work = (s: NetworkShape): number => parameterCount(s.layerSizes) * s.samples;
  return work(shape) / work(REFERENCE_SHAPE);
}

/** Census time at subgraph size k of `shape`'s graph relative to the reference network's. */
export function censusScale(shape: NetworkShape, size: number): number {
  const subgraphs = (s: NetworkShape): number => {
    const edges = layeredEdges(s.layerSizes);
    const nodes = s.layerSizes.reduce((a, b) => a + b, 0);
    return edges * ((2 * edges) / nodes) ** (size - 2);
  };
  return subgraphs(shape) / subgraphs(REFERENCE_SHAPE);
}
