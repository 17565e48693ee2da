/**
 * TensorFlow.js layers models (`model.save("file://dir")` → dir/model.json + weight shards), read
 * directly: the `modelTopology` is a Keras model config, and `weightsManifest` lists the shard
 * files and, in order, each weight's name, shape and dtype. The shards concatenated are the
 * weights back to back, float32 little-endian. No TensorFlow.js is loaded to read a model.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { ModelFormat } from "./model-format.js";
import type { DenseNetwork } from "./network.js";
import { denseNetworkFromKeras, type StoredTensor } from "./keras-sequential.js";

export const tfjsModelFormat: ModelFormat = {
  name: "tfjs",
  title: "TensorFlow.js model.json",
  jsonShape: "a TensorFlow.js model.json (modelTopology)",
  detect: (probe) => isTfjsModelJson(probe.json()),
  read: (probe) => readTfjsModel(probe.path),
};

interface ManifestEntry {
  name?: unknown;
  shape?: unknown;
  dtype?: unknown;
  quantization?: unknown;
}

interface ManifestGroup {
  paths?: unknown;
  weights?: unknown;
}

/** True when parsed JSON looks like a tfjs layers model (has `modelTopology`). */
export function isTfjsModelJson(doc: unknown): boolean {
  return typeof doc === "object" && doc !== null && "modelTopology" in doc;
}

export function readTfjsModel(path: string): DenseNetwork {
  const text = readFileSync(path, "utf8");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new NnmotifsError(`not valid JSON (${(error as Error).message}).`, { file: path });
  }
  return parseTfjsModel(doc, path, (shard) => {
    const shardPath = join(dirname(path), shard);
    if (!existsSync(shardPath)) {
      throw new NnmotifsError(`weight shard "${shard}" named in weightsManifest is missing.`, {
        file: path,
      });
    }
    return readFileSync(shardPath);
  });
}

/**
 * Build the network from a parsed model.json; `readShard` returns a shard file's bytes (so tests
 * and in-memory callers need no files).
 */
export function parseTfjsModel(
  doc: unknown,
  file: string,
  readShard: (relativePath: string) => Uint8Array,
): DenseNetwork {
  const where = { file };
  if (!isTfjsModelJson(doc)) {
    throw new NnmotifsError("not a TensorFlow.js model: no modelTopology.", where);
  }
  const d = doc as { modelTopology: unknown; weightsManifest?: unknown; format?: unknown };
  if (d.format !== undefined && d.format !== "layers-model") {
    throw unsupported(
      `TensorFlow.js "${String(d.format)}" model. Only layers models are read.`,
      where,
    );
  }
  // Converted Keras models nest the config under model_config; tfjs-saved ones do not.
  const topology = d.modelTopology as { model_config?: unknown } | null;
  const modelConfig = topology?.model_config ?? topology;
  if (!Array.isArray(d.weightsManifest)) {
    throw unsupported("no weightsManifest (a topology-only model.json?).", where);
  }
  const tensors = new Map<string, StoredTensor>();
  for (const group of d.weightsManifest as ManifestGroup[]) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group.weights)) {
      throw new NnmotifsError("weightsManifest entries need `paths` and `weights` arrays.", where);
    }
    const shards = (group.paths as unknown[]).map((p) => readShard(String(p)));
    const total = shards.reduce((a, s) => a + s.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const s of shards) {
      bytes.set(s, at);
      at += s.length;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (const entry of group.weights as ManifestEntry[]) {
      const name = String(entry?.name);
      const shape = entry?.shape;
      if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
        throw new NnmotifsError(`weight "${name}" has no valid shape.`, where);
      }
      if (entry.quantization !== undefined) {
        throw unsupported(
          `weight "${name}" is quantized. Save the model without quantization.`,
          where,
        );
      }
      if (entry.dtype !== "float32") {
        throw unsupported(
          `weight "${name}" has dtype ${String(entry.dtype)}. Should be float32.`,
          where,
        );
      }
      const count = (shape as number[]).reduce((a, b) => a * b, 1);
      if (offset + 4 * count > bytes.length) {
        throw new NnmotifsError(
          `weight shards are too short: "${name}" needs bytes ${offset}..${offset + 4 * count} of ${bytes.length} (truncated shard?).`,
          where,
        );
      }
      const values = new Float64Array(count);
      for (let i = 0; i < count; i++) values[i] = view.getFloat32(offset + 4 * i, true);
      offset += 4 * count;
      tensors.set(name, { shape: shape as number[], values });
    }
  }
  return denseNetworkFromKeras(
    modelConfig,
    (layer) => {
      // tfjs names weights "<layer>/kernel"; converted models may prefix a scope ("model/<layer>/kernel").
      const find = (kind: string): StoredTensor | undefined => {
        for (const [name, t] of tensors) {
          if (name === `${layer}/${kind}` || name.endsWith(`/${layer}/${kind}`)) return t;
        }
        return undefined;
      };
      return { kernel: find("kernel"), bias: find("bias") };
    },
    file,
  );
}
