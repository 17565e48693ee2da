/**
 * Keras HDF5 models (`model.save("m.h5")`, Keras 2 and Keras 3's legacy .h5) of Dense layers.
 *
 * The file's `model_config` attribute (JSON) gives the layer order, units and activations;
 * `model_weights/<layer>` with its `weight_names` attribute gives the kernel and bias datasets
 * (Keras 2.2 writes e.g. `model_weights/dense_2/dense_2_1/kernel:0`). Anything nnmotifs cannot turn
 * into a graph (conv layers, functional models, weights-only files) is "unsupported: …".
 *
 * h5wasm (HDF5 compiled to WebAssembly) is imported lazily: only commands that read .h5 load it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Dataset, File as H5File, Group } from "h5wasm";
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";

/** The 8-byte HDF5 signature; HDF5 allows it at offset 0, 512, 1024, 2048, … */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + 8 <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

/** Keras activation names nnmotifs networks can have (network.ts `Activation`). */
export const ACTIVATIONS = [
  "relu",
  "softmax",
  "linear",
  "sigmoid",
  "tanh",
] as const satisfies readonly Activation[];

/** Layers that carry no weights and do not change the graph. */
const PASS_THROUGH = new Set(["InputLayer", "Dropout"]);

interface KerasLayerConfig {
  class_name: string;
  config: {
    name: string;
    units?: number;
    activation?: string;
    use_bias?: boolean;
    batch_input_shape?: ReadonlyArray<number | null>;
  };
}

type H5Module = typeof import("h5wasm");

let h5Promise: Promise<H5Module> | undefined;

async function loadH5wasm(): Promise<H5Module> {
  h5Promise ??= (async () => {
    const h5 = (await import("h5wasm/node")).default as unknown as H5Module;
    const module = await h5.ready;
    // Throw HDF5 errors as exceptions instead of printing HDF5-DIAG traces on stderr.
    module.activate_throwing_error_handler();
    return h5;
  })();
  return h5Promise;
}

/** The innermost HDF5 reason ("truncated file: eof = 3000, …") from an HDF5-DIAG trace. */
function hdf5Reason(error: unknown): string {
  const text = String((error as Error)?.message ?? error);
  const reasons = [...text.matchAll(/\bin \w+\(\): ([^\n]+)/g)].map((m) => m[1].trim());
  return reasons.at(-1) ?? text.split("\n")[0];
}

export async function readKerasH5(path: string): Promise<DenseNetwork> {
  const bytes = readFileSync(path); // a missing file fails here, with Node's usual ENOENT message
  if (!hasHdf5Signature(bytes.subarray(0, Math.min(bytes.length, 4096)))) {
    throw new NnmotifsError("not an HDF5 file (no HDF5 signature).", { file: path });
  }
  const h5 = await loadH5wasm();
  let file: H5File;
  try {
    file = new h5.File(resolve(path), "r");
  } catch (error) {
    throw new NnmotifsError(`cannot read HDF5 file: ${hdf5Reason(error)}.`, { file: path });
  }
  try {
    return readModel(file, path);
  } catch (error) {
    if (error instanceof NnmotifsError) throw error;
    throw new NnmotifsError(`cannot read HDF5 file: ${hdf5Reason(error)}.`, { file: path });
  } finally {
    try {
      file.close();
    } catch {
      // closing a file that failed half-way must not hide the real error
    }
  }
}

function attrString(
  owner: { attrs: Record<string, { value: unknown }> },
  name: string,
): string | undefined {
  const value = owner.attrs[name]?.value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

function attrStrings(owner: { attrs: Record<string, { value: unknown }> }, name: string): string[] {
  const value = owner.attrs[name]?.value;
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v)));
}

