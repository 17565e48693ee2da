import { describe, expect, it } from "vitest";
import { Rng, deriveSeed } from "../../src/core/random.js";

describe("Rng", () => {
  it("new Rng(seed) repeats its sequence for the same seed and stream", () => {
    const a = new Rng(42, 3);
    const b = new Rng(42, 3);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("new Rng(seed, stream) differs between streams and between seeds", () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.nextUint32());
    expect(draw(new Rng(1, 0))).not.toEqual(draw(new Rng(1, 1)));
    expect(draw(new Rng(1))).not.toEqual(draw(new Rng(2)));
  });

  it("rng.next() is uniform on [0, 1)", () => {
    const r = new Rng(7);
    const bins = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      bins[Math.floor(x * 10)]++;
    }
    // chi-square with 9 df: 99.9% quantile is 27.9
    const chi = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it("rng.int(n) stays in range and hits every value", () => {
    const r = new Rng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
    expect(() => r.int(0)).toThrow(/positive/);
  });

  it("rng.normal() has mean 0 and sd 1", () => {
    const r = new Rng(11);
    const n = 50_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(s2 / n - mean * mean) - 1)).toBeLessThan(0.02);
  });

  it("rng.shuffle(array) permutes without losing elements", () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    new Rng(3).shuffle(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe("deriveSeed", () => {
  it("deriveSeed(seed, ...path) is a deterministic 32-bit value sensitive to every part", () => {
    expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 3, 2));
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 2));
    const s = deriveSeed(123456789, 42);
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});
