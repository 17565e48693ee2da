import { describe, expect, it } from "vitest";
import {
  binaryTreeDataset,
  independentClustersDataset,
  type Dataset,
} from "../../src/data/index.js";
import { loadTf } from "../../src/nn/backend.js";
import { buildMlp, initialNetwork } from "../../src/nn/mlp.js";
import {
  batchGradients,
  crossEntropy,
  trainNetwork,
  type BatchProgress,
  type TrainingResult,
} from "../../src/nn/train.js";
import { NnmotifsError } from "../../src/core/errors.js";
import type * as tfjs from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";

const tree = binaryTreeDataset(1);
const clusters = independentClustersDataset(1);
const INITS = ["normal", "orthogonal", "glorot"] as const;

function area(r: TrainingResult): number {
  return r.history.reduce((s, h) => s + h.loss, 0);
}

describe("trainNetwork(data, options) on the synthetic sets (31-30-30-4, 20 epochs)", () => {
  const results = new Map<string, TrainingResult>();
  const run = async (name: string, data: Dataset, init: (typeof INITS)[number]) => {
    const key = `${name}/${init}`;
    if (!results.has(key)) results.set(key, await trainNetwork(data, { init, seed: 1 }));
    return results.get(key)!;
  };

  for (const [name, data] of [
    ["tree", tree],
    ["clusters", clusters],
  ] as const) {
    for (const init of INITS) {
      it(`reaches test accuracy 1.0 on ${name} from ${init}`, async () => {
        const r = await run(name, data, init);
        expect(r.test.accuracy).toBe(1);
        expect(r.history).toHaveLength(20);
        expect(r.config.layerSizes).toEqual([31, 30, 30, 4]);
        expect(r.config.samples).toEqual({ train: 1260, validation: 140, test: 600 });
        expect(r.history[19].valAccuracy).toBe(1);
      });
    }

    it.skipIf(!HAVE_ANCHOR)(
      `matches the authors' Keras test loss on ${name} from normal (within 2×)`,
      async () => {
        const log = readFileSync(
          anchorFile(`${name === "tree" ? "tree" : "clus"}_train_log.txt`),
          "utf8",
        );
        const match = /Test loss and accuracy : ([\d.]+) ; ([\d.]+)/.exec(log);
        expect(match).not.toBeNull();
        const [kerasLoss, kerasAccuracy] = [Number(match![1]), Number(match![2])];
        const r = await run(name, data, "normal");
        expect(r.test.accuracy).toBe(kerasAccuracy);
        expect(r.test.loss / kerasLoss).toBeGreaterThan(0.5);
        expect(r.test.loss / kerasLoss).toBeLessThan(2);
      },
    );

    it(`learns slowest from normal on ${name}: larger area under the training-loss curve`, async () => {
      const normal = await run(name, data, "normal");
      const orthogonal = await run(name, data, "orthogonal");
      const glorot = await run(name, data, "glorot");
      expect(area(normal)).toBeGreaterThan(area(orthogonal));
      expect(area(normal)).toBeGreaterThan(area(glorot));
      expect(normal.history[0].accuracy).toBeLessThan(
        Math.min(orthogonal.history[0].accuracy, glorot.history[0].accuracy),
      );
      expect(orthogonal.history.map((h) => h.loss)).not.toEqual(glorot.history.map((h) => h.loss));
    });
  }
});

