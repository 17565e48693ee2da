import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareResults } from "../../bench/compare-results.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-compare-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>, steps: number): string {
  const dir = join(root, name);
  const manifest = {
    config: { graphs: { cutoff: 0.55 } },
    steps: Array(steps).fill({}),
    totalSeconds: 10,
    stageSeconds: { census: 8 },
  };
  for (const [rel, text] of Object.entries({
    ...files,
    "manifest.json": JSON.stringify(manifest),
  })) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe("bench/compare-results", () => {
  const before = folder(
    "before",
    {
      "census/g-k4-switch.json": "A",
      "census/sensitivity/c0.35/g-k4-switch.json": "B",
      "census/sensitivity/c0.55/g-k4-switch.json": "A",
      "tables/learning-efficacy.csv": "dataset,seconds,testAccuracy\ntree,1.5,1\n",
    },
    4,
  );

  it("accepts a folder without the duplicated sweep census when the main census equals it", () => {
    const after = folder(
      "after",
      {
        "census/g-k4-switch.json": "A",
        "census/sensitivity/c0.35/g-k4-switch.json": "B",
        "tables/learning-efficacy.csv": "dataset,seconds,testAccuracy\ntree,2.5,1\n",
      },
      3,
    );
    const { ok, lines } = compareResults(before, after);
    expect(ok, lines.join("\n")).toBe(true);
    expect(lines).toContain("steps: 4 before, 3 after");
    expect(lines.join("\n")).toMatch(/4\/4 .* identical \(1 sweep censuses at c0\.55/);
  });

  it("fails on any other difference", () => {
    const after = folder(
      "changed",
      {
        "census/g-k4-switch.json": "A",
        "census/sensitivity/c0.35/g-k4-switch.json": "C",
        "tables/learning-efficacy.csv": "dataset,seconds,testAccuracy\ntree,1.5,0.9\n",
      },
      3,
    );
    const { ok, lines } = compareResults(before, after);
    expect(ok).toBe(false);
    expect(lines).toContain("differs: census/sensitivity/c0.35/g-k4-switch.json");
    expect(lines).toContain("differs: tables/learning-efficacy.csv");
  });
});
