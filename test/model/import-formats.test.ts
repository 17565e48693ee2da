/**
 * PyTorch safetensors, ONNX and Keras 3 .keras import, on fixtures made by make-fixtures.py from
 * one 5-4-3 MLP (see that script for which tool wrote which file).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NnmotifsError } from "../../src/core/errors.js";
import { binGroup } from "../../src/graph/binning.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { formatGraphJson } from "../../src/graph/graph-json.js";
import { MODEL_AND_GRAPH_FORMATS } from "../../src/graph/graph-model-format.js";
import { modelProbe } from "../../src/model/format-registry.js";
import { detectModelKind, loadNetwork } from "../../src/model/load-network.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { naturalCompare } from "../../src/model/safetensors.js";
import { writeKerasH5 } from "./keras-h5-fixture.js";
import { scratchDir } from "../scratch-dir.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const fixture = (name: string): string => join(FIXTURES, name);
const dir = scratchDir("nnmotifs-import-");

interface ExpectedLayer {
  name: string;
  activation: string;
  kernel: number[][];
  bias: number[];
}
const expected = JSON.parse(readFileSync(fixture("mlp.expected.json"), "utf8")) as {
  layerSizes: number[];
  layers: ExpectedLayer[];
};

/** The graph of a network, without its source path: what must be equal across formats. */
const graphOf = (net: DenseNetwork): string =>
  formatGraphJson(networkToDigraph({ ...net, source: undefined }));

async function errorOf(path: string, layers?: string[]): Promise<NnmotifsError> {
  try {
    await loadNetwork(path, { layers });
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error(`expected an NnmotifsError for ${path}`);
}

const MLP_FILES: Array<[string, string]> = [
  ["mlp.safetensors", "safetensors"],
  ["mlp.onnx", "onnx"],
  ["mlp-matmul.onnx", "onnx"],
  ["mlp.keras", "keras3"],
  ["mlp.h5", "keras-h5"],
];

describe("loadNetwork(path) of one MLP saved by torch, onnx and h5py", () => {
  it.each(MLP_FILES)("%s is detected by content as %s, whatever its file name", (name, kind) => {
    expect(detectModelKind(readFileSync(fixture(name)))).toBe(kind);
    const renamed = join(dir, `${name.replace(/\W/g, "_")}-no-extension`);
    copyFileSync(fixture(name), renamed);
    expect(detectModelKind(readFileSync(renamed))).toBe(kind);
  });

  it("exactly one registered format claims each fixture (detection is unambiguous)", () => {
    const names = readdirSync(FIXTURES).filter((n) => !n.endsWith(".py"));
    for (const name of names) {
      const probe = modelProbe(fixture(name), readFileSync(fixture(name)));
      const claims = MODEL_AND_GRAPH_FORMATS.formats
        .filter((f) => f.detect(probe))
        .map((f) => f.name);
      expect({ name, claims: claims.length }).toEqual({
        name,
        claims: name.endsWith(".json") ? 0 : 1,
      });
    }
  });

  it.each(MLP_FILES)(
    "%s gives the expected 5-4-3 weights (PyTorch [out, in] transposed)",
    async (name) => {
      const net = await loadNetwork(fixture(name));
      expect(net.layerSizes).toEqual(expected.layerSizes);
      net.layers.forEach((layer, k) => {
        expect(Array.from(layer.kernel)).toEqual(expected.layers[k].kernel.flat());
        expect(Array.from(layer.bias)).toEqual(expected.layers[k].bias);
      });
    },
  );

  it("safetensors, ONNX (Gemm and MatMul+Add) and .keras yield identical graphs, equal to the Keras .h5's (round trip)", async () => {
    // The same weights saved as Keras .h5 twice: by h5py in the fixture script and by h5wasm here.
    const h5 = join(dir, "expected.h5");
    await writeKerasH5(
      h5,
      expected.layers.map((l, k) => ({
        name: `dense_${k + 1}`,
        activation: l.activation,
        units: l.bias.length,
        kernel: {
          shape: [l.kernel.length, l.bias.length] as [number, number],
          values: Float32Array.from(l.kernel.flat()),
        },
        bias: Float32Array.from(l.bias),
      })),
    );
    const reference = await loadNetwork(h5);
    const nets = await Promise.all(MLP_FILES.map(([name]) => loadNetwork(fixture(name))));
    for (const net of nets) expect(graphOf(net)).toBe(graphOf(reference));
    // And binned together, every model gets the same coloured graph.
    const binned = binGroup([reference, ...nets], "paper", { cutoff: 0.55 });
    for (const g of binned.graphs.slice(1)) {
      expect(Array.from(g.edgeColour)).toEqual(Array.from(binned.graphs[0].edgeColour));
      expect(Array.from(g.edgeSrc)).toEqual(Array.from(binned.graphs[0].edgeSrc));
    }
  });

  it("ONNX and .keras keep the activations; safetensors (a state dict) reads them as linear", async () => {
    for (const name of ["mlp.onnx", "mlp-matmul.onnx", "mlp.keras"]) {
      const net = await loadNetwork(fixture(name));
      expect(net.layers.map((l) => l.activation)).toEqual(["relu", "softmax"]);
    }
    const state = await loadNetwork(fixture("mlp.safetensors"));
    expect(state.layers.map((l) => [l.name, l.activation])).toEqual([
      ["0", "linear"],
      ["2", "linear"],
    ]);
  });
});

/** A safetensors file of `net` as PyTorch would store it (weight [out, in]), written by hand. */
function safetensorsOf(net: DenseNetwork, names: string[]): Buffer {
  const header: Record<string, unknown> = {};
  const blobs: Buffer[] = [];
  let offset = 0;
  net.layers.forEach((layer, k) => {
    const weight = new Float32Array(layer.nIn * layer.nOut);
    for (let i = 0; i < layer.nIn; i++) {
      for (let j = 0; j < layer.nOut; j++)
        weight[j * layer.nIn + i] = layer.kernel[i * layer.nOut + j];
    }
    for (const [suffix, values, shape] of [
      ["weight", weight, [layer.nOut, layer.nIn]],
      ["bias", Float32Array.from(layer.bias), [layer.nOut]],
    ] as const) {
      const bytes = Buffer.from(values.buffer);
      header[`${names[k]}.${suffix}`] = {
        dtype: "F32",
        shape,
        data_offsets: [offset, offset + bytes.length],
      };
      blobs.push(bytes);
      offset += bytes.length;
    }
  });
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...blobs]);
}