describe("trainNetwork(data, options) mechanics", () => {
  it("is reproducible: same seed ⇒ identical weights bit for bit; different seed ⇒ different", async () => {
    const a = await trainNetwork(tree, { seed: 5, epochs: 3, init: "glorot" });
    const b = await trainNetwork(tree, { seed: 5, epochs: 3, init: "glorot" });
    const c = await trainNetwork(tree, { seed: 6, epochs: 3, init: "glorot" });
    a.trained.layers.forEach((l, k) => {
      expect(b.trained.layers[k].kernel).toEqual(l.kernel);
      expect(b.trained.layers[k].bias).toEqual(l.bias);
      expect(c.trained.layers[k].kernel).not.toEqual(l.kernel);
    });
    expect(b.history).toEqual(a.history);
  });

  it("keeps snapshots at the requested epochs, 0 being the initial weights", async () => {
    const r = await trainNetwork(clusters, { seed: 2, epochs: 5, snapshots: [0, 1, 2, 5, 10] });
    expect(r.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2, 5]);
    const init = initialNetwork([31, 30, 30, 4], "normal", 2);
    expect(r.snapshots[0].network.layers[0].kernel).toEqual(
      Float64Array.from(Float32Array.from(init.layers[0].kernel)),
    );
    expect(r.initial.layers[1].bias).toEqual(r.snapshots[0].network.layers[1].bias);
    expect(r.snapshots[3].network.layers[2].kernel).toEqual(r.trained.layers[2].kernel);
    expect(r.snapshots[1].network.layers[0].kernel).not.toEqual(
      r.snapshots[2].network.layers[0].kernel,
    );
  });

  it("starts from given weights (`initial`)", async () => {
    const init = initialNetwork([31, 8, 4], "he", 3);
    const r = await trainNetwork(tree, { initial: init, epochs: 1, snapshots: [0] });
    expect(r.config.init).toBe("given");
    expect(r.snapshots[0].network.layers[0].kernel).toEqual(
      Float64Array.from(Float32Array.from(init.layers[0].kernel)),
    );
  });

  it("stops early with Keras semantics (no val_loss improvement by min_delta for `patience` epochs)", async () => {
    const r = await trainNetwork(tree, { seed: 1, epochs: 10, patience: 2, minDelta: 10 });
    // Epoch 1 improves on +∞; epochs 2 and 3 do not improve by 10 → stop after epoch 3.
    expect(r.epochsRun).toBe(3);
    expect(r.stoppedEarly).toBe(true);
    const full = await trainNetwork(tree, { seed: 1, epochs: 3, patience: 20 });
    expect(full.stoppedEarly).toBe(false);
  });

  it("does not leak tensors", async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    await trainNetwork(tree, { seed: 1, epochs: 2, validationFraction: 0.1 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("onBatchEnd reports each batch within the epoch and changes nothing in the result", async () => {
    const seen: BatchProgress[] = [];
    const epochLosses: number[] = [];
    const watched = await trainNetwork(tree, {
      seed: 5,
      epochs: 2,
      init: "glorot",
      onBatchEnd: (p) => seen.push(p),
      onEpochEnd: (r) => epochLosses.push(r.loss),
    });
    const plain = await trainNetwork(tree, { seed: 5, epochs: 2, init: "glorot" });
    watched.trained.layers.forEach((l, k) => {
      expect(plain.trained.layers[k].kernel).toEqual(l.kernel);
      expect(plain.trained.layers[k].bias).toEqual(l.bias);
    });
    expect(plain.history).toEqual(watched.history);
    // 1260 training samples in batches of 20: one call before training, 63 per epoch.
    expect(seen).toHaveLength(1 + 2 * 63);
    expect(seen[0]).toMatchObject({ epoch: 1, epochs: 2, samplesDone: 0, samples: 1260 });
    expect(seen[1]).toMatchObject({ epoch: 1, samplesDone: 20 });
    expect(seen[63]).toMatchObject({ epoch: 1, samplesDone: 1260 });
    expect(seen[64]).toMatchObject({ epoch: 2, samplesDone: 20 });
    expect(seen[63].loss).toBeCloseTo(epochLosses[0], 12);
    expect(seen[126].loss).toBeCloseTo(epochLosses[1], 12);
  });

  it("onBatchEnd may stop training mid-epoch by throwing, leaking no tensors", async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    await expect(
      trainNetwork(tree, {
        seed: 1,
        epochs: 2,
        onBatchEnd: (p) => {
          if (p.samplesDone === 100) throw new Error("cancelled");
        },
      }),
    ).rejects.toThrow("cancelled");
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects bad options with NnmotifsError", async () => {
    await expect(trainNetwork(tree, { epochs: -1 })).rejects.toThrow(NnmotifsError);
    await expect(trainNetwork(tree, { batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(trainNetwork(tree, { momentum: 1 })).rejects.toThrow(/momentum/);
    await expect(
      trainNetwork(tree, { initial: initialNetwork([30, 4], "normal", 1) }),
    ).rejects.toThrow(/31 features/);
  });

  it("runs 20 epochs of 31-30-30-4 on 1400 samples in ≤ 5 s (wasm), also on the cpu backend", async () => {
    const wasm = await trainNetwork(tree, { seed: 3, backend: "wasm" });
    expect(wasm.backend).toBe("wasm");
    expect(wasm.seconds).toBeLessThanOrEqual(5);
    const cpu = await trainNetwork(tree, { seed: 3, backend: "cpu" });
    expect(cpu.backend).toBe("cpu");
    expect(cpu.test.accuracy).toBe(1);
    console.log(
      `speed: wasm ${wasm.seconds.toFixed(2)} s, cpu ${cpu.seconds.toFixed(2)} s (20 epochs, 1260+140 samples)`,
    );
    await loadTf("auto");
  });
});

describe("batchGradients(tf, model, x, y)", () => {
  it("equals tfjs autodiff of Keras's cross-entropy", async () => {
    const { tf } = await loadTf();
    const model = buildMlp(tf, initialNetwork([6, 5, 4, 3], "glorot", 4));
    const x = tf.tensor2d(
      Float32Array.from({ length: 24 }, (_, i) => Math.sin(i)),
      [4, 6],
    );
    const y = tf.oneHot(tf.tensor1d([0, 2, 1, 2], "int32"), 3).toFloat() as tfjs.Tensor2D;
    const vars = model.layers.flatMap((l) => l.weights.map((w) => w.read() as tfjs.Variable));
    const auto = tf.variableGrads(() => crossEntropy(tf, model.apply(x) as tfjs.Tensor, y), vars);
    const manual = tf.tidy(() => {
      const { grads } = batchGradients(tf, model, x, y);
      return Object.fromEntries(
        Object.entries(grads).map(([k, v]) => [k, Array.from(v.dataSync())]),
      );
    });
    for (const v of vars) {
      const a = Array.from(auto.grads[v.name].dataSync());
      const m = manual[v.name];
      expect(m.length).toBe(a.length);
      a.forEach((g, i) => expect(m[i]).toBeCloseTo(g, 6));
    }
    tf.dispose([x, y, auto.value, ...Object.values(auto.grads)]);
    model.dispose();
  });
});
