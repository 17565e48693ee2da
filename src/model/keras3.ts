/**
 * Keras 3 `.keras` files (`model.save("m.keras")`): a zip of `config.json` (the model's Keras
 * config, as in an .h5's `model_config`), `metadata.json` and `model.weights.h5`, an HDF5 file in
 * which Keras 3's saving_lib stores each layer's variables in creation order under
 * `layers/<layer name>/vars/<i>` (a Dense layer: 0 = kernel [in, out], 1 = bias). tf.keras 2.13+
 * wrote the same file with `_layer_checkpoint_dependencies/<layer name>/vars/<i>`; both are read.
 *
 * The zip is read with fflate (lazily loaded); each entry's declared size is checked against the
 * file before anything is inflated. The layer rules are the .h5 reader's (keras-sequential.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dataset, File as H5File, Group } from "h5wasm";
import type { Unzipped } from "fflate";
import { NnmotifsError } from "../core/errors.js";
import { hdf5Reason, loadH5wasm, readFloatDataset } from "./keras-h5.js";
import { denseNetworkFromKeras, type StoredTensor } from "./keras-sequential.js";
import type { ModelFormat, ModelProbe } from "./model-format.js";
import type { DenseNetwork } from "./network.js";

const CONFIG = "config.json";
const WEIGHTS = "model.weights.h5";
/** Deflate expands at most ~1032:1; a larger declared size is a corrupt (or hostile) entry. */
const MAX_DEFLATE_RATIO = 1032;
const MAX_ENTRY_BYTES = 2 ** 31 - 1;

export const keras3Format: ModelFormat = {
  name: "keras3",
  title: "Keras 3 .keras",
  detect: (probe) => isZip(probe.bytes) && zipHasEntries(probe.bytes, [CONFIG, WEIGHTS]),
  read: (probe) => readKeras3(probe),
};

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The zip lists `names`: by its central directory (at the end), or, when that is missing (a
 * truncated download), by the local file headers from the start. A minimal parse; fflate reads
 * the zip properly later.
 */
function zipHasEntries(bytes: Uint8Array, names: string[]): boolean {
  const found = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = (at: number, length: number): string =>
    new TextDecoder().decode(bytes.subarray(at, Math.min(bytes.length, at + length)));
  // End of central directory record: signature 0x06054b50 within the last 22 + 65535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let p = view.getUint32(at + 16, true);
    for (let k = 0; k < entries && p + 46 <= bytes.length; k++) {
      if (view.getUint32(p, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(p + 28, true);
      found.add(name(p + 46, nameLength));
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    break;
  }
  // Local file headers (sizes are in them unless bit 3 defers them to a data descriptor).
  for (let p = 0; p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50;) {
    const nameLength = view.getUint16(p + 26, true);
    found.add(name(p + 30, nameLength));
    if ((view.getUint16(p + 6, true) & 0x08) !== 0) break;
    p += 30 + nameLength + view.getUint16(p + 28, true) + view.getUint32(p + 18, true);
  }
  return names.every((n) => found.has(n));
}

async function readKeras3(probe: ModelProbe): Promise<DenseNetwork> {
  const where = { file: probe.path };
  const { unzipSync } = await import("fflate");
  let entries: Unzipped;
  try {
    entries = unzipSync(probe.bytes, {
      filter(info) {
        if (info.name !== CONFIG && info.name !== WEIGHTS) return false;
        const limit = Math.min(MAX_ENTRY_BYTES, info.size * MAX_DEFLATE_RATIO + 1024);
        if (info.originalSize > limit) {
          throw new NnmotifsError(
            `zip entry ${info.name} declares ${info.originalSize} bytes from ${info.size} compressed (corrupt zip?).`,
            where,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof NnmotifsError) throw error;
    throw new NnmotifsError(
      `cannot read the .keras zip (truncated or corrupt?): ${(error as Error).message}.`,
      where,
    );
  }
  const configBytes = entries[CONFIG];
  const weightBytes = entries[WEIGHTS];
  if (configBytes === undefined || weightBytes === undefined) {
    throw new NnmotifsError(`a .keras file needs ${CONFIG} and ${WEIGHTS}.`, where);
  }
  let config: unknown;
  try {
    config = JSON.parse(new TextDecoder().decode(configBytes));
  } catch {
    throw new NnmotifsError(`${CONFIG} in the .keras file is not valid JSON.`, where);
  }
  // h5wasm opens files by path: the weights go to a private temporary file for the read.
  const h5 = await loadH5wasm();
  const dir = mkdtempSync(join(tmpdir(), "nnmotifs-keras3-"));
  const weightsPath = join(dir, WEIGHTS);
  let file: H5File | undefined;
  try {
    writeFileSync(weightsPath, weightBytes);
    try {
      file = new h5.File(weightsPath, "r");
    } catch (error) {
      throw new NnmotifsError(`cannot read ${WEIGHTS}: ${hdf5Reason(error)}.`, where);
    }
    const h5file = file;
    const keys = storeKeys(config);
    try {
      return denseNetworkFromKeras(
        config,
        (layer) => {
          const key = keys.get(layer);
          const vars = key === undefined ? undefined : layerVars(h5file, key);
          if (vars === undefined) return {};
          const tensor = (i: number): StoredTensor | undefined => {
            const entity = vars.get(String(i));
            if (entity === null || !("shape" in (entity as object))) return undefined;
            return readFloatDataset(
              entity as Dataset,
              `${layer}/${i === 0 ? "kernel" : "bias"} (layers/${key}/vars/${i})`,
              probe.path,
            );
          };
          return { kernel: tensor(0), bias: tensor(1) };
        },
        probe.path,
      );
    } catch (error) {
      if (error instanceof NnmotifsError) throw error;
      throw new NnmotifsError(`cannot read ${WEIGHTS}: ${hdf5Reason(error)}.`, where);
    }
  } finally {
    try {
      file?.close();
    } catch {
      // a file that failed half-way must not hide the real error
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keras's `to_snake_case` of a class name: "Dense" → "dense", "BatchNormalization" → "batch_normalization". */
function snakeCase(name: string): string {
  return name
    .replace(/\W+/g, "")
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/** Layer name → its key in model.weights.h5 (`dense`, `dense_1`, …), from the config's layer list. */
function storeKeys(config: unknown): Map<string, string> {
  const raw = (config as { config?: unknown } | null)?.config;
  const list = (Array.isArray(raw) ? raw : (raw as { layers?: unknown } | null)?.layers) as
    { class_name?: string; config?: { name?: string } }[] | undefined;
  const keys = new Map<string, string>();
  const used = new Map<string, number>();
  for (const layer of Array.isArray(list) ? list : []) {
    // Sequential.layers, which saving_lib walks, leaves out the InputLayer.
    if (layer?.class_name === undefined || layer.class_name === "InputLayer") continue;
    const base = snakeCase(layer.class_name);
    const n = used.get(base);
    used.set(base, (n ?? -1) + 1);
    const key = n === undefined ? base : `${base}_${n + 1}`;
    if (layer.config?.name !== undefined) keys.set(layer.config.name, key);
  }
  return keys;
}

function layerVars(file: H5File, layer: string): Group | undefined {
  for (const root of ["layers", "_layer_checkpoint_dependencies"]) {
    let group: unknown;
    try {
      group = file.get(`${root}/${layer}/vars`);
    } catch {
      continue; // h5wasm throws for a path whose parent is missing
    }
    if (group !== null && group !== undefined && "keys" in (group as object)) return group as Group;
  }
  return undefined;
}
