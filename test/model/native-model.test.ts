import { describe, expect, it } from "vitest";
import { formatNativeModel, parseNativeModel } from "../../src/model/native-model.js";
import { initialNetwork } from "../../src/nn/mlp.js";
import { NnmotifsError } from "../../src/core/errors.js";

describe("formatNativeModel(net, extra) / parseNativeModel(text, file)", () => {
  const net = initialNetwork([5, 4, 3], "glorot", 7);

  it("round-trips weights bit for bit, with training metadata", () => {
    const text = formatNativeModel(net, {
      epoch: 3,
      training: { seed: 7 },
      history: [{ epoch: 1, loss: 0.5 }],
    });
    expect(JSON.parse(text)).toMatchObject({
      format: "nnmotifs-model",
      version: 1,
      layerSizes: [5, 4, 3],
    });
    const back = parseNativeModel(text, "m.json");
    expect(back.layerSizes).toEqual([5, 4, 3]);
    back.layers.forEach((l, k) => {
      expect(l.kernel).toEqual(net.layers[k].kernel);
      expect(l.bias).toEqual(net.layers[k].bias);
      expect(l.activation).toBe(net.layers[k].activation);
    });
    expect(back.epoch).toBe(3);
    expect(back.training).toEqual({ seed: 7 });
    expect(back.history).toEqual([{ epoch: 1, loss: 0.5 }]);
  });

  it("rejects malformed files with NnmotifsError naming the file", () => {
    const good = JSON.parse(formatNativeModel(net)) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>) => JSON.stringify({ ...good, ...patch });
    const cases: Array<[string, RegExp]> = [
      ["{", /not a JSON file/],
      [bad({ format: "keras" }), /`format` should be "nnmotifs-model"/],
      [bad({ version: 2 }), /unsupported `version` 2/],
      [bad({ layerSizes: [5] }), /layerSizes/],
      [bad({ layers: [] }), /should be an array of 2 layers/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseNativeModel(text, "bad.json")).toThrow(message);
      try {
        parseNativeModel(text, "bad.json");
      } catch (error) {
        expect(error).toBeInstanceOf(NnmotifsError);
        expect((error as NnmotifsError).file).toBe("bad.json");
      }
    }
    const layers = good.layers as Array<Record<string, unknown>>;
    const shortKernel = bad({ layers: [{ ...layers[0], kernel: [1, 2] }, layers[1]] });
    expect(() => parseNativeModel(shortKernel, "k.json")).toThrow(
      /layer 0: `kernel` should be 20 numbers/,
    );
    const nanBias = bad({ layers: [layers[0], { ...layers[1], bias: [0, "x", 0] }] });
    expect(() => parseNativeModel(nanBias, "k.json")).toThrow(/`bias`\[1\] is not a finite number/);
    const act = bad({ layers: [{ ...layers[0], activation: "gelu" }, layers[1]] });
    expect(() => parseNativeModel(act, "k.json")).toThrow(/activation/);
  });
});
