import { describe, expect, it } from "vitest";
import {
  baseVersions,
  codeFingerprint,
  stepCodeFingerprint,
  stepCodeModules,
} from "../../src/study/manifest.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { buildPlan } from "../../src/study/plan.js";

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

describe("stepCodeFingerprint(kind)", () => {
  it("covers the modules a census step can run, workers and nulls included, and no report code", () => {
    const mods = stepCodeModules("census");
    for (const m of [
      "study/steps/census",
      "study/store",
      "motifs/esu",
      "motifs/random-ensemble-worker",
      "nulls/switch",
      "nulls/layered",
      "graph/reinit-null",
      "nn/initialisers",
      "stats/census",
    ]) {
      expect(
        mods.some((x) => x.replace(/\.(js|ts)$/, "") === m),
        m,
      ).toBe(true);
    }
    expect(mods.filter((m) => m.startsWith("report/") || m.startsWith("analysis/"))).toEqual([]);
  });

  it("training reaches the network code; the report reaches the analyses and the figures", () => {
    expect(stepCodeModules("train").some((m) => m.startsWith("nn/train."))).toBe(true);
    const report = stepCodeModules("report");
    expect(report.some((m) => m.startsWith("report/html-report."))).toBe(true);
    expect(report.some((m) => m.startsWith("analysis/analyse-study."))).toBe(true);
    expect(stepCodeFingerprint("report")).not.toBe(stepCodeFingerprint("census"));
    expect(stepCodeFingerprint("census")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("a plan keys each step with its own kind's code (a report change never re-runs a census)", () => {
    const plan = buildPlan(
      resolveStudyConfig({ seeds: 1, snapshots: [], biology: { networks: [] } }),
    );
    for (const kind of ["train", "graphs", "census", "analysis", "report"]) {
      expect(plan.code[kind]).toMatch(new RegExp(`\\+${stepCodeFingerprint(kind)}$`));
    }
    expect(new Set(Object.values(plan.code)).size).toBe(Object.keys(plan.code).length);
  });
});
