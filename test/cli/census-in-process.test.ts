/**
 * Where `nnmotifs census` counts (census-command.ts runsInProcess): on the main thread when the
 * cost model says workers would not finish sooner, never for a long job (Ctrl-C).
 */
import { describe, expect, it } from "vitest";
import { IN_PROCESS_SECONDS, runsInProcess } from "../../src/cli/census-command.js";

describe("runsInProcess", () => {
  it("uses workers when the model says they finish sooner, start-up included", () => {
    // The MNIST-sized graph, k = 4, 100 networks: 1.14 s on one thread, 0.78 s on two workers
    // (it ran in-process under the old 1 s threshold: 1.41 s against 0.99 s with workers).
    expect(runsInProcess({ single: 1.14, parallel: 0.78, workers: 2, networks: 100 })).toBe(false);
    // The anchor graph, k = 4, 100 networks: 0.26 s alone, 0.33 s with two workers' start-up.
    expect(runsInProcess({ single: 0.26, parallel: 0.33, workers: 2, networks: 100 })).toBe(true);
  });

  it("keeps the plain threshold for one thread and for the original alone", () => {
    const below = IN_PROCESS_SECONDS * 0.9;
    const above = IN_PROCESS_SECONDS * 1.1;
    expect(runsInProcess({ single: below, parallel: 9, workers: 1, networks: 100 })).toBe(true);
    expect(runsInProcess({ single: above, parallel: 9, workers: 1, networks: 100 })).toBe(false);
    expect(runsInProcess({ single: below, parallel: 0, workers: 2, networks: 0 })).toBe(true);
    expect(runsInProcess({ single: above, parallel: 9, workers: 2, networks: 0 })).toBe(false);
  });
});
