import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { detectModelKind, loadNetwork } from "../../src/model/load-network.js";
import { formatNativeModel } from "../../src/model/native-model.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { formatGraphJson } from "../../src/graph/graph-json.js";
import { binGroup } from "../../src/graph/binning.js";
import { quietLogger, setLogger } from "../../src/core/log.js";
import { NnmotifsError } from "../../src/core/errors.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { MODEL_AND_GRAPH_FORMATS } from "../../src/graph/graph-model-format.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";
import { dense, writeKerasH5 } from "./keras-h5-fixture.js";
import { scratchDir } from "../scratch-dir.js";

const dir = scratchDir("nnmotifs-load-");

const small: DenseNetwork = {
  layerSizes: [3, 2, 1],
  layers: [
    {
      name: "a",
      nIn: 3,
      nOut: 2,
      kernel: Float64Array.from([0.1, -0.2, 0.3, -0.4, 0.5, -0.6]),
      bias: Float64Array.from([0.01, 0.02]),
      activation: "relu",
    },
    {
      name: "b",
      nIn: 2,
      nOut: 1,
      kernel: Float64Array.from([0.7, -0.8]),
      bias: Float64Array.from([0.03]),
      activation: "sigmoid",
    },
  ],
};

async function errorOf(path: string): Promise<NnmotifsError> {
  try {
    await loadNetwork(path, {}, MODEL_AND_GRAPH_FORMATS);
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

describe("loadNetwork(path)", () => {
  it.runIf(HAVE_ANCHOR)("reads a Keras .h5 by its HDF5 signature", async () => {
    const net = await loadNetwork(anchorFile("model_clus.h5"));
    expect(net.layerSizes).toEqual([31, 30, 30, 4]);
  });

  it("reads a Keras .h5 whatever its extension", async () => {
    const path = join(dir, "keras.weights");
    await writeKerasH5(path, [dense("d1", 4, 3), dense("d2", 3, 2, "softmax")]);
    expect(detectModelKind(readFileSync(path))).toBe("keras-h5");
    expect((await loadNetwork(path)).layerSizes).toEqual([4, 3, 2]);
  });

  it("reads a native model", async () => {
    const path = join(dir, "small.model.json");
    writeFileSync(path, formatNativeModel(small, { epoch: 3 }));
    const net = await loadNetwork(path);
    expect(net.layerSizes).toEqual([3, 2, 1]);
    expect(net.layers[1].kernel).toEqual(small.layers[1].kernel);
  });

  it("reads a tfjs model.json", async () => {
    const k = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const b = Float32Array.from([0.5, 0.25]);
    writeFileSync(
      join(dir, "weights.bin"),
      new Uint8Array([...new Uint8Array(k.buffer), ...new Uint8Array(b.buffer)]),
    );
    const doc = {
      modelTopology: {
        class_name: "Sequential",
        config: {
          layers: [{ class_name: "Dense", config: { name: "d", units: 2, activation: "linear" } }],
        },
      },
      weightsManifest: [
        {
          paths: ["weights.bin"],
          weights: [
            { name: "d/kernel", shape: [3, 2], dtype: "float32" },
            { name: "d/bias", shape: [2], dtype: "float32" },
          ],
        },
      ],
    };
    writeFileSync(join(dir, "model.json"), JSON.stringify(doc));
    const net = await loadNetwork(join(dir, "model.json"));
    expect(Array.from(net.layers[0].kernel)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rebuilds a network from a weighted native graph; binned graphs warn about removed edges", async () => {
    const full = join(dir, "full.graph.json");
    writeFileSync(full, formatGraphJson(networkToDigraph(small)));
    const net = await loadNetwork(full, {}, MODEL_AND_GRAPH_FORMATS);
    expect(net.layers[0].kernel).toEqual(small.layers[0].kernel);
    expect(net.layers[1].bias).toEqual(small.layers[1].bias);

    const binned = join(dir, "binned.graph.json");
    writeFileSync(
      binned,
      formatGraphJson(binGroup([small], "quantile", { quantile: 0.5 }).graphs[0]),
    );
    const warnings: string[] = [];
    const previous = setLogger({ ...quietLogger, warn: (m) => warnings.push(m) });
    try {
      const rebuilt = await loadNetwork(binned, {}, MODEL_AND_GRAPH_FORMATS);
      expect(Array.from(rebuilt.layers[0].kernel)).toEqual([0, 0, 0, -0.4, 0.5, -0.6]);
    } finally {
      setLogger(previous);
    }
    expect(warnings).toEqual([
      `${binned}: 4 kernel entries have no edge in the graph; read as weight 0.`,
    ]);
  });

  it("refuses a FANMOD edge list, other JSON and unweighted graphs, naming the file", async () => {
    const fanmod = join(dir, "g.txt");
    writeFileSync(fanmod, "0 1 1\n");
    expect((await errorOf(fanmod)).message).toMatch(/^unsupported: not a model file/);
    const other = join(dir, "other.json");
    writeFileSync(other, '{"hello": 1}');
    const e = await errorOf(other);
    expect(e.message).toMatch(/JSON that is not a model/);
    expect(e.file).toBe(other);
    const unweighted = join(dir, "unweighted.graph.json");
    writeFileSync(
      unweighted,
      formatGraphJson({ ...networkToDigraph(small), edgeWeight: undefined }),
    );
    expect((await errorOf(unweighted)).message).toMatch(
      /unsupported: a graph without edge weights/,
    );
  });
});
