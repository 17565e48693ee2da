/**
 * ONNX models of an MLP (`torch.onnx.export` of a stack of nn.Linear, tf2onnx/keras2onnx of Dense
 * layers), decoded with the ONNX protobuf definition published as the `onnx-proto` npm package
 * (loaded lazily, only when an .onnx file is read).
 *
 * The graph must be a chain from the model's one data input: each dense layer is a `Gemm` (PyTorch:
 * B = weight [out, in] with transB = 1) or a `MatMul` by an initialiser [in, out] optionally
 * followed by `Add` of a bias initialiser (tf2onnx), then optionally one activation (Relu, Sigmoid,
 * Tanh, Softmax). Flatten, Identity and Dropout pass through. Any other operator (Conv, attention,
 * BatchNormalization, a residual Add, …) is "unsupported: …" naming the node; so are weights that
 * are not float32 and tensors stored outside the file.
 */
import type { onnx as OnnxTypes } from "onnx-proto";
import { NnmotifsError, unsupported } from "../core/errors.js";
import type { ModelFormat, ModelProbe } from "./model-format.js";
import type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";

export const onnxFormat: ModelFormat = {
  name: "onnx",
  title: "ONNX",
  detect: (probe) => looksLikeOnnx(probe.bytes),
  read: (probe) => readOnnx(probe),
};

/** ModelProto field tags that may follow `ir_version` (fields 2–8, 14, 20, 25). */
const MODEL_PROTO_TAGS = new Set([0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72, 0xa2, 0xca]);

/**
 * Protobuf has no magic number; an ONNX ModelProto starts with field 1 (`ir_version`, tag 0x08)
 * as a small varint, then another ModelProto field. That is specific enough among model files.
 */
function looksLikeOnnx(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x08) return false;
  const version = bytes[1];
  return version >= 1 && version < 0x40 && MODEL_PROTO_TAGS.has(bytes[2]);
}

const ACTIVATION_OPS: Record<string, Activation> = {
  Relu: "relu",
  Sigmoid: "sigmoid",
  Tanh: "tanh",
  Softmax: "softmax",
};

const PASS_THROUGH_OPS = new Set(["Flatten", "Identity", "Dropout"]);

/** TensorProto.DataType.FLOAT */
const FLOAT = 1;
const DATA_TYPE_NAMES: Record<number, string> = {
  2: "uint8",
  3: "int8",
  5: "int16",
  6: "int32",
  7: "int64",
  10: "float16",
  11: "float64",
  16: "bfloat16",
};

type Long = { toNumber(): number };
const num = (x: number | Long | null | undefined): number =>
  x === null || x === undefined ? 0 : typeof x === "number" ? x : x.toNumber();

