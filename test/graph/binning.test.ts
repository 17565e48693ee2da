import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  BINNING_SCHEMES,
  BINNING_SCHEME_NAMES,
  binGraphs,
  binGroup,
  isBinningScheme,
} from "../../src/graph/binning.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { readKerasH5 } from "../../src/model/keras-h5.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";

function net(kernels: number[][], layerSizes: number[]): DenseNetwork {
  return {
    layerSizes,
    layers: kernels.map((k, i) => ({
      name: `d${i}`,
      nIn: layerSizes[i],
      nOut: layerSizes[i + 1],
      kernel: Float64Array.from(k),
      bias: new Float64Array(layerSizes[i + 1]),
      activation: "relu" as const,
    })),
  };
}

const lines = (text: string): Set<string> => new Set(text.split(/\r?\n/).filter((l) => l !== ""));

describe("binGroup(nets, 'paper', { cutoff })", () => {
  it.runIf(HAVE_ANCHOR)(
    "reproduces the published init/tree/clus FANMOD files exactly as sets of lines (golden)",
    async () => {
      const names = ["init", "tree", "clus"];
      const nets = await Promise.all(names.map((n) => readKerasH5(anchorFile(`model_${n}.h5`))));
      const group = binGroup(nets, "paper", { cutoff: 0.55 });
      names.forEach((n, k) => {
        const ours = lines(formatFanmodEdgeList(group.graphs[k]));
        const published = lines(readFileSync(anchorFile(`${n}_w_Graph.txt`), "utf8"));
        expect(ours).toEqual(published);
      });
      expect(group.graphs.map((g) => g.edgeSrc.length)).toEqual([344, 550, 477]);
      expect(group.removedEdges).toEqual([1606, 1400, 1473]);
      expect(group.edgesPerColour[1]).toEqual({ 1: 103, 2: 398, 3: 49 });
      expect(group.binEdges).toHaveLength(6);
      // The bins are the group's: init binned alone gets other bins (and other edges).
      const alone = binGroup([nets[0]], "paper", { cutoff: 0.55 });
      expect(alone.binEdges).not.toEqual(group.binEdges);
    },
  );

  it("keeps SPEC §4.1 order, drops the middle bin and records the binning in meta", () => {
    const w = Array.from({ length: 400 }, (_, i) => Math.sin(i * 7.1) * Math.exp(-((i % 17) / 9)));
    const group = binGroup([net([w], [20, 20])], "paper", { cutoff: 0.55 });
    const g = group.graphs[0];
    const [lo, e1, a, b, e4] = group.binEdges!;
    expect(lo).toBeLessThan(e1);
    expect(a).toBeLessThan(b);
    for (let e = 1; e < g.edgeSrc.length; e++) {
      expect(g.edgeSrc[e] * 100 + g.edgeTrg[e]).toBeGreaterThan(
        g.edgeSrc[e - 1] * 100 + g.edgeTrg[e - 1],
      );
    }
    for (let e = 0; e < g.edgeSrc.length; e++) {
      const x = Math.fround(g.edgeWeight![e]);
      const c = g.edgeColour[e];
      expect(x < a || x >= b).toBe(true);
      expect(c).toBe(x < e1 ? 1 : x >= e4 ? 3 : 2);
    }
    expect(g.meta).toMatchObject({
      binning: { scheme: "paper", cutoff: 0.55, binEdges: group.binEdges },
    });
    const counted = Object.values(group.edgesPerColour[0]).reduce((s, n) => s + n, 0);
    expect(counted + group.removedEdges[0]).toBe(400);
  });
});

describe("binGroup(nets, 'sign' | 'quantile' | 'none')", () => {
  const n = net(
    [
      [-0.5, 0.2, 0, 0.9],
      [0.1, -0.3],
    ],
    [2, 2, 1],
  );

  it("sign: colour 1 for negative, 3 for positive, exact zeros removed", () => {
    const group = binGroup([n], "sign");
    expect(Array.from(group.graphs[0].edgeColour)).toEqual([1, 3, 3, 3, 1]);
    expect(group.removedEdges).toEqual([1]);
    expect(group.edgesPerColour[0]).toEqual({ 1: 2, 3: 3 });
    expect(group.binEdges).toBeNull();
  });

  it("quantile: per layer, the top q by |w|, coloured by sign", () => {
    const group = binGroup([n], "quantile", { quantile: 0.5 });
    const g = group.graphs[0];
    // layer 0 keeps 2 of 4 (0.9, -0.5); layer 1 keeps 1 of 2 (-0.3)
    expect(Array.from(g.edgeWeight!)).toEqual([-0.5, 0.9, -0.3]);
    expect(Array.from(g.edgeColour)).toEqual([1, 3, 1]);
    expect(group.options).toEqual({ quantile: 0.5 });
  });

  it("none: every edge, colour 1", () => {
    const group = binGroup([n], "none");
    expect(group.graphs[0].edgeSrc.length).toBe(6);
    expect(group.edgesPerColour[0]).toEqual({ 1: 6 });
    expect(group.options).toEqual({});
  });

  it("rejects bad options and unweighted graphs with NnmotifsError", () => {
    expect(() => binGroup([n], "quantile", { quantile: 0 })).toThrow(/invalid quantile 0/);
    expect(() => binGroup([n], "paper", { cutoff: 1 })).toThrow(/invalid cutoff 1/);
    const unweighted = { ...networkToDigraph(n), edgeWeight: undefined };
    expect(() => binGraphs([unweighted], "sign")).toThrow(NnmotifsError);
    expect(() => binGraphs([], "none")).toThrow(/at least one network/);
  });
});

describe("BINNING_SCHEMES", () => {
  it("lists paper, sign, quantile, none and matched, each with a description and its colours", () => {
    expect(BINNING_SCHEME_NAMES).toEqual(["paper", "sign", "quantile", "none", "matched"]);
    for (const name of BINNING_SCHEME_NAMES) {
      expect(BINNING_SCHEMES[name].description.length).toBeGreaterThan(10);
      expect(BINNING_SCHEMES[name].colours.length).toBeGreaterThan(0);
    }
    expect(isBinningScheme("paper")).toBe(true);
    expect(isBinningScheme("toString")).toBe(false);
  });
});
