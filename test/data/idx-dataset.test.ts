import { describe, expect, it, beforeAll } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { encodeIdx, parseIdx, readIdxDirectory, readIdxFile } from "../../src/data/index.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { scratchDir } from "../scratch-dir.js";

function writeSet(
  dir: string,
  prefix: string,
  n: number,
  gz: boolean,
): { pixels: Uint8Array; labels: Uint8Array } {
  const pixels = Uint8Array.from({ length: n * 2 * 3 }, (_, i) => (i * 37) % 256);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  const w = (name: string, bytes: Uint8Array) =>
    writeFileSync(join(dir, gz ? `${name}.gz` : name), gz ? gzipSync(bytes) : bytes);
  w(`${prefix}-images-idx3-ubyte`, encodeIdx([n, 2, 3], pixels));
  w(`${prefix}-labels-idx1-ubyte`, encodeIdx([n], labels));
  return { pixels, labels };
}

describe("readIdxDirectory(dir)", () => {
  let plainDir = "";
  let gzDir = "";
  beforeAll(() => {
    plainDir = scratchDir("nnm-idx-");
    gzDir = scratchDir("nnm-idxgz-");
  });

  for (const gz of [false, true]) {
    it(`round-trips a small ${gz ? "gzipped" : "plain"} set, pixels scaled to [0,1]`, () => {
      const dir = gz ? gzDir : plainDir;
      const { pixels, labels } = writeSet(dir, "train", 12, gz);
      writeSet(dir, "t10k", 4, gz);
      const data = readIdxDirectory(dir);
      expect(data.nFeatures).toBe(6);
      expect(data.nClasses).toBe(10);
      expect(Array.from(data.y)).toEqual(Array.from(labels));
      expect(data.x[5]).toBeCloseTo(pixels[5] / 255, 6);
      expect(Math.max(...data.x)).toBeLessThanOrEqual(1);
      expect(Math.min(...data.x)).toBeGreaterThanOrEqual(0);
      expect(data.test?.y.length).toBe(4);
      const sub = readIdxDirectory(dir, { trainLimit: 5, testLimit: 2 });
      expect(sub.y.length).toBe(5);
      expect(sub.x.length).toBe(30);
      expect(sub.test?.y.length).toBe(2);
    });
  }

  it("names the missing file's directory", () => {
    const dir = scratchDir("nnm-idxmiss-");
    writeSet(dir, "train", 3, false);
    expect(() => readIdxDirectory(dir)).toThrow(/missing t10k-images-idx3-ubyte/);
  });
});

describe("parseIdx(bytes, file)", () => {
  const good = encodeIdx([2, 2], Uint8Array.of(1, 2, 3, 4));

  it("decodes dimensions and data", () => {
    const a = parseIdx(good, "f");
    expect(a.dims).toEqual([2, 2]);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4]);
  });

  it("rejects a wrong magic number, naming the file", () => {
    const bad = good.slice();
    bad[0] = 7;
    const e = (() => {
      try {
        parseIdx(bad, "bad.idx");
      } catch (error) {
        return error as NnmotifsError;
      }
    })();
    expect(e).toBeInstanceOf(NnmotifsError);
    expect(e?.file).toBe("bad.idx");
    expect(e?.message).toMatch(/wrong magic number/);
  });

  it("rejects truncated data and headers, also gzipped", () => {
    expect(() => parseIdx(good.subarray(0, good.length - 1), "t")).toThrow(/truncated IDX data/);
    expect(() => parseIdx(gzipSync(good.subarray(0, 10)), "t")).toThrow(/truncated IDX header/);
    expect(() => parseIdx(Uint8Array.of(0x1f, 0x8b, 1, 2), "t")).toThrow(/corrupt gzip/);
  });

  it("rejects non-byte element types as unsupported", () => {
    const f = good.slice();
    f[2] = 0x0d;
    expect(() => parseIdx(f, "t")).toThrow(/unsupported: IDX data type 0xd/);
  });

  it("readIdxFile reads from disk", () => {
    const dir = scratchDir("nnm-idxf-");
    writeFileSync(join(dir, "a.gz"), gzipSync(good));
    expect(readIdxFile(join(dir, "a.gz")).dims).toEqual([2, 2]);
  });
});
