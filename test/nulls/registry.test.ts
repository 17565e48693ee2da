import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { census, censusJson } from "../../src/stats/census.js";
import type { NullModel } from "../../src/nulls/null-model.js";
import {
  NULL_MODEL_NAMES,
  describeNullModels,
  isNullModelName,
  nullModel,
  nullModelNames,
  registerNullModel,
} from "../../src/nulls/registry.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";
import { identityNull } from "./toy-nulls.js";

describe("the null-model registry", () => {
  it("nullModelNames() lists the built-in nulls first; nullModel(name) names the choices when it fails", () => {
    expect(NULL_MODEL_NAMES).toEqual(["switch", "layered", "shuffle"]);
    expect(nullModelNames().slice(0, 3)).toEqual(["switch", "layered", "shuffle"]);
    expect(nullModelNames()).toContain("toy-identity");
    expect(isNullModelName("layered")).toBe(true);
    expect(isNullModelName("nope")).toBe(false);
    expect(() => nullModel("nope")).toThrow(
      /^invalid null model "nope". Should be one of: switch, layered, shuffle, toy-identity, toy-thinned/,
    );
    expect(describeNullModels()[0]).toMatch(/^switch: FANMOD switching/);
  });

  it("registerNullModel(name, model) accepts the same model again, refuses a taken name or a bad one", () => {
    expect(() => registerNullModel("toy-identity", identityNull)).not.toThrow();
    const other: NullModel = { ...identityNull };
    expect(() => registerNullModel("switch", other)).toThrow(/"switch" is already registered/);
    expect(() => registerNullModel("Bad Name", other)).toThrow(/invalid name "Bad Name"/);
  });
});

describe("census(g, {nullModel}) with a toy null added through the registry alone", () => {
  const g = randomEdgeGraph(25, 70, 3);

  it("toy-identity: every random network is the original (mean = frequency, sd 0, Z undefined, no tries)", async () => {
    const r = await census(g, { size: 3, networks: 6, nullModel: "toy-identity", threads: 1 });
    expect(r.random.null).toBe("toy-identity");
    expect(r.random.triesMade).toBe(0);
    expect(r.random.successes).toBe(0);
    expect(r.random.subgraphs).toBe(6 * r.subgraphs);
    expect(r.random.classesAbsentFromOriginal).toBe(0);
    expect(r.motifs.length).toBeGreaterThan(3);
    for (const m of r.motifs) {
      expect(m.randomMean).toBe(m.frequency);
      expect(m.randomSd).toBe(0);
      expect(m.z).toBe(null);
    }
  });

  it("reaches worker threads through its module: 1 and 2 threads give the same JSON", async () => {
    const one = await census(g, { size: 3, networks: 6, nullModel: "toy-identity", threads: 1 });
    const two = await census(g, { size: 3, networks: 6, nullModel: "toy-identity", threads: 2 });
    expect(two.run.threads).toBe(2);
    expect(JSON.stringify(censusJson(two))).toBe(JSON.stringify(censusJson(one)));
  });

  it("passes `nullContext` to the null on every thread (toy-thinned keeps each edge with context.keep)", async () => {
    const options = { size: 3, networks: 8, nullModel: "toy-thinned", seed: 4 } as const;
    const nullContext = { keep: 0.5 };
    const one = await census(g, { ...options, nullContext, threads: 1 });
    const two = await census(g, { ...options, nullContext, threads: 2 });
    expect(JSON.stringify(censusJson(two))).toBe(JSON.stringify(censusJson(one)));
    // Half the edges leave far fewer connected triples than the original has.
    expect(one.random.subgraphs / 8).toBeLessThan(0.6 * one.subgraphs);
    const denser = await census(g, { ...options, nullContext: { keep: 0.9 }, threads: 1 });
    expect(denser.random.subgraphs).toBeGreaterThan(one.random.subgraphs);
  });

  it("reports a null's own input error as an NnmotifsError from worker threads too", async () => {
    for (const threads of [1, 2]) {
      const run = census(g, { size: 3, networks: 4, nullModel: "toy-thinned", threads });
      await expect(run).rejects.toBeInstanceOf(NnmotifsError);
      await expect(run).rejects.toThrow("toy-thinned needs a number `keep`.");
    }
  });

  it("runs a null registered without `module` in-process, whatever `threads` says", async () => {
    registerNullModel("toy-local", identityNull);
    const r = await census(g, { size: 3, networks: 6, nullModel: "toy-local", threads: 3 });
    expect(r.run.threads).toBe(1);
    const shared = await census(g, { size: 3, networks: 6, nullModel: "toy-identity", threads: 1 });
    expect(censusJson(r).motifs).toEqual(censusJson(shared).motifs);
  });

  it("rejects an unknown null before any work", async () => {
    await expect(census(g, { size: 3, nullModel: "nope" })).rejects.toThrow(
      /^invalid null model "nope". Should be one of: switch, layered/,
    );
  });
});
