import { describe, expect, it } from "vitest";
import { namedTopologyKey } from "../../src/analysis/motif-names.js";
import type { TopologyVariantRow } from "../../src/analysis/topology-variants.js";
import { keyFindingFigure } from "../../src/report/key-finding-figure.js";

/** One variant row of the diamond in `network` under `nullModel`, with Z `z` (null: undefined). */
function row(network: string, nullModel: string, z: number | null): TopologyVariantRow {
  return {
    graphId: `normal-${network}`,
    init: "normal",
    network,
    stage: network === "initial" ? "initial" : "trained",
    size: 4,
    nullModel,
    topology: namedTopologyKey("diamond"),
    topologyName: "diamond",
    variants: 3,
    constrained: 0,
    significantRaw: 0,
    significantFdr: 0,
    meanZ: z,
    maxMotif: "m",
    maxZ: z,
    maxP: null,
    maxQ: null,
    typicalMotif: "m",
    typicalZ: z,
    typicalQ: null,
    significant: z !== null && z > 2,
  };
}

type Spec = {
  data: { values: Array<{ nullModel: string }> };
  facet: { column: { sort: string[] } };
};

describe("keyFindingFigure(variants, inits, datasets, nullModels)", () => {
  it("gives a null under which no Z is defined no panel, and says so in the caption", () => {
    const variants = [
      row("initial", "switch", 1.5),
      row("tree", "switch", 3),
      row("initial", "layered", null),
      row("tree", "layered", null),
    ];
    const figure = keyFindingFigure(variants, ["normal"], ["tree"], ["switch", "layered"]);
    const spec = figure.spec as unknown as Spec;
    expect(spec.facet.column.sort).toEqual(["switch"]);
    expect(new Set(spec.data.values.map((v) => v.nullModel))).toEqual(new Set(["switch"]));
    expect(figure.caption).toMatch(/No panel for the layered null: Z is undefined there/);
  });

  it("keeps every null that has a Z somewhere, and all of them when none has", () => {
    const some = [
      row("initial", "switch", 1),
      row("tree", "layered", null),
      row("initial", "layered", 2),
    ];
    const both = keyFindingFigure(some, ["normal"], ["tree"], ["switch", "layered"]);
    expect((both.spec as unknown as Spec).facet.column.sort).toEqual(["switch", "layered"]);
    expect(both.caption).not.toMatch(/No panel/);
    const none = [row("initial", "switch", null), row("tree", "layered", null)];
    const all = keyFindingFigure(none, ["normal"], ["tree"], ["switch", "layered"]);
    expect((all.spec as unknown as Spec).facet.column.sort).toEqual(["switch", "layered"]);
  });
});
