import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeError } from "../../src/core/atomic-write.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { checkInputFile, checkOutputFile, formatBytes } from "../../src/core/input-file.js";
import {
  checkMemoryBudget,
  estimateCensusMemory,
  parseMemorySize,
} from "../../src/core/memory-budget.js";
import { scratchDir } from "../scratch-dir.js";

const dir = scratchDir("nnm-input-");

describe("checkInputFile(path, { what, maxBytes })", () => {
  it("names a directory, a missing file and an oversized file", () => {
    expect(() => checkInputFile(dir, { what: "graph" })).toThrow(/is a directory.*graph/);
    expect(() => checkInputFile(join(dir, "none"), { what: "graph" })).toThrow(/no such file/);
    const big = join(dir, "big.txt");
    writeFileSync(big, "x".repeat(2048));
    expect(() => checkInputFile(big, { what: "graph", maxBytes: 1024 })).toThrow(/2\.0 KiB/);
    expect(checkInputFile(big, { what: "graph" })).toBe(2048);
  });
});

describe("checkOutputFile(path)", () => {
  it("refuses a directory and a path under a file", () => {
    expect(() => checkOutputFile(dir)).toThrow(/is a directory/);
    const f = join(dir, "f.txt");
    writeFileSync(f, "x");
    expect(() => checkOutputFile(join(f, "out.json"))).toThrow(/is a file, not a folder/);
    expect(() => checkOutputFile(join(dir, "new", "out.json"))).not.toThrow();
  });
});

describe("writeError(error, path)", () => {
  it("reports ENOSPC as no space left while writing the target, keeping the code", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
    });
    const e = writeError(enospc, "/results/census.json") as NnmotifsError;
    expect(e).toBeInstanceOf(NnmotifsError);
    expect(e.message).toMatch(/^no space left on .* while writing \/results\/census\.json/);
    expect(e.code).toBe("ENOSPC");
    expect(e.exitCode).toBe(2);
  });
  it("leaves bugs alone", () => {
    const bug = new TypeError("x is undefined");
    expect(writeError(bug, "/a")).toBe(bug);
  });
});

describe("memory budget", () => {
  it("parseMemorySize(text) reads K/M/G suffixes and refuses nonsense", () => {
    expect(parseMemorySize("4G")).toBe(4 * 2 ** 30);
    expect(parseMemorySize("512MiB")).toBe(512 * 2 ** 20);
    expect(() => parseMemorySize("1K")).toThrow(/--max-memory/);
    expect(() => parseMemorySize("lots")).toThrow(/--max-memory/);
  });
  it("estimateCensusMemory grows with networks × classes; checkMemoryBudget refuses above the limit", () => {
    const small = estimateCensusMemory({
      nodes: 95,
      edges: 900,
      size: 4,
      classes: 200,
      networks: 100,
      workers: 2,
    });
    const big = estimateCensusMemory({
      nodes: 95,
      edges: 900,
      size: 8,
      classes: 7e5,
      networks: 1000,
      workers: 2,
    });
    expect(big.bytes).toBeGreaterThan(100 * small.bytes);
    expect(() =>
      checkMemoryBudget(big, { what: "the census", maxBytes: 2 ** 30, advice: "Use fewer." }),
    ).toThrow(
      new RegExp(
        `the census would need about .* more than the ${formatBytes(2 ** 30)} --max-memory\\. Use fewer\\.`,
      ),
    );
    expect(() =>
      checkMemoryBudget(small, { what: "x", maxBytes: 2 ** 30, advice: "" }),
    ).not.toThrow();
  });
});
