import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MARKER_DIR, StepCache, hashOf, stableStringify } from "../../src/study/cache.js";

describe("stableStringify(value)", () => {
  it("does not depend on key order and writes typed arrays as arrays", () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      stableStringify({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(stableStringify({ w: new Float64Array([0.5, 1]) })).toBe('{"w":[0.5,1]}');
  });

  it("hashOf changes when any nested value changes", () => {
    expect(hashOf({ a: { b: [1, 2] } })).not.toBe(hashOf({ a: { b: [1, 3] } }));
    expect(hashOf({ a: 1, b: undefined })).toBe(hashOf({ a: 1 }));
  });
});

describe("StepCache", () => {
  let root: string;
  let cache: StepCache;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "nnmotifs-cache-"));
    cache = new StepCache(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lookup(id, key) misses before complete() and hits after, with the data", () => {
    expect(cache.lookup("train-tree-normal", "k1")).toBeNull();
    writeFileSync(join(root, "out.txt"), "hello");
    const rec = cache.complete("train-tree-normal", "k1", ["out.txt"], 1.5, { acc: 1 });
    const hit = cache.lookup<{ acc: number }>("train-tree-normal", "k1");
    expect(hit).not.toBeNull();
    expect(hit!.data.acc).toBe(1);
    expect(hit!.outputHash).toBe(rec.outputHash);
    // The marker is the only file in .steps: written atomically, no temporary left.
    expect(readdirSync(join(root, MARKER_DIR))).toEqual(["train-tree-normal.json"]);
  });

  it("lookup misses when the key changed", () => {
    writeFileSync(join(root, "out.txt"), "hello");
    cache.complete("s", "k1", ["out.txt"], 0, null);
    expect(cache.lookup("s", "k2")).toBeNull();
  });

  it("lookup misses when an output was changed or deleted", () => {
    writeFileSync(join(root, "a.txt"), "a");
    writeFileSync(join(root, "b.txt"), "b");
    cache.complete("s", "k", ["a.txt", "b.txt"], 0, null);
    writeFileSync(join(root, "a.txt"), "A");
    expect(cache.lookup("s", "k")).toBeNull();
    writeFileSync(join(root, "a.txt"), "a");
    expect(cache.lookup("s", "k")).not.toBeNull();
    rmSync(join(root, "b.txt"));
    expect(cache.lookup("s", "k")).toBeNull();
  });

  it("outputHash reflects output contents, so downstream keys change with them", () => {
    writeFileSync(join(root, "a.txt"), "a");
    const first = cache.complete("s", "k", ["a.txt"], 0, null).outputHash;
    writeFileSync(join(root, "a.txt"), "b");
    const second = cache.complete("s", "k", ["a.txt"], 0, null).outputHash;
    expect(first).not.toBe(second);
  });

  it("lookup misses on a corrupt marker and after invalidate()", () => {
    writeFileSync(join(root, "a.txt"), "a");
    cache.complete("s", "k", ["a.txt"], 0, null);
    cache.invalidate("s");
    expect(cache.lookup("s", "k")).toBeNull();
    cache.complete("s", "k", ["a.txt"], 0, null);
    writeFileSync(cache.markerPath("s"), "{not json");
    expect(cache.lookup("s", "k")).toBeNull();
  });
});
