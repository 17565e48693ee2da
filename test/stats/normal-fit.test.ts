import { describe, expect, it } from "vitest";
import { fitNormal, normalPdf } from "../../src/stats/normal-fit.js";

describe("fitNormal(xs)", () => {
  it("uses the mean and the population standard deviation (ML)", () => {
    const fit = fitNormal([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(fit.mean).toBe(5);
    expect(fit.sd).toBe(2);
  });
  it("returns NaN for an empty sample", () => {
    expect(fitNormal([]).mean).toBeNaN();
  });
});

describe("normalPdf(x, mean, sd)", () => {
  it("matches the standard normal density", () => {
    expect(normalPdf(0, 0, 1)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalPdf(3, 1, 2)).toBeCloseTo(0.12098536225957168, 15);
  });
  it("is NaN for a non-positive sd", () => {
    expect(normalPdf(0, 0, 0)).toBeNaN();
  });
});