function readModel(file: H5File, path: string): DenseNetwork {
  const configText = attrString(file, "model_config");
  if (configText === undefined) {
    throw unsupported(
      "no model_config attribute (a weights-only file from save_weights?). Save the whole model with model.save().",
      { file: path },
    );
  }
  let config: { class_name?: string; config?: unknown };
  try {
    config = JSON.parse(configText) as typeof config;
  } catch {
    throw new NnmotifsError("the model_config attribute is not valid JSON.", { file: path });
  }
  if (config.class_name !== "Sequential") {
    throw unsupported(
      `${config.class_name ?? "unknown"} model. Only Keras Sequential models of Dense layers are read.`,
      { file: path },
    );
  }
  // Keras ≥ 2.2 nests the layers in {name, layers}; Keras 2.0/2.1 stored the list directly.
  const raw = config.config;
  const layerConfigs = (Array.isArray(raw) ? raw : (raw as { layers?: unknown })?.layers) as
    KerasLayerConfig[] | undefined;
  if (!Array.isArray(layerConfigs)) {
    throw new NnmotifsError("model_config has no layer list.", { file: path });
  }
  const weightsRoot = file.get("model_weights");
  if (!(weightsRoot instanceof Object) || !("keys" in weightsRoot)) {
    throw unsupported("no model_weights group (a model saved without weights?).", { file: path });
  }
  const root = weightsRoot as Group;
  const layers: DenseLayerWeights[] = [];
  const layerSizes: number[] = [];
  for (const layer of layerConfigs) {
    const name = layer.config?.name ?? "?";
    if (PASS_THROUGH.has(layer.class_name)) continue;
    if (layer.class_name !== "Dense") {
      throw unsupported(
        `layer "${name}" is ${layer.class_name}. Only Dense layers (and InputLayer, Dropout) are read.`,
        { file: path },
      );
    }
    const activation = layer.config.activation ?? "linear";
    if (!(ACTIVATIONS as readonly string[]).includes(activation)) {
      throw unsupported(
        `layer "${name}" has activation "${activation}". Allowed: ${ACTIVATIONS.join(", ")}.`,
        { file: path },
      );
    }
    const group = root.get(name);
    if (group === null || !("keys" in (group as object))) {
      throw unsupported(`layer "${name}" has no weights under model_weights/${name}.`, {
        file: path,
      });
    }
    const weightNames = attrStrings(group as Group, "weight_names");
    const kernelName = weightNames.find((w) => /(^|\/)kernel(:0)?$/.test(w));
    const biasName = weightNames.find((w) => /(^|\/)bias(:0)?$/.test(w));
    if (kernelName === undefined) {
      throw unsupported(
        `layer "${name}" has no kernel (weight_names: ${JSON.stringify(weightNames)}).`,
        {
          file: path,
        },
      );
    }
    const kernelSet = readDataset(group as Group, kernelName, `${name}/${kernelName}`, path);
    if (kernelSet.shape.length !== 2) {
      throw unsupported(
        `layer "${name}" kernel has shape [${kernelSet.shape.join(", ")}]. Should be 2-D.`,
        {
          file: path,
        },
      );
    }
    const [nIn, nOut] = kernelSet.shape;
    if (layer.config.units !== undefined && layer.config.units !== nOut) {
      throw new NnmotifsError(
        `layer "${name}" has units ${layer.config.units} but its kernel has ${nOut} columns.`,
        { file: path },
      );
    }
    let bias: Float64Array = new Float64Array(nOut);
    if (biasName !== undefined) {
      const biasSet = readDataset(group as Group, biasName, `${name}/${biasName}`, path);
      if (biasSet.values.length !== nOut) {
        throw new NnmotifsError(
          `layer "${name}" bias has ${biasSet.values.length} entries. Should have ${nOut}.`,
          { file: path },
        );
      }
      bias = biasSet.values;
    } else if (layer.config.use_bias !== false) {
      throw unsupported(`layer "${name}" uses a bias but none is stored.`, { file: path });
    }
    if (layerSizes.length === 0) layerSizes.push(nIn);
    else if (layerSizes[layerSizes.length - 1] !== nIn) {
      throw new NnmotifsError(
        `layer "${name}" takes ${nIn} inputs but the previous layer has ${layerSizes[layerSizes.length - 1]} units.`,
        { file: path },
      );
    }
    layerSizes.push(nOut);
    layers.push({
      name,
      nIn,
      nOut,
      kernel: kernelSet.values,
      bias,
      activation: activation as Activation,
    });
  }
  if (layers.length === 0) throw unsupported("the model has no Dense layers.", { file: path });
  return { layerSizes, layers, source: path };
}

function readDataset(
  group: Group,
  name: string,
  label: string,
  path: string,
): { shape: number[]; values: Float64Array } {
  const entity = group.get(name);
  if (entity === null || !("shape" in (entity as object))) {
    throw unsupported(`weight "${label}" is listed but not stored.`, { file: path });
  }
  const dataset = entity as Dataset;
  const value = dataset.value;
  if (!(value instanceof Float32Array) && !(value instanceof Float64Array)) {
    throw unsupported(
      `weight "${label}" has type ${dataset.dtype}. Should be float32 or float64.`,
      {
        file: path,
      },
    );
  }
  return { shape: (dataset.shape ?? []).map(Number), values: Float64Array.from(value) };
}
