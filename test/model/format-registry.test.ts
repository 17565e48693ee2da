import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { NnmotifsError } from "../../src/core/errors.js";
import { MODEL_FORMATS } from "../../src/model/formats.js";
import { detectModelKind, loadNetwork } from "../../src/model/load-network.js";
import type { ModelFormat } from "../../src/model/model-format.js";
import { scratchDir } from "../scratch-dir.js";

const dir = scratchDir("nnmotifs-formats-");

/** A toy text format: "TOY" then one line per layer "nIn nOut w w w … | b b …". */
const toyFormat: ModelFormat = {
  name: "toy",
  title: "toy text model",
  detect: (probe) => new TextDecoder().decode(probe.bytes.subarray(0, 4)) === "TOY\n",
  read(probe) {
    const lines = new TextDecoder().decode(probe.bytes).trim().split("\n").slice(1);
    const layers = lines.map((line, k) => {
      const [head, biasText] = line.split("|");
      const [nIn, nOut, ...kernel] = head.trim().split(/\s+/).map(Number);
      return {
        name: `toy_${k + 1}`,
        nIn,
        nOut,
        kernel: Float64Array.from(kernel),
        bias: Float64Array.from(biasText.trim().split(/\s+/).map(Number)),
        activation: "linear" as const,
      };
    });
    return {
      layerSizes: [layers[0].nIn, ...layers.map((l) => l.nOut)],
      layers,
      source: probe.path,
    };
  },
};

describe("ModelFormatRegistry", () => {
  it("with(format) adds a toy format that loadNetwork then detects by content and reads", async () => {
    const path = join(dir, "net.weird-extension");
    writeFileSync(path, "TOY\n2 1 0.5 -0.25 | 0.125\n");
    const formats = MODEL_FORMATS.with(toyFormat);
    expect(formats.names).toEqual([...MODEL_FORMATS.names, "toy"]);
    expect(detectModelKind(Buffer.from("TOY\n"), formats)).toBe("toy");
    const net = await loadNetwork(path, {}, formats);
    expect(net.layerSizes).toEqual([2, 1]);
    expect(Array.from(net.layers[0].kernel)).toEqual([0.5, -0.25]);
    expect(Array.from(net.layers[0].bias)).toEqual([0.125]);
    // The default registry is unchanged: the toy file is not a model there.
    await expect(loadNetwork(path)).rejects.toThrow(/^unsupported: not a model file/);
    expect(MODEL_FORMATS.names).not.toContain("toy");
  });

  it("new ModelFormatRegistry refuses a format name given twice", () => {
    expect(() => MODEL_FORMATS.with(toyFormat).with(toyFormat)).toThrow(/"toy" given twice/);
  });

  it("load(path, {layers}) refuses --layers for a format that records its own layer order", async () => {
    const path = join(dir, "layers.toy");
    writeFileSync(path, "TOY\n1 1 1 | 0\n");
    const error = await loadNetwork(path, { layers: ["a"] }, MODEL_FORMATS.with(toyFormat)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NnmotifsError);
    expect((error as NnmotifsError).message).toMatch(/--layers does not apply to a toy text model/);
    expect((error as NnmotifsError).file).toBe(path);
  });
});
