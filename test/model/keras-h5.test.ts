import { describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readKerasH5, hasHdf5Signature } from "../../src/model/keras-h5.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";
import { dense, writeKerasH5 } from "./keras-h5-fixture.js";
import { scratchDir } from "../scratch-dir.js";

const dir = scratchDir("nnmotifs-h5-");

async function errorOf(path: string): Promise<NnmotifsError> {
  try {
    await readKerasH5(path);
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

describe("readKerasH5(path)", () => {
  it.runIf(HAVE_ANCHOR)(
    "reads the anchor's Keras 2.2.4 model (31-30-30-4, float32 kernels)",
    async () => {
      const net = await readKerasH5(anchorFile("model_tree.h5"));
      expect(net.layerSizes).toEqual([31, 30, 30, 4]);
      expect(net.layers.map((l) => [l.name, l.activation])).toEqual([
        ["dense_2", "relu"],
        ["dense_3", "relu"],
        ["dense_4", "softmax"],
      ]);
      expect(net.layers[0].kernel.length).toBe(930);
      expect(net.layers[2].bias.length).toBe(4);
      expect(net.layers.every((l) => l.kernel.every((w) => Math.fround(w) === w))).toBe(true);
      expect(net.source).toBe(anchorFile("model_tree.h5"));
    },
  );

  it("reads kernels row-major [nIn, nOut] and biases as written", async () => {
    const path = join(dir, "small.h5");
    const l1 = dense("dense_1", 3, 2);
    const l2 = dense("dense_2", 2, 1, "sigmoid", 2);
    await writeKerasH5(path, [l1, l2]);
    const net = await readKerasH5(path);
    expect(net.layerSizes).toEqual([3, 2, 1]);
    expect(Array.from(net.layers[0].kernel)).toEqual(Array.from(l1.kernel!.values));
    expect(Array.from(net.layers[0].bias)).toEqual(Array.from(l1.bias!));
    expect(net.layers[1].activation).toBe("sigmoid");
  });

  it.each([
    [
      "conv.h5",
      () =>
        writeKerasH5(join(dir, "conv.h5"), [{ ...dense("conv2d_1", 3, 2), className: "Conv2D" }]),
      /unsupported: layer "conv2d_1" is Conv2D/,
    ],
    [
      "functional.h5",
      () => writeKerasH5(join(dir, "functional.h5"), [dense("d", 3, 2)], { className: "Model" }),
      /unsupported: Model model/,
    ],
    [
      "nokernel.h5",
      () => writeKerasH5(join(dir, "nokernel.h5"), [{ name: "dense_1", units: 2 }]),
      /unsupported: layer "dense_1" has no stored kernel/,
    ],
    [
      "weights-only.h5",
      () => writeKerasH5(join(dir, "weights-only.h5"), [dense("d", 3, 2)], { modelConfig: false }),
      /unsupported: no model_config/,
    ],
    [
      "elu.h5",
      () => writeKerasH5(join(dir, "elu.h5"), [dense("d", 3, 2, "elu")]),
      /unsupported: layer "d" has activation "elu"/,
    ],
    [
      "mismatch.h5",
      () => writeKerasH5(join(dir, "mismatch.h5"), [dense("a", 3, 2), dense("b", 4, 1)]),
      /takes 4 inputs but the previous layer has 2/,
    ],
  ])("%s: names the file and says what is unsupported", async (name, write, message) => {
    await write();
    const error = await errorOf(join(dir, name));
    expect(error.file).toBe(join(dir, name));
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(2);
  });

  it.runIf(HAVE_ANCHOR)("gives a clear error for a truncated file, not a crash", async () => {
    const path = join(dir, "truncated.h5");
    writeFileSync(path, readFileSync(anchorFile("model_tree.h5")).subarray(0, 3000));
    const error = await errorOf(path);
    expect(error.message).toMatch(/^cannot read HDF5 file: truncated file/);
    // and the reader still works afterwards
    copyFileSync(anchorFile("model_init.h5"), join(dir, "init.h5"));
    expect((await readKerasH5(join(dir, "init.h5"))).layerSizes).toEqual([31, 30, 30, 4]);
  });

  it("rejects a file without the HDF5 signature", async () => {
    const path = join(dir, "text.h5");
    writeFileSync(path, "0 1 2\n");
    expect((await errorOf(path)).message).toMatch(/not an HDF5 file/);
  });
});

describe("hasHdf5Signature(bytes)", () => {
  it("finds the signature at offset 0 or 512", () => {
    const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
    const at0 = new Uint8Array(16);
    at0.set(sig);
    const at512 = new Uint8Array(1024);
    at512.set(sig, 512);
    expect(hasHdf5Signature(at0)).toBe(true);
    expect(hasHdf5Signature(at512)).toBe(true);
    expect(hasHdf5Signature(new Uint8Array(1024))).toBe(false);
  });
});