describe("safetensors round trip (property)", () => {
  it("any stack of Linear layers fc1…fc11 saved as a state dict reads back in natural order as the Keras-layout network", async () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 12 });
    const float = fc.float({ noNaN: true, noDefaultInfinity: true, min: -4, max: 4 });
    await fc.assert(
      fc.asyncProperty(sizes, fc.infiniteStream(float), async (layerSizes, stream) => {
        const it = stream[Symbol.iterator]();
        const take = (n: number) =>
          Float64Array.from({ length: n }, () => Math.fround(it.next().value as number));
        const net: DenseNetwork = {
          layerSizes,
          layers: layerSizes.slice(1).map((nOut, k) => ({
            name: `fc${k + 1}`,
            nIn: layerSizes[k],
            nOut,
            kernel: take(layerSizes[k] * nOut),
            bias: take(nOut),
            activation: "linear" as const,
          })),
        };
        const path = join(dir, "property.safetensors");
        writeFileSync(
          path,
          safetensorsOf(
            net,
            net.layers.map((l) => l.name),
          ),
        );
        const read = await loadNetwork(path);
        expect(read.layerSizes).toEqual(layerSizes);
        read.layers.forEach((layer, k) => {
          expect(layer.name).toBe(`fc${k + 1}`);
          expect(Array.from(layer.kernel)).toEqual(Array.from(net.layers[k].kernel));
          expect(Array.from(layer.bias)).toEqual(Array.from(net.layers[k].bias));
        });
      }),
      { numRuns: 50 },
    );
  });
});

describe("safetensors layer order", () => {
  it("naturalCompare sorts digit runs as numbers: 0, 2, 10 and fc1, fc2, fc10", () => {
    expect(["10", "2", "0"].sort(naturalCompare)).toEqual(["0", "2", "10"]);
    expect(["fc10", "fc2", "fc1", "out"].sort(naturalCompare)).toEqual([
      "fc1",
      "fc2",
      "fc10",
      "out",
    ]);
    expect(["net.10", "net.2", "net.0"].sort(naturalCompare)).toEqual(["net.0", "net.2", "net.10"]);
  });

  it("naturalCompare orders `<prefix><n>` by n for any n (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.nat(100_000),
        fc.constantFrom("", "fc", "layers."),
        (a, b, p) => {
          expect(Math.sign(naturalCompare(`${p}${a}`, `${p}${b}`))).toBe(Math.sign(a - b));
        },
      ),
    );
  });

  it("a state dict whose names sort wrongly fails with a hint, and loads with --layers", async () => {
    const path = fixture("named.safetensors");
    const error = await errorOf(path);
    expect(error.message).toBe(
      `layer "input_layer" takes 5 inputs but the layer before it ("classifier") has 3 outputs. Give the layer order with --layers (the file's layers: classifier, input_layer).`,
    );
    expect(error.file).toBe(path);
    const net = await loadNetwork(path, { layers: ["input_layer", "classifier"] });
    expect(graphOf(net)).toBe(graphOf(await loadNetwork(fixture("mlp.h5"))));
  });

  it("--layers must name every layer of the file once, and only applies to safetensors", async () => {
    const path = fixture("named.safetensors");
    expect((await errorOf(path, ["input_layer", "head"])).message).toMatch(
      /^--layers names "head", not in the file\. Its layers: classifier, input_layer\.$/,
    );
    expect((await errorOf(path, ["input_layer"])).message).toMatch(
      /should name each layer of the file once/,
    );
    expect((await errorOf(fixture("mlp.h5"), ["dense_1"])).message).toMatch(
      /^--layers does not apply to a Keras \.h5 file/,
    );
  });
});

