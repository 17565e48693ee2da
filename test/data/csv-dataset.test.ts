import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseCsvDataset, readCsvDataset } from "../../src/data/index.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { ANCHOR_DATASETS, HAVE_ANCHOR } from "../anchor.js";

function errorOf(f: () => unknown): NnmotifsError {
  try {
    f();
  } catch (error) {
    if (error instanceof NnmotifsError) return error;
    throw error;
  }
  throw new Error("expected an NnmotifsError");
}

describe("readCsvDataset(file)", () => {
  it.skipIf(!HAVE_ANCHOR)("reads the anchor's tree.csv and clus.csv: 2000×31, 4 labels", () => {
    for (const name of ["tree.csv", "clus.csv"]) {
      const data = readCsvDataset(join(ANCHOR_DATASETS, name));
      expect(data.y.length).toBe(2000);
      expect(data.nFeatures).toBe(31);
      expect(data.nClasses).toBe(4);
      expect(data.x.length).toBe(2000 * 31);
    }
  });
});

describe("parseCsvDataset(text, file)", () => {
  it("reads features then label, with or without a header", () => {
    const a = parseCsvDataset("a,b,label\n1,2,0\n3,4.5,1\n", "a.csv");
    expect(Array.from(a.x)).toEqual([1, 2, 3, 4.5]);
    expect(Array.from(a.y)).toEqual([0, 1]);
    const b = parseCsvDataset("1,2,0\r\n3,4,2\r\n\r\n", "b.csv");
    expect(b.nClasses).toBe(3);
    expect(b.y.length).toBe(2);
  });

  it("finds the label column by name", () => {
    const a = parseCsvDataset("label,a,b\n1,7,8\n0,9,10\n", "a.csv");
    expect(Array.from(a.y)).toEqual([1, 0]);
    expect(Array.from(a.x)).toEqual([7, 8, 9, 10]);
  });

  it("rejects ragged rows, naming file and line", () => {
    const e = errorOf(() => parseCsvDataset("a,b,label\n1,2,0\n3,1\n", "r.csv"));
    expect(e.file).toBe("r.csv");
    expect(e.line).toBe(3);
    expect(e.format()).toMatch(/^r\.csv:3: row has 2 columns, expected 3/);
  });

  it("rejects non-numbers and bad labels, naming the line", () => {
    expect(errorOf(() => parseCsvDataset("a,label\n1,0\nx,1\n", "n.csv")).line).toBe(3);
    expect(errorOf(() => parseCsvDataset("a,label\n1,0\n2,-1\n", "n.csv")).message).toMatch(
      /label -1/,
    );
    expect(errorOf(() => parseCsvDataset("a,label\n1,0.5\n", "n.csv")).line).toBe(2);
    const e = errorOf(() => parseCsvDataset("a,label\n1,0\n2,4\n", "n.csv", { nClasses: 4 }));
    expect(e.message).toMatch(/out of range: classes are 0..3/);
    expect(e.line).toBe(3);
  });

  it("rejects files without a label column or rows", () => {
    expect(errorOf(() => parseCsvDataset("a,b\n1,2\n", "h.csv")).message).toMatch(
      /no `label` column/,
    );
    expect(errorOf(() => parseCsvDataset("", "e.csv")).message).toMatch(/empty/);
    expect(errorOf(() => parseCsvDataset("a,label\n", "e.csv")).message).toMatch(/no data rows/);
    expect(errorOf(() => parseCsvDataset("a,label\n1,0\n2,0\n", "e.csv")).message).toMatch(
      /at least 2/,
    );
  });
});
