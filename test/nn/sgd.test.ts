import { describe, expect, it } from "vitest";
import { loadTf } from "../../src/nn/backend.js";
import { KerasSgd } from "../../src/nn/sgd.js";

describe("KerasSgd.apply(params, grads)", () => {
  it("follows Keras's Nesterov update v ← m·v − lr·g, p ← p + m·v − lr·g", async () => {
    const { tf } = await loadTf();
    const before = tf.memory().numTensors;
    const p = tf.tidy(() => tf.variable(tf.tensor1d([1, -2])));
    const g = tf.tensor1d([0.5, 0.5]);
    const sgd = new KerasSgd(tf, 0.1, 0.6, true);
    sgd.apply([p], [g]);
    expect(p.dataSync()[0]).toBeCloseTo(0.92, 6); // v = −0.05
    sgd.apply([p], [g]);
    expect(p.dataSync()[0]).toBeCloseTo(0.822, 6); // v = −0.08
    expect(p.dataSync()[1]).toBeCloseTo(-2.178, 6);
    sgd.dispose();
    tf.dispose([p, g]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("without Nesterov adds the velocity", async () => {
    const { tf } = await loadTf();
    const p = tf.variable(tf.scalar(1));
    const g = tf.scalar(0.5);
    const sgd = new KerasSgd(tf, 0.1, 0.6, false);
    sgd.apply([p], [g]);
    sgd.apply([p], [g]);
    expect(p.dataSync()[0]).toBeCloseTo(1 - 0.05 - 0.08, 6);
    sgd.dispose();
    tf.dispose([p, g]);
  });
});
