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
import type { ModelFormat } from "./model-format.js";
import type { DenseNetwork } from "./network.js";
import { denseNetworkFromKeras, type StoredTensor } from "./keras-sequential.js";

export const kerasH5Format: ModelFormat = {
  name: "keras-h5",
  title: "Keras .h5",
  detect: (probe) => hasHdf5Signature(probe.bytes.subarray(0, Math.min(probe.bytes.length, 4096))),
  read: (probe) => readKerasH5(probe.path),
};

/** The 8-byte HDF5 signature; HDF5 allows it at offset 0, 512, 1024, 2048, … */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + 8 <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

export type H5Module = typeof import("h5wasm");

let h5Promise: Promise<H5Module> | undefined;

export async function loadH5wasm(): Promise<H5Module> {
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
export function hdf5Reason(error: unknown): string {
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
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    throw new NnmotifsError("the model_config attribute is not valid JSON.", { file: path });
  }
  const weightsRoot = file.get("model_weights");
  const root =
    weightsRoot !== null && "keys" in (weightsRoot as object) ? (weightsRoot as Group) : undefined;
  return denseNetworkFromKeras(
    config,
    (name) => {
      const group = root?.get(name);
      if (group === null || group === undefined || !("keys" in (group as object))) return {};
      const weightNames = attrStrings(group as Group, "weight_names");
      const find = (kind: string): StoredTensor | undefined => {
        const w = weightNames.find((n) => new RegExp(`(^|/)${kind}(:0)?$`).test(n));
        return w === undefined ? undefined : readDataset(group as Group, w, `${name}/${w}`, path);
      };
      return { kernel: find("kernel"), bias: find("bias") };
    },
    path,
  );
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
  return readFloatDataset(entity as Dataset, label, path);
}

/** A float32 or float64 dataset as float64 values (also used for Keras 3 .keras weights). */
export function readFloatDataset(
  dataset: Dataset,
  label: string,
  path: string,
): { shape: number[]; values: Float64Array } {
  // Check the stored type before reading: h5wasm cannot even read some (float16) as values.
  const { type, size } = dataset.metadata as { type?: number; size?: number };
  const value = type === 1 && (size === 4 || size === 8) ? dataset.value : undefined;
  if (!(value instanceof Float32Array) && !(value instanceof Float64Array)) {
    throw unsupported(
      `weight "${label}" has type ${hdf5TypeName(type, size, dataset.dtype)}. Should be float32 or float64.`,
      { file: path },
    );
  }
  return { shape: (dataset.shape ?? []).map(Number), values: Float64Array.from(value) };
}

/** "float16", "int32", … for HDF5 type class 1 (float) and 0 (integer); the dtype code otherwise. */
function hdf5TypeName(type: number | undefined, size: number | undefined, dtype: unknown): string {
  if (size !== undefined && (type === 0 || type === 1)) {
    return `${type === 1 ? "float" : "int"}${size * 8}`;
  }
  return String(dtype);
}
