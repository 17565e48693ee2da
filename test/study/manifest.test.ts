import { describe, expect, it } from "vitest";
import { baseVersions, codeFingerprint } from "../../src/study/manifest.js";

describe("codeFingerprint", () => {
  it("codeFingerprint() is a stable 16-hex-digit hash of nnmotifs' own code", () => {
    const f = codeFingerprint();
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(codeFingerprint()).toBe(f);
  });

  it("baseVersions() records the code fingerprint beside the version", () => {
    const v = baseVersions();
    expect(v.nnmotifsCode).toBe(codeFingerprint());
    expect(v.nnmotifs).toMatch(/^\d+\.\d+\.\d+/);
  });
});
