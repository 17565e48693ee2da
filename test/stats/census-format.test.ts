import { describe, expect, it } from "vitest";
import { makeDigraph } from "../../src/graph/digraph.js";
import { census, censusJson } from "../../src/stats/census.js";
import { CENSUS_FORMATS, formatCensus } from "../../src/stats/census-format.js";

// A feed-forward graph 0,1 → 2,3 → 4 with two colours.
const g = makeDigraph(5, [
  [0, 2, 1],
  [0, 3, 3],
  [1, 2, 3],
  [1, 3, 1],
  [2, 4, 1],
  [3, 4, 3],
]);
const ctx = { file: "g.txt", version: "0.0.0" };

describe("formatCensus(result, format, ctx)", () => {
  it("formats a stored censusJson(result) as it formats the result itself", async () => {
    const result = await census(g, { size: 3, networks: 4, seed: 3, threads: 1 });
    const stored = censusJson(result);
    for (const format of CENSUS_FORMATS) {
      const fresh = formatCensus(result, format, ctx);
      const again = formatCensus(stored, format, ctx);
      // Only FANMOD's header names the run time, which a stored census no longer has.
      if (format === "fanmod") {
        expect(fresh).toMatch(/took [\d.]+ seconds/);
        expect(again).not.toMatch(/took/);
        expect(again).toBe(fresh.replace(/Randomization and enumeration took .*\n/, ""));
      } else expect(again).toBe(fresh);
    }
  });

  it('writes one "csv" row per class under the flat header', async () => {
    const result = await census(g, { size: 3, networks: 4, seed: 3, threads: 1 });
    const lines = formatCensus(result, "csv", ctx).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "adjacency,vertex_colours,count,frequency,random_mean,random_sd,z,p_over,p_under,q_over,random_count_mean,random_count_sd,z_count,sp,q_under,share_over,share_under,constrained,significant",
    );
    expect(lines).toHaveLength(result.motifs.length + 1);
    expect(lines[1].split(",")[0]).toBe(result.motifs[0].adjacency.join("/"));
  });

  it("adds each class's relative error to the csv and table of a sampled census", async () => {
    const result = await census(g, { size: 3, networks: 0, sample: [1, 1, 0.5], threads: 1 });
    expect(result.sampled).toBe(true);
    const csv = formatCensus(result, "csv", ctx).trimEnd().split("\n");
    expect(csv[0].endsWith(",significant,relative_error")).toBe(true);
    const first = result.motifs[0];
    expect(Number(csv[1].split(",").at(-1))).toBeCloseTo(first.relativeError!, 8);
    const table = formatCensus(result, "table", ctx);
    expect(table).toMatch(/±rel/);
    expect(table).toMatch(/probability P = 0\.5\b/);
  });
});
