import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseTfjsModel, readTfjsModel } from "../../src/model/tfjs-model.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { scratchDir } from "../scratch-dir.js";

const dir = scratchDir("nnmotifs-tfjs-");

/** A model.json + weights.bin pair by hand: Dense 3→2 (relu), 2→1 (linear). */
function handMade(overrides: { layers?: object[]; weights?: object[]; bin?: Uint8Array } = {}): {
  doc: Record<string, unknown>;
  bin: Uint8Array;
} {
  const k1 = [0.5, -1, 0.25, 2, -0.125, 3];
  const b1 = [0.1, -0.2];
  const k2 = [1.5, -2.5];
  const b2 = [0.75];
  const values = Float32Array.from([...k1, ...b1, ...k2, ...b2]);
  const doc = {
    modelTopology: {
      class_name: "Sequential",
      config: {
        name: "sequential_1",
        layers: overrides.layers ?? [
          {
            class_name: "Dense",
            config: {
              name: "dense_Dense1",
              units: 2,
              activation: "relu",
              use_bias: true,
              batch_input_shape: [null, 3],
            },
          },
          {
            class_name: "Dense",
            config: { name: "dense_Dense2", units: 1, activation: "linear", use_bias: true },
          },
        ],
      },
      keras_version: "tfjs-layers 4.22.0",
      backend: "tensor_flow.js",
    },
    format: "layers-model",
    weightsManifest: [
      {
        paths: ["weights.bin"],
        weights: overrides.weights ?? [
          { name: "dense_Dense1/kernel", shape: [3, 2], dtype: "float32" },
          { name: "dense_Dense1/bias", shape: [2], dtype: "float32" },
          { name: "dense_Dense2/kernel", shape: [2, 1], dtype: "float32" },
          { name: "dense_Dense2/bias", shape: [1], dtype: "float32" },
        ],
      },
    ],
  };
  return { doc, bin: overrides.bin ?? new Uint8Array(values.buffer) };
}

function errorOf(run: () => unknown): NnmotifsError {
  try {
    run();
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

describe("parseTfjsModel(doc, file, readShard)", () => {
  it("reads Dense kernels and biases from float32 little-endian shards", () => {
    const { doc, bin } = handMade();
    const net = parseTfjsModel(doc, "model.json", () => bin);
    expect(net.layerSizes).toEqual([3, 2, 1]);
    expect(Array.from(net.layers[0].kernel)).toEqual([0.5, -1, 0.25, 2, -0.125, 3]);
    expect(Array.from(net.layers[0].bias)).toEqual([Math.fround(0.1), Math.fround(-0.2)]);
    expect(Array.from(net.layers[1].kernel)).toEqual([1.5, -2.5]);
    expect(net.layers.map((l) => l.activation)).toEqual(["relu", "linear"]);
  });

  it("concatenates shards in manifest order", () => {
    const { doc, bin } = handMade();
    const manifest = (doc.weightsManifest as { paths: string[] }[])[0];
    manifest.paths = ["group1-shard1of2.bin", "group1-shard2of2.bin"];
    const shards: Record<string, Uint8Array> = {
      "group1-shard1of2.bin": bin.subarray(0, 10),
      "group1-shard2of2.bin": bin.subarray(10),
    };
    const net = parseTfjsModel(doc, "model.json", (p) => shards[p]);
    expect(Array.from(net.layers[1].kernel)).toEqual([1.5, -2.5]);
  });

  it.each([
    [
      "a Conv2D layer",
      { layers: [{ class_name: "Conv2D", config: { name: "conv" } }] },
      /unsupported: layer "conv" is Conv2D/,
    ],
    [
      "a quantized weight",
      {
        weights: [
          {
            name: "dense_Dense1/kernel",
            shape: [3, 2],
            dtype: "float32",
            quantization: { dtype: "uint8" },
          },
        ],
      },
      /unsupported: weight "dense_Dense1\/kernel" is quantized/,
    ],
    [
      "an int32 weight",
      { weights: [{ name: "dense_Dense1/kernel", shape: [3, 2], dtype: "int32" }] },
      /unsupported: weight "dense_Dense1\/kernel" has dtype int32/,
    ],
    [
      "a missing kernel",
      { weights: [{ name: "other/kernel", shape: [3, 2], dtype: "float32" }] },
      /unsupported: layer "dense_Dense1" has no stored kernel/,
    ],
    ["a truncated shard", { bin: new Uint8Array(20) }, /weight shards are too short/],
  ])("rejects %s, naming the file", (_what, overrides, message) => {
    const { doc, bin } = handMade(overrides);
    const error = errorOf(() => parseTfjsModel(doc, "m/model.json", () => bin));
    expect(error.file).toBe("m/model.json");
    expect(error.message).toMatch(message);
  });

  it("rejects graph-models and functional models as unsupported", () => {
    const { doc, bin } = handMade();
    expect(
      errorOf(() => parseTfjsModel({ ...doc, format: "graph-model" }, "g.json", () => bin)).message,
    ).toMatch(/unsupported: TensorFlow.js "graph-model" model/);
    const functional = { ...doc, modelTopology: { class_name: "Model", config: { layers: [] } } };
    expect(errorOf(() => parseTfjsModel(functional, "f.json", () => bin)).message).toMatch(
      /unsupported: Model model/,
    );
  });
});

describe("readTfjsModel(path)", () => {
  it("reads a model saved by TensorFlow.js itself, weights bit for bit", async () => {
    const tf = await import("@tensorflow/tfjs");
    await tf.setBackend("cpu");
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, activation: "relu", inputShape: [5] }),
        tf.layers.dense({ units: 3, activation: "softmax" }),
      ],
    });
    const folder = join(dir, "saved");
    mkdirSync(folder, { recursive: true });
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        // What tfjs-node's file:// handler writes.
        const data = artifacts.weightData as ArrayBuffer;
        writeFileSync(join(folder, "weights.bin"), new Uint8Array(data));
        writeFileSync(
          join(folder, "model.json"),
          JSON.stringify({
            modelTopology: artifacts.modelTopology,
            format: artifacts.format,
            generatedBy: artifacts.generatedBy,
            convertedBy: artifacts.convertedBy,
            weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
          }),
        );
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
      }),
    );
    const net = readTfjsModel(join(folder, "model.json"));
    expect(net.layerSizes).toEqual([5, 4, 3]);
    expect(net.layers.map((l) => l.activation)).toEqual(["relu", "softmax"]);
    const expected = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(Array.from(net.layers[0].kernel)).toEqual(expected[0]);
    expect(Array.from(net.layers[0].bias)).toEqual(expected[1]);
    expect(Array.from(net.layers[1].kernel)).toEqual(expected[2]);
    model.dispose();
  });

  it("names a missing shard file", () => {
    const folder = join(dir, "noshard");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "model.json"), JSON.stringify(handMade().doc));
    const error = errorOf(() => readTfjsModel(join(folder, "model.json")));
    expect(error.message).toMatch(/weight shard "weights.bin" named in weightsManifest is missing/);
    expect(error.file).toBe(join(folder, "model.json"));
  });
});