describe("loadNetwork(path) refuses malformed and unsupported models in one line naming the file", () => {
  const oneLine = (e: NnmotifsError, path: string): void => {
    expect(e.file).toBe(path);
    expect(e.message).not.toMatch(/\n/);
    expect(e.exitCode).toBe(2);
  };

  it.each([
    [
      "mlp.safetensors",
      /^truncated safetensors file: tensor "[^"]+" needs data bytes \d+\.\.\d+ but only \d+ follow the header\.$/,
    ],
    ["mlp.onnx", /^cannot decode the ONNX file \(truncated or corrupt\?\)/],
    ["mlp.keras", /^cannot read the \.keras zip \(truncated or corrupt\?\)/],
  ])("truncated %s", async (name, message) => {
    const bytes = readFileSync(fixture(name));
    const path = join(dir, `truncated-${name}`);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const error = await errorOf(path);
    expect(error.message).toMatch(message);
    oneLine(error, path);
  });

  it("a safetensors header longer than the file", async () => {
    const path = join(dir, "short-header.safetensors");
    const header = Buffer.from('{"a.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[0,4]}}');
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length + 1000));
    writeFileSync(path, Buffer.concat([length, header]));
    const error = await errorOf(path);
    expect(error.message).toMatch(
      /^truncated safetensors file: the header says \d+ bytes but the file has \d+/,
    );
    oneLine(error, path);
  });

  it("a safetensors tensor whose byte range does not match its shape", async () => {
    const path = join(dir, "bad-range.safetensors");
    const header = Buffer.from('{"a.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,8]}}');
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length));
    writeFileSync(path, Buffer.concat([length, header, Buffer.alloc(8)]));
    expect((await errorOf(path)).message).toMatch(
      /should take 16 bytes but its data_offsets \[0, 8\] span 8/,
    );
  });

  it.each([
    [
      "mlp-f16.safetensors",
      'unsupported: tensor "0.weight" has dtype F16. Should be F32 (float32).',
    ],
    ["mlp-f64.onnx", 'unsupported: tensor "0.weight" has dtype float64. Should be float32.'],
    [
      "mlp-f16.keras",
      'unsupported: weight "dense/kernel (layers/dense/vars/0)" has type float16. Should be float32 or float64.',
    ],
  ])("wrong dtype: %s", async (name, message) => {
    const error = await errorOf(fixture(name));
    expect(error.message).toBe(message);
    oneLine(error, fixture(name));
  });

  it.each([
    [
      "conv.safetensors",
      'unsupported: layer "0" has a 4-D weight [2, 1, 3, 3] (a convolution?). Only nn.Linear layers (2-D weights) are read.',
    ],
    [
      "conv.onnx",
      'unsupported: node "/0/Conv" is Conv. Only MLPs of Gemm or MatMul+Add layers (with Relu, Sigmoid, Tanh, Softmax) are read.',
    ],
    [
      "conv.keras",
      'unsupported: layer "conv2d" is Conv2D. Only Dense layers (and InputLayer, Dropout) are read.',
    ],
  ])("a convolution: %s", async (name, message) => {
    const error = await errorOf(fixture(name));
    expect(error.message).toBe(message);
    oneLine(error, fixture(name));
  });

  it("a safetensors tensor that is not a Linear weight or bias (e.g. BatchNorm statistics)", async () => {
    const path = join(dir, "bn.safetensors");
    const header = Buffer.from(
      '{"bn.running_mean":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}',
    );
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length));
    writeFileSync(path, Buffer.concat([length, header, Buffer.alloc(4)]));
    expect((await errorOf(path)).message).toBe(
      'unsupported: tensor "bn.running_mean" is not a layer weight or bias. Only stacks of nn.Linear layers are read.',
    );
  });
});