interface Tensor {
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

async function readOnnx(probe: ModelProbe): Promise<DenseNetwork> {
  const where = { file: probe.path };
  const { onnx } = (await import("onnx-proto")).default;
  let model: OnnxTypes.ModelProto;
  try {
    model = onnx.ModelProto.decode(probe.bytes);
  } catch (error) {
    throw new NnmotifsError(
      `cannot decode the ONNX file (truncated or corrupt?): ${(error as Error).message}.`,
      where,
    );
  }
  const graph = model.graph;
  if (graph === null || graph === undefined) {
    throw new NnmotifsError("the ONNX model has no graph.", where);
  }
  const rawInitialisers = new Map<string, OnnxTypes.ITensorProto>();
  for (const t of graph.initializer ?? []) rawInitialisers.set(t.name ?? "", t);
  const cache = new Map<string, Tensor>();
  const initialiser = (name: string): Tensor | undefined => {
    const raw = rawInitialisers.get(name);
    if (raw === undefined) return undefined;
    let t = cache.get(name);
    if (t === undefined) {
      t = floatTensor(raw, probe.path);
      cache.set(name, t);
    }
    return t;
  };
  // Constant nodes hold weights too in some exports; treat their value as an initialiser.
  for (const node of graph.node ?? []) {
    if (node.opType === "Constant" && node.output?.length === 1) {
      const value = node.attribute?.find((a) => a.name === "value")?.t;
      if (value) rawInitialisers.set(node.output[0], { ...value, name: node.output[0] });
    }
  }
  const dataInputs = (graph.input ?? [])
    .map((v) => v.name ?? "")
    .filter((name) => !rawInitialisers.has(name));
  if (dataInputs.length !== 1) {
    throw unsupported(
      `the ONNX graph has ${dataInputs.length} data inputs (${dataInputs.join(", ")}). An MLP has one.`,
      where,
    );
  }
  let current = dataInputs[0];
  const layers: DenseLayerWeights[] = [];
  const layerSizes: number[] = [];
  /** The layer whose bias an Add may still supply (right after a MatMul). */
  let awaitingBias = false;

  const nodeLabel = (node: OnnxTypes.INodeProto): string =>
    `node "${node.name || node.output?.[0] || "?"}"`;
  const pushLayer = (
    node: OnnxTypes.INodeProto,
    name: string,
    kernel: Tensor,
    transposed: boolean,
  ) => {
    if (kernel.shape.length !== 2) {
      throw unsupported(
        `${nodeLabel(node)} (${node.opType}) multiplies by a ${kernel.shape.length}-D tensor [${kernel.shape.join(", ")}]. Only 2-D weights of dense layers are read.`,
        where,
      );
    }
    const [rows, cols] = kernel.shape;
    const nIn = transposed ? cols : rows;
    const nOut = transposed ? rows : cols;
    const previous = layerSizes.at(-1);
    if (previous !== undefined && previous !== nIn) {
      throw new NnmotifsError(
        `${nodeLabel(node)} takes ${nIn} inputs but the layer before it has ${previous} outputs.`,
        where,
      );
    }
    if (previous === undefined) layerSizes.push(nIn);
    layerSizes.push(nOut);
    let values = kernel.values;
    if (transposed) {
      values = new Float64Array(nIn * nOut);
      for (let j = 0; j < nOut; j++) {
        for (let i = 0; i < nIn; i++) values[i * nOut + j] = kernel.values[j * nIn + i];
      }
    }
    layers.push({
      name,
      nIn,
      nOut,
      kernel: values,
      bias: new Float64Array(nOut),
      activation: "linear",
    });
  };
  const setBias = (node: OnnxTypes.INodeProto, bias: Tensor, scale: number) => {
    const layer = layers[layers.length - 1];
    const count = bias.values.length;
    const vectorLike = bias.shape.filter((d) => d !== 1).length <= 1;
    if (!vectorLike || (count !== layer.nOut && count !== 1)) {
      throw unsupported(
        `${nodeLabel(node)} (${node.opType}) adds a tensor of shape [${bias.shape.join(", ")}] to a layer of ${layer.nOut} units. Should be a bias of shape [${layer.nOut}].`,
        where,
      );
    }
    for (let j = 0; j < layer.nOut; j++) {
      (layer.bias as Float64Array)[j] = scale * bias.values[count === 1 ? 0 : j];
    }
  };

  for (const node of graph.node ?? []) {
    const op = node.opType ?? "";
    if (op === "Constant") continue;
    const inputs = node.input ?? [];
    const outputs = node.output ?? [];
    const dataIndex = inputs.indexOf(current);
    if (dataIndex < 0) {
      throw unsupported(
        `${nodeLabel(node)} (${op}) does not continue the chain from the model input. Only MLPs (one chain of layers) are read.`,
        where,
      );
    }
    const attr = (name: string) => node.attribute?.find((a) => a.name === name);
    if (op === "Gemm") {
      if (dataIndex !== 0 || num(attr("transA")?.i) !== 0) {
        throw unsupported(`${nodeLabel(node)} (Gemm) multiplies the weights from the left.`, where);
      }
      const weight = initialiser(inputs[1]);
      if (weight === undefined) {
        throw unsupported(
          `${nodeLabel(node)} (Gemm) multiplies by "${inputs[1]}", which is not a stored weight.`,
          where,
        );
      }
      const alpha = attr("alpha")?.f ?? 1;
      const beta = attr("beta")?.f ?? 1;
      const transB = num(attr("transB")?.i) !== 0;
      pushLayer(node, layerName(inputs[1], layers.length), scaled(weight, alpha), transB);
      if (inputs.length > 2 && inputs[2] !== "") {
        const bias = initialiser(inputs[2]);
        if (bias === undefined) {
          throw unsupported(
            `${nodeLabel(node)} (Gemm) adds "${inputs[2]}", which is not a stored bias.`,
            where,
          );
        }
        setBias(node, bias, beta);
      }
      awaitingBias = false;
    } else if (op === "MatMul") {
      const weight = dataIndex === 0 ? initialiser(inputs[1]) : undefined;
      if (weight === undefined) {
        throw unsupported(
          `${nodeLabel(node)} (MatMul) does not multiply the layer input by a stored weight on the right.`,
          where,
        );
      }
      pushLayer(node, layerName(inputs[1], layers.length), weight, false);
      awaitingBias = true;
    } else if (op === "Add" && awaitingBias) {
      const bias = initialiser(inputs[1 - dataIndex]);
      if (bias === undefined || inputs.length !== 2) {
        throw unsupported(
          `${nodeLabel(node)} (Add) does not add a stored bias (a residual connection?).`,
          where,
        );
      }
      setBias(node, bias, 1);
      awaitingBias = false;
    } else if (Object.hasOwn(ACTIVATION_OPS, op)) {
      const layer = layers.at(-1);
      if (layer === undefined || layer.activation !== "linear") {
        throw unsupported(`${nodeLabel(node)} (${op}) is not right after a dense layer.`, where);
      }
      layers[layers.length - 1] = { ...layer, activation: ACTIVATION_OPS[op] };
      awaitingBias = false;
    } else if (!PASS_THROUGH_OPS.has(op)) {
      throw unsupported(
        `${nodeLabel(node)} is ${op}. Only MLPs of Gemm or MatMul+Add layers (with Relu, Sigmoid, Tanh, Softmax) are read.`,
        where,
      );
    }
    if (outputs.length === 0) throw new NnmotifsError(`${nodeLabel(node)} has no output.`, where);
    current = outputs[0];
  }
  if (layers.length === 0) throw unsupported("the ONNX graph has no dense layers.", where);
  return { layerSizes, layers, source: probe.path };
}

/** "fc1.weight" → "fc1", "0.weight" → "0"; tf2onnx names like "dense/MatMul/ReadVariableOp:0" stay. */
function layerName(weightName: string, index: number): string {
  const name = weightName.replace(/\.weight$/, "");
  return name === "" ? `dense_${index + 1}` : name;
}

function scaled(t: Tensor, factor: number): Tensor {
  return factor === 1 ? t : { shape: t.shape, values: t.values.map((v) => v * factor) };
}

/** A float32 initialiser as float64 values, its byte count checked against its dims first. */
function floatTensor(t: OnnxTypes.ITensorProto, file: string): Tensor {
  const where = { file };
  const name = t.name ?? "?";
  if (num(t.dataLocation) === 1 || (t.externalData?.length ?? 0) > 0) {
    throw unsupported(
      `tensor "${name}" is stored in an external data file. Save the model with its weights inside (save_as_external_data=False).`,
      where,
    );
  }
  const dataType = t.dataType ?? 0;
  if (dataType !== FLOAT) {
    throw unsupported(
      `tensor "${name}" has dtype ${DATA_TYPE_NAMES[dataType] ?? `#${dataType}`}. Should be float32.`,
      where,
    );
  }
  const shape = (t.dims ?? []).map(num);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new NnmotifsError(`tensor "${name}" has invalid dims [${shape.join(", ")}].`, where);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const raw = t.rawData;
  if (raw !== null && raw !== undefined && raw.length > 0) {
    if (raw.length !== 4 * count) {
      throw new NnmotifsError(
        `tensor "${name}" of shape [${shape.join(", ")}] should have ${4 * count} bytes but has ${raw.length}.`,
        where,
      );
    }
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(4 * i, true);
    return { shape, values };
  }
  const data = t.floatData ?? [];
  if (data.length !== count) {
    throw new NnmotifsError(
      `tensor "${name}" of shape [${shape.join(", ")}] should have ${count} values but has ${data.length}.`,
      where,
    );
  }
  return { shape, values: Float64Array.from(data) };
}
