/**
 * Real data (SPEC §2.3): Debian's dataset-fashion-mnist puts MNIST-format files in
 * /usr/share/datasets/fashion-mnist (.ci/run installs it). Skipped, with a message, without them.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/index.js";
import { trainNetwork } from "../../src/nn/train.js";
import { binGroup } from "../../src/graph/binning.js";

const DIR = "/usr/share/datasets/fashion-mnist";
const HAVE = existsSync(DIR);
if (!HAVE)
  console.warn(
    `skipping the Fashion-MNIST test: ${DIR} is absent (apt-get install dataset-fashion-mnist)`,
  );

describe.skipIf(!HAVE)("trainNetwork(idx:fashion-mnist)", () => {
  it("trains a 784-50-50-20-10 network to ≥ 80 % test accuracy within one minute; its graph builds", async () => {
    const started = performance.now();
    const data = loadDataset(`idx:${DIR}`, { samples: 20000 });
    expect(data.nFeatures).toBe(784);
    expect(data.test?.y.length).toBe(3333);
    const r = await trainNetwork(data, {
      hidden: [50, 50, 20],
      init: "glorot",
      seed: 1,
      batchSize: 128,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fashion-mnist 784-50-50-20-10, 18000+2000 samples, 20 epochs, batch 128: test accuracy ` +
        `${r.test.accuracy.toFixed(3)} in ${seconds.toFixed(1)} s (${r.backend})`,
    );
    expect(r.test.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(seconds).toBeLessThan(60);
    const group = binGroup([r.initial, r.trained], "paper", { cutoff: 0.1 });
    expect(group.graphs[1].nodeCount).toBe(914);
    expect(group.graphs[1].edgeSrc.length).toBeGreaterThan(1000);
  });
});
