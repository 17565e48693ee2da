import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binGroup } from "../../src/graph/binning.js";
import { readKerasH5 } from "../../src/model/keras-h5.js";
import { weightSetsOfGroup, type WeightSet } from "../../src/analysis/weight-sets.js";
import { weightTable, type WeightTableRow } from "../../src/analysis/weight-table.js";
import { HAVE_ANCHOR, anchorFile } from "../anchor.js";

/** Where the test leaves the kernels for weight-table.reference.py (which has no h5py here). */
const KERNEL_DUMP = join(tmpdir(), "nnmotifs-weight-table.kernels.json");

interface Reference {
  rows: WeightTableRow[];
}

function set(network: string, weights: number[], colours: number[]): WeightSet {
  return { network, layerSizes: [weights.length, 1], weights, colours };
}

describe("weightTable(initial, trained)", () => {
  it.runIf(HAVE_ANCHOR)(
    "equals the numpy/scipy table of the anchor's seed180112 models to 6 decimals (golden)",
    async () => {
      const names = ["init", "tree", "clus"];
      const nets = await Promise.all(names.map((n) => readKerasH5(anchorFile(`model_${n}.h5`))));
      const group = binGroup(nets, "paper", { cutoff: 0.55 });
      const sets = weightSetsOfGroup(
        names.map((n) => `model_${n}`),
        nets,
        group,
      );
      writeFileSync(
        KERNEL_DUMP,
        JSON.stringify({
          source:
            "test/analysis/weight-table.test.ts, readKerasH5 of the anchor's seed180112 models",
          networks: names.map((n, k) => ({
            network: `model_${n}`,
            graphFile: `${n}_w_Graph.txt`,
            layerSizes: nets[k].layerSizes,
            kernels: nets[k].layers.map((l) => Array.from(l.kernel)),
          })),
        }),
      );
      const rows = weightTable(sets[0], sets.slice(1));
      const reference = JSON.parse(
        readFileSync(new URL("weight-table.reference.json", import.meta.url), "utf8"),
      ) as Reference;
      expect(rows.map((r) => [r.network, r.weights, r.n])).toEqual(
        reference.rows.map((r) => [r.network, r.weights, r.n]),
      );
      // The kept counts are the published graphs' edge counts.
      expect(rows.filter((r) => r.weights === "kept").map((r) => r.n)).toEqual([344, 550, 477]);
      rows.forEach((row, k) => {
        const ref = reference.rows[k];
        for (const field of ["meanAbs", "sd", "p"] as const) {
          if (ref[field] === null) {
            expect(row[field]).toBeNull();
            continue;
          }
          // To the 6 decimals the authors printed, and in fact to float64 noise.
          expect(row[field]!.toFixed(6)).toBe(ref[field].toFixed(6));
          expect(Math.abs(row[field]! - ref[field]) / Math.abs(ref[field])).toBeLessThan(1e-9);
        }
      });
    },
  );

  it("tests the signed weights: a sign flip keeps mean |w| and sd but moves the mean", () => {
    const w = [0.3, 0.5, 0.2, 0.4, 0.6, 0.35];
    const rows = weightTable(
      set(
        "a",
        w,
        w.map(() => 1),
      ),
      [
        set(
          "b",
          w.map((x) => -x),
          w.map(() => 1),
        ),
      ],
    );
    const [a, b] = rows;
    expect(b.meanAbs).toBeCloseTo(a.meanAbs!, 15);
    expect(b.sd).toBeCloseTo(a.sd!, 15);
    // An unpaired test of |w| would give p = 1 here; the signed test sees the shift.
    expect(b.p).toBeLessThan(1e-5);
    expect(a.p).toBeNull();
  });

  it("uses the population sd, restricts 'kept' to coloured weights, and gives p = null for tiny selections", () => {
    const rows = weightTable(set("i", [1, -1, 3, 5], [1, 0, 3, 3]), [
      set("t", [2, -2, 4, 0], [0, 0, 3, 0]),
    ]);
    const all = rows.filter((r) => r.weights === "all");
    const kept = rows.filter((r) => r.weights === "kept");
    expect(all[0]).toMatchObject({ network: "i", n: 4, meanAbs: 2.5, sd: Math.sqrt(5), p: null });
    expect(kept[0]).toMatchObject({ n: 3, meanAbs: 3, sd: Math.sqrt(8 / 3) });
    expect(kept[1]).toMatchObject({ network: "t", n: 1, meanAbs: 4, sd: 0, p: null });
    expect(rows.map((r) => r.weights)).toEqual(["all", "all", "kept", "kept"]);
  });
});
