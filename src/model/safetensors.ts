/**
 * PyTorch state dicts saved as safetensors (`safetensors.torch.save_file(model.state_dict(), …)`)
 * of a stack of `nn.Linear` layers.
 *
 * The file: an 8-byte little-endian header length N, N bytes of JSON
 * `{"<name>": {"dtype": "F32", "shape": [out, in], "data_offsets": [begin, end]}, "__metadata__": …}`,
 * then the tensor bytes (offsets relative to the end of the header). Every size is checked against
 * the file's length before anything is allocated.
 *
 * PyTorch stores a Linear `weight` as [out, in], the transpose of a Keras kernel [in, out]. A state
 * dict records no layer order: layers are the tensor-name prefixes (`0.weight` → `0`,
 * `fc1.weight` → `fc1`) in natural order (`fc2` before `fc10`), or the order given with `--layers`.
 * It records no activations either: every layer reads as "linear" (graphs do not use them).
 */
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { ModelFormat, ModelProbe, ModelReadOptions } from "./model-format.js";
import type { DenseLayerWeights, DenseNetwork } from "./network.js";

/** The safetensors library refuses headers above 100 MB; so does nnmotifs, before parsing. */
const MAX_HEADER_BYTES = 100_000_000;

export const safetensorsFormat: ModelFormat = {
  name: "safetensors",
  title: "PyTorch safetensors",
  options: ["layers"],
  detect: (probe) => headerLength(probe.bytes) !== undefined,
  read: (probe, options) => readSafetensors(probe, options),
};

/** N from the first 8 bytes when they are followed by a JSON object of that plausible length. */
function headerLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 10) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const n = view.getBigUint64(0, true);
  if (n < 2n || n > BigInt(MAX_HEADER_BYTES)) return undefined;
  return bytes[8] === 0x7b ? Number(n) : undefined;
}

interface TensorEntry {
  readonly name: string;
  readonly shape: readonly number[];
  /** Byte range inside the data section. */
  readonly begin: number;
  readonly end: number;
}

/** Natural order: digit runs compare as numbers, so "fc2" < "fc10" and "2" < "10". */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function readSafetensors(probe: ModelProbe, options: ModelReadOptions): DenseNetwork {
  const { bytes, path } = probe;
  const where = { file: path };
  const n = headerLength(bytes);
  if (n === undefined) throw new NnmotifsError("not a safetensors file.", where);
  if (8 + n > bytes.length) {
    throw new NnmotifsError(
      `truncated safetensors file: the header says ${n} bytes but the file has ${bytes.length - 8} after the length.`,
      where,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (error) {
    throw new NnmotifsError(
      `the safetensors header is not valid JSON (${(error as Error).message}).`,
      where,
    );
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new NnmotifsError("the safetensors header is not a JSON object.", where);
  }
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const tensors = new Map<string, TensorEntry>();
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") continue;
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    const shape = t?.shape;
    const offsets = t?.data_offsets;
    if (
      !Array.isArray(shape) ||
      !shape.every((d) => Number.isSafeInteger(d) && d >= 0) ||
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)
    ) {
      throw new NnmotifsError(`tensor "${name}" has no valid shape and data_offsets.`, where);
    }
    if (t?.dtype !== "F32") {
      throw unsupported(
        `tensor "${name}" has dtype ${String(t?.dtype)}. Should be F32 (float32).`,
        where,
      );
    }
    const [begin, end] = offsets as number[];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end < begin || end - begin !== 4 * count) {
      throw new NnmotifsError(
        `tensor "${name}" of shape [${shape.join(", ")}] should take ${4 * count} bytes but its data_offsets [${begin}, ${end}] span ${end - begin}.`,
        where,
      );
    }
    if (end > dataLength) {
      throw new NnmotifsError(
        `truncated safetensors file: tensor "${name}" needs data bytes ${begin}..${end} but only ${dataLength} follow the header.`,
        where,
      );
    }
    tensors.set(name, { name, shape: shape as number[], begin, end });
  }

  // Group into layers by prefix; anything but a Linear weight or bias is refused.
  const prefixes = new Set<string>();
  for (const t of tensors.values()) {
    const m = /^(.*)\.(weight|bias)$/.exec(t.name);
    if (m === null) {
      throw unsupported(
        `tensor "${t.name}" is not a layer weight or bias. Only stacks of nn.Linear layers are read.`,
        where,
      );
    }
    prefixes.add(m[1]);
  }
  for (const prefix of prefixes) {
    const weight = tensors.get(`${prefix}.weight`);
    if (weight === undefined) {
      throw unsupported(`layer "${prefix}" has a bias but no weight.`, where);
    }
    if (weight.shape.length !== 2) {
      throw unsupported(
        `layer "${prefix}" has a ${weight.shape.length}-D weight [${weight.shape.join(", ")}]${weight.shape.length > 2 ? " (a convolution?)" : ""}. Only nn.Linear layers (2-D weights) are read.`,
        where,
      );
    }
  }
  let order = [...prefixes].sort(naturalCompare);
  const given = options.layers !== undefined;
  if (options.layers !== undefined) {
    const unknown = options.layers.filter((name) => !prefixes.has(name));
    if (unknown.length > 0) {
      throw new NnmotifsError(
        `--layers names ${unknown.map((u) => `"${u}"`).join(", ")}, not in the file. Its layers: ${order.join(", ")}.`,
        where,
      );
    }
    const left = order.filter((name) => !options.layers?.includes(name));
    if (left.length > 0 || new Set(options.layers).size !== options.layers.length) {
      throw new NnmotifsError(
        `--layers should name each layer of the file once. Its layers: ${order.join(", ")}.`,
        where,
      );
    }
    order = [...options.layers];
  }
  if (order.length === 0) throw unsupported("the file has no layers (no tensors).", where);

  const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart, dataLength);
  const floats = (t: TensorEntry): Float64Array => {
    const out = new Float64Array((t.end - t.begin) / 4);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(t.begin + 4 * i, true);
    return out;
  };
  const layers: DenseLayerWeights[] = [];
  const layerSizes: number[] = [];
  for (const name of order) {
    const weight = tensors.get(`${name}.weight`) as TensorEntry;
    const [nOut, nIn] = weight.shape;
    const previous = layerSizes.at(-1);
    if (previous !== undefined && previous !== nIn) {
      const before = order[order.indexOf(name) - 1];
      throw new NnmotifsError(
        `layer "${name}" takes ${nIn} inputs but the layer before it ("${before}") has ${previous} outputs.` +
          (given
            ? ""
            : ` Give the layer order with --layers (the file's layers: ${order.join(", ")}).`),
        where,
      );
    }
    if (previous === undefined) layerSizes.push(nIn);
    layerSizes.push(nOut);
    // PyTorch [out, in] row-major → Keras kernel [in, out] row-major.
    const w = floats(weight);
    const kernel = new Float64Array(nIn * nOut);
    for (let j = 0; j < nOut; j++) {
      for (let i = 0; i < nIn; i++) kernel[i * nOut + j] = w[j * nIn + i];
    }
    const biasEntry = tensors.get(`${name}.bias`);
    if (biasEntry !== undefined && (biasEntry.shape.length !== 1 || biasEntry.shape[0] !== nOut)) {
      throw new NnmotifsError(
        `layer "${name}" bias has shape [${biasEntry.shape.join(", ")}]. Should be [${nOut}].`,
        where,
      );
    }
    const bias = biasEntry === undefined ? new Float64Array(nOut) : floats(biasEntry);
    layers.push({ name, nIn, nOut, kernel, bias, activation: "linear" });
  }
  return { layerSizes, layers, source: path };
}
