import { describe, expect, it } from "vitest";
import { bandwidthFactor, gaussianKde, kdeOnGrid } from "../../src/stats/kde.js";

const xs = [-1.0, -0.5, 0.1, 0.3, 0.9, 1.7, 2.2];

// Reference values from scipy 1.17 stats.gaussian_kde.
describe("gaussianKde(xs, options)", () => {
  it("matches scipy's default (Scott) bandwidth", () => {
    expect(bandwidthFactor("scott", xs.length)).toBeCloseTo(0.677610913400481, 12);
    const kde = gaussianKde(xs);
    const expected = [0.18179972, 0.27775455, 0.27167486, 0.12202113];
    [-1, 0, 0.5, 2.5].forEach((x, i) => expect(kde.density(x)).toBeCloseTo(expected[i], 7));
  });
  it("matches scipy's Silverman bandwidth", () => {
    expect(bandwidthFactor("silverman", xs.length)).toBeCloseTo(0.7177416344286515, 12);
    const kde = gaussianKde(xs, { bandwidth: "silverman" });
    const expected = [0.18015423, 0.27216188, 0.26851312, 0.12143953];
    [-1, 0, 0.5, 2.5].forEach((x, i) => expect(kde.density(x)).toBeCloseTo(expected[i], 7));
  });
  it("integrates to 1", () => {
    const { x, density } = kdeOnGrid(xs, -8, 10, 2001);
    const step = x[1] - x[0];
    const integral = density.reduce((s, d) => s + d, 0) * step;
    expect(integral).toBeCloseTo(1, 4);
  });
  it("rejects samples without spread", () => {
    expect(() => gaussianKde([1, 1, 1])).toThrow(/no spread/);
    expect(() => gaussianKde([1])).toThrow(/at least 2/);
  });
});
