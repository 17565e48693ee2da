import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MARKER_DIR } from "../../src/study/cache.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { runStudy } from "../../src/study/run-study.js";

/** A study of a few seconds (as run-study.test.ts's TINY). */
const TINY = {
  seeds: 1,
  snapshots: [],
  data: ["tree"],
  network: { hidden: [6, 5], inits: ["normal"] },
  training: { epochs: 2 },
  motifs: { sizes: [3], randomNetworks: 6, nulls: ["switch"] },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [] },
  density: { sizes: [] },
  biology: { networks: [] as string[] },
  threads: 1,
};

const root = mkdtempSync(join(tmpdir(), "nnmotifs-reanalyse-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Rewrites the keys of the finished counting steps, as a rebuilt nnmotifs would see them. */
function ageMarkers(out: string, keep: (id: string) => boolean = () => false): string[] {
  const dir = join(out, MARKER_DIR);
  const aged: string[] = [];
  for (const file of readdirSync(dir)) {
    const id = file.replace(/\.json$/, "");
    if (keep(id) || id === "analysis" || id === "report") continue;
    const record = JSON.parse(readFileSync(join(dir, file), "utf8")) as { key: string };
    writeFileSync(join(dir, file), JSON.stringify({ ...record, key: `old-${record.key}` }));
    aged.push(id);
  }
  return aged;
}

describe("runStudy(config, { reanalyse: true })", () => {
  it("re-runs only the analyses and the report on counts made by other code", async () => {
    const config = resolveStudyConfig({ ...TINY, out: join(root, "a") });
    const first = await runStudy(config);
    const census = readFileSync(
      join(config.out, "replicates/6-5/s1/census/normal-tree-k3-switch.json"),
      "utf8",
    );
    const aged = ageMarkers(config.out);
    expect(aged.length).toBe(first.ran - 2);
    const again = await runStudy(config, { reanalyse: true });
    expect(again.ran).toBe(2);
    expect(again.reused).toBe(first.ran - 2);
    const ran = again.manifest.steps.filter((s) => !s.reused).map((s) => s.id);
    expect(ran.sort()).toEqual(["analysis", "report"]);
    // The counts were read, not recounted.
    expect(
      readFileSync(join(config.out, "replicates/6-5/s1/census/normal-tree-k3-switch.json"), "utf8"),
    ).toBe(census);
    // Without --reanalyse the aged steps run again (to the same bytes, so the analyses and the
    // report just made are reused).
    const normal = await runStudy(config);
    expect(normal.ran).toBe(first.ran - 2);
    expect(
      normal.manifest.steps
        .filter((s) => s.reused)
        .map((s) => s.id)
        .sort(),
    ).toEqual(["analysis", "report"]);
  });

  it("a step that never finished is an error naming it, and nothing is recounted", async () => {
    const config = resolveStudyConfig({ ...TINY, out: join(root, "b") });
    await runStudy(config);
    rmSync(join(config.out, MARKER_DIR, "census-normal-tree-k3-switch@6-5-s1.json"));
    await expect(runStudy(config, { reanalyse: true })).rejects.toThrow(
      /--reanalyse: "census normal-tree k=3 switch[^"]*" has no finished result/,
    );
  });

  it("a counted file changed since is refused (its hash no longer matches)", async () => {
    const config = resolveStudyConfig({ ...TINY, out: join(root, "c") });
    await runStudy(config);
    const file = join(config.out, "replicates/6-5/s1/census/normal-tree-k3-switch.json");
    writeFileSync(file, readFileSync(file, "utf8") + " ");
    await expect(runStudy(config, { reanalyse: true })).rejects.toThrow(/files changed/);
  });
});
