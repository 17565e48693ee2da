/**
 * Where `nnmotifs census` counts (stats/census-cost.ts censusPlacement): on the main thread when
 * workers would not pay, beside workers when the networks are short, on workers otherwise; never
 * a long job on the main thread alone (Ctrl-C).
 */
import { describe, expect, it } from "vitest";
import {
  IN_PROCESS_SECONDS,
  SHARED_MIN_SECONDS,
  SHARED_NETWORK_SECONDS,
  censusPlacement,
} from "../../src/stats/census-cost.js";

describe("censusPlacement", () => {
  it("shares the networks with the main thread when they are short and work enough", () => {
    // The MNIST-sized graph, k = 4 uncoloured, 100 networks (estimates of the cost model).
    const mnist = { original: 0.008, perNetwork: 0.0078, single: 0.79, parallel: 0.6 };
    expect(censusPlacement({ ...mnist, workers: 2, networks: 100 })).toBe("shared");
    // The anchor graph, k = 4 coloured: 0.21 s of networks do not pay for a worker.
    const anchor = { original: 0.0056, perNetwork: 0.0021, single: 0.21, parallel: 0.31 };
    expect(censusPlacement({ ...anchor, workers: 2, networks: 100 })).toBe("in-process");
    const edge = SHARED_MIN_SECONDS / 100;
    const at = { original: 0.01, single: 9, parallel: 9, workers: 2, networks: 100 };
    expect(censusPlacement({ ...at, perNetwork: edge * 1.01 })).toBe("shared");
    expect(censusPlacement({ ...at, perNetwork: edge * 0.99 })).toBe("in-process");
  });

  it("keeps long networks or a long original on workers (Ctrl-C between networks)", () => {
    const job = { single: 60, parallel: 31, workers: 2, networks: 100 };
    const long = SHARED_NETWORK_SECONDS * 1.1;
    expect(censusPlacement({ ...job, original: 0.1, perNetwork: long })).toBe("workers");
    expect(censusPlacement({ ...job, original: IN_PROCESS_SECONDS, perNetwork: 0.1 })).toBe(
      "workers",
    );
    // Workers that would not finish sooner (their start-up included): in-process.
    const slow = { original: 1.5, perNetwork: 0.3, single: 2.1, parallel: 2.2 };
    expect(censusPlacement({ ...slow, workers: 2, networks: 2 })).toBe("in-process");
  });

  it("keeps the plain threshold for one thread and for the original alone", () => {
    const below = IN_PROCESS_SECONDS * 0.9;
    const above = IN_PROCESS_SECONDS * 1.1;
    const job = { original: 0.01, perNetwork: 0.001, parallel: 9 };
    expect(censusPlacement({ ...job, single: below, workers: 1, networks: 100 })).toBe(
      "in-process",
    );
    expect(censusPlacement({ ...job, single: above, workers: 1, networks: 100 })).toBe("workers");
    expect(censusPlacement({ ...job, single: below, workers: 2, networks: 0 })).toBe("in-process");
    expect(censusPlacement({ ...job, single: above, workers: 2, networks: 0 })).toBe("workers");
  });
});
