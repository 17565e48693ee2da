/**
 * Dense multi-layer perceptrons (SPEC §3): ReLU hidden layers, softmax output. The weights are
 * drawn here, as plain numbers (`initialNetwork`), and then loaded into a tfjs Sequential
 * (`buildMlp`), so initial weights never depend on the backend.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { NnmotifsError } from "../core/errors.js";
import { Rng } from "../core/random.js";
import { INITIALISERS, initialBias, type InitialiserName } from "./initialisers.js";
import type { DenseLayerWeights, DenseNetwork } from "../model/network.js";

export type Tf = typeof tfjs;

/** Stream tag of the initial weights: Rng(seed, INIT_STREAM, layer, 0 = kernel | 1 = bias). */
const INIT_STREAM = 0x696e6974; // "init"

/** Check a layer-size list: at least input and output, positive integers. */
export function validateLayerSizes(layerSizes: readonly number[]): void {
  if (layerSizes.length < 2 || !layerSizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new NnmotifsError(
      `invalid layer sizes [${layerSizes.join(", ")}]. Should be ≥ 2 positive integers.`,
    );
  }
}

/**
 * A freshly initialised network: kernels from `init`, biases N(0, 0.1), every layer seeded from
 * (seed, layer index), so biases are the same for every initialiser given one seed.
 */
export function initialNetwork(
  layerSizes: readonly number[],
  init: InitialiserName,
  seed: number,
): DenseNetwork {
  validateLayerSizes(layerSizes);
  const layers: DenseLayerWeights[] = [];
  for (let k = 0; k + 1 < layerSizes.length; k++) {
    const nIn = layerSizes[k];
    const nOut = layerSizes[k + 1];
    layers.push({
      name: `dense_${k + 1}`,
      nIn,
      nOut,
      activation: k + 2 === layerSizes.length ? "softmax" : "relu",
      kernel: INITIALISERS[init].kernel(nIn, nOut, new Rng(seed, INIT_STREAM, k, 0)),
      bias: initialBias(nOut, new Rng(seed, INIT_STREAM, k, 1)),
    });
  }
  return { layerSizes: [...layerSizes], layers, source: `init:${init}:seed${seed}` };
}

/** A tfjs Sequential with `net`'s architecture, activations and (float32-rounded) weights. */
export function buildMlp(tf: Tf, net: DenseNetwork): tfjs.Sequential {
  const model = tf.sequential();
  net.layers.forEach((l, k) => {
    model.add(
      tf.layers.dense({
        units: l.nOut,
        activation: l.activation,
        useBias: true,
        name: l.name,
        ...(k === 0 ? { inputShape: [l.nIn] } : {}),
        // Real weights are set right below; zeros avoid drawing from tfjs's unseeded generator.
        kernelInitializer: "zeros",
        biasInitializer: "zeros",
      }),
    );
  });
  setMlpWeights(tf, model, net);
  return model;
}

/** Load `net`'s kernels and biases into `model` (same architecture). */
export function setMlpWeights(tf: Tf, model: tfjs.Sequential, net: DenseNetwork): void {
  tf.tidy(() => {
    model.layers.forEach((layer, k) => {
      const l = net.layers[k];
      layer.setWeights([
        tf.tensor2d(Float32Array.from(l.kernel), [l.nIn, l.nOut]),
        tf.tensor1d(Float32Array.from(l.bias)),
      ]);
    });
  });
}

/** The model's current weights as plain numbers. */
export function readMlp(
  model: tfjs.Sequential,
  template: DenseNetwork,
  source?: string,
): DenseNetwork {
  const layers = model.layers.map((layer, k) => {
    const [kernel, bias] = layer.getWeights();
    const t = template.layers[k];
    return {
      name: t.name,
      nIn: t.nIn,
      nOut: t.nOut,
      activation: t.activation,
      kernel: Float64Array.from(kernel.dataSync()),
      bias: Float64Array.from(bias.dataSync()),
    };
  });
  return {
    layerSizes: [...template.layerSizes],
    layers,
    ...(source !== undefined ? { source } : {}),
  };
}
