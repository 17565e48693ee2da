import { describe, expect, it } from "vitest";
import { loadTf } from "../../src/nn/backend.js";
import { buildMlp, initialNetwork, readMlp } from "../../src/nn/mlp.js";
import { INITIALISER_NAMES } from "../../src/nn/initialisers.js";

describe("initialNetwork(layerSizes, init, seed)", () => {
  it("has Dense layers of the right shapes, ReLU hidden and softmax output", () => {
    const net = initialNetwork([31, 30, 30, 4], "orthogonal", 1);
    expect(net.layers.map((l) => [l.nIn, l.nOut, l.activation])).toEqual([
      [31, 30, "relu"],
      [30, 30, "relu"],
      [30, 4, "softmax"],
    ]);
    expect(net.layers[0].kernel.length).toBe(930);
  });

  it("shares biases across initialisers for one seed, so only the kernels differ", () => {
    const nets = INITIALISER_NAMES.map((init) => initialNetwork([5, 4, 3], init, 8));
    for (const net of nets.slice(1)) {
      expect(net.layers[0].bias).toEqual(nets[0].layers[0].bias);
      expect(net.layers[0].kernel).not.toEqual(nets[0].layers[0].kernel);
    }
  });

  it("rejects bad layer sizes", () => {
    expect(() => initialNetwork([5], "normal", 1)).toThrow(/invalid layer sizes/);
    expect(() => initialNetwork([5, 0, 2], "normal", 1)).toThrow(/invalid layer sizes/);
  });
});

describe("buildMlp(tf, net) / readMlp(model, template)", () => {
  it("loads the weights into a tfjs Sequential and reads them back (float32)", async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    const net = initialNetwork([6, 4, 3], "glorot", 2);
    const model = buildMlp(tf, net);
    const back = readMlp(model, net);
    back.layers.forEach((l, k) => {
      expect(l.kernel).toEqual(Float64Array.from(Float32Array.from(net.layers[k].kernel)));
      expect(l.bias).toEqual(Float64Array.from(Float32Array.from(net.layers[k].bias)));
    });
    const probs = tf.tidy(() =>
      Array.from((model.predict(tf.ones([2, 6])) as ReturnType<typeof tf.ones>).dataSync()),
    );
    expect(probs[0] + probs[1] + probs[2]).toBeCloseTo(1, 5);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
