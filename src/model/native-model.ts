/**
 * The native model file: a trained (or initial) dense network as plain JSON, with the training
 * configuration and history that produced it.
 *
 *   {"format":"nnmotifs-model","version":1,"layerSizes":[31,30,30,4],
 *    "layers":[{"name":"dense_1","nIn":31,"nOut":30,"activation":"relu","kernel":[…],"bias":[…]},…],
 *    "epoch":20,"training":{…},"history":[…]}
 *
 * `kernel` is row-major [nIn, nOut] (Keras layout), numbers written with full double precision so a
 * saved network loads back bit for bit.
 */
import { NnmotifsError } from "../core/errors.js";
import type { ModelFormat } from "./model-format.js";
import type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";

export const NATIVE_MODEL_FORMAT = "nnmotifs-model";
export const NATIVE_MODEL_VERSION = 1;

const ACTIVATIONS: Record<Activation, true> = {
  relu: true,
  softmax: true,
  linear: true,
  sigmoid: true,
  tanh: true,
};

export const nativeModelFormat: ModelFormat = {
  name: NATIVE_MODEL_FORMAT,
  title: "nnmotifs model JSON",
  jsonShape: `"format": "${NATIVE_MODEL_FORMAT}" (a native model)`,
  detect: (probe) =>
    (probe.json() as { format?: unknown } | undefined)?.format === NATIVE_MODEL_FORMAT,
  read: (probe) => parseNativeModel(new TextDecoder().decode(probe.bytes), probe.path),
};

/** What travels with the weights; every field optional. */
export interface NativeModelExtra {
  /** Training epoch these weights belong to (0 = before training). */
  epoch?: number;
  /** The training configuration (data set, initialiser, seed, hyper-parameters…). */
  training?: Record<string, unknown>;
  /** Per-epoch history rows. */
  history?: ReadonlyArray<Record<string, unknown>>;
}

/** A network read from a native model file: usable wherever a DenseNetwork is. */
export interface NativeModel extends DenseNetwork, NativeModelExtra {}

/** Serialise a network (plus optional training metadata) as native model JSON text. */
export function formatNativeModel(net: DenseNetwork, extra: NativeModelExtra = {}): string {
  const doc = {
    format: NATIVE_MODEL_FORMAT,
    version: NATIVE_MODEL_VERSION,
    layerSizes: [...net.layerSizes],
    ...(net.source !== undefined ? { source: net.source } : {}),
    ...(extra.epoch !== undefined ? { epoch: extra.epoch } : {}),
    layers: net.layers.map((l) => ({
      name: l.name,
      nIn: l.nIn,
      nOut: l.nOut,
      activation: l.activation,
      kernel: Array.from(l.kernel),
      bias: Array.from(l.bias),
    })),
    ...(extra.training !== undefined ? { training: extra.training } : {}),
    ...(extra.history !== undefined ? { history: extra.history } : {}),
  };
  return JSON.stringify(doc) + "\n";
}

/**
 * Parse native model JSON text. `file` names the source in error messages. Throws NnmotifsError on
 * anything malformed (not JSON, wrong format tag or version, inconsistent shapes, non-numbers).
 */
export function parseNativeModel(text: string, file: string): NativeModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new NnmotifsError(`not a JSON file (${(error as Error).message})`, { file });
  }
  const fail = (what: string): never => {
    throw new NnmotifsError(`invalid nnmotifs model: ${what}`, { file });
  };
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) fail("expected a JSON object");
  const d = doc as Record<string, unknown>;
  if (d.format !== NATIVE_MODEL_FORMAT) fail(`\`format\` should be "${NATIVE_MODEL_FORMAT}"`);
  if (d.version !== NATIVE_MODEL_VERSION) {
    fail(`unsupported \`version\` ${JSON.stringify(d.version)}; this nnmotifs reads version 1`);
  }
  const sizes = d.layerSizes;
  if (
    !Array.isArray(sizes) ||
    sizes.length < 2 ||
    !sizes.every((s) => Number.isInteger(s) && s > 0)
  ) {
    fail("`layerSizes` should be an array of at least two positive integers");
  }
  const layerSizes = sizes as number[];
  if (!Array.isArray(d.layers) || d.layers.length !== layerSizes.length - 1) {
    fail(
      `\`layers\` should be an array of ${layerSizes.length - 1} layers (one per layerSizes step)`,
    );
  }
  const layers: DenseLayerWeights[] = (d.layers as unknown[]).map((raw, k) => {
    const at = `layer ${k}`;
    if (typeof raw !== "object" || raw === null) return fail(`${at} should be an object`);
    const l = raw as Record<string, unknown>;
    const nIn = layerSizes[k];
    const nOut = layerSizes[k + 1];
    if (l.nIn !== nIn || l.nOut !== nOut) fail(`${at}: nIn/nOut should be ${nIn}/${nOut}`);
    const activation = l.activation;
    if (typeof activation !== "string" || !Object.hasOwn(ACTIVATIONS, activation)) {
      fail(`${at}: \`activation\` should be one of ${Object.keys(ACTIVATIONS).join(", ")}`);
    }
    return {
      name: typeof l.name === "string" ? l.name : `dense_${k + 1}`,
      nIn,
      nOut,
      activation: activation as Activation,
      kernel: numbers(l.kernel, nIn * nOut, `${at}: \`kernel\``, fail),
      bias: numbers(l.bias, nOut, `${at}: \`bias\``, fail),
    };
  });
  const model: NativeModel = {
    layerSizes,
    layers,
    source: typeof d.source === "string" ? d.source : file,
  };
  if (typeof d.epoch === "number") model.epoch = d.epoch;
  if (typeof d.training === "object" && d.training !== null) {
    model.training = d.training as Record<string, unknown>;
  }
  if (Array.isArray(d.history)) model.history = d.history as Record<string, unknown>[];
  return model;
}

function numbers(
  value: unknown,
  length: number,
  what: string,
  fail: (w: string) => never,
): Float64Array {
  if (!Array.isArray(value) || value.length !== length) fail(`${what} should be ${length} numbers`);
  const out = new Float64Array(length);
  const v = value as unknown[];
  for (let i = 0; i < length; i++) {
    const x = v[i];
    if (typeof x !== "number" || !Number.isFinite(x)) fail(`${what}[${i}] is not a finite number`);
    out[i] = x as number;
  }
  return out;
}
