import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { makeDigraph } from "../../src/graph/digraph.js";
import { census } from "../../src/stats/census.js";
import { formatCensus } from "../../src/stats/census-format.js";
import { CensusJsonSchema, censusJsonSchema } from "../../src/stats/census-schema.js";
import { REPO_ROOT } from "../anchor.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const committed = JSON.parse(
  readFileSync(join(REPO_ROOT, "schema", "census.schema.json"), "utf8"),
) as Record<string, unknown>;
/** A validator built from the committed JSON Schema file itself, not from the zod source. */
const fromFile = z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]);

const ctx = { file: "g.txt", version: "0.0.0" };
const layered = makeDigraph(6, [
  [0, 2, 1],
  [0, 3, 2],
  [1, 2, 1],
  [1, 3, 1],
  [2, 4, 1],
  [3, 5, 2],
  [2, 5, 1],
]);

async function outputs(): Promise<Record<string, unknown>> {
  const g = randomEdgeGraph(20, 55, 4, 3);
  const runs = {
    coloured: census(g, { size: 3, networks: 25, threads: 1 }),
    uncoloured: census(g, { size: 4, networks: 10, colours: false, threads: 1 }),
    census_only: census(g, { size: 3, networks: 0 }),
    sampled: census(g, { size: 4, networks: 5, sample: [1, 1, 0.7, 0.7], threads: 1 }),
    layered_vertex_colours: census(layered, {
      size: 3,
      networks: 5,
      nullModel: "layered",
      vertexColours: "layer",
      threads: 1,
    }),
  };
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(runs))
    out[name] = JSON.parse(formatCensus(await r, "json", ctx));
  return out;
}

describe("schema/census.schema.json", () => {
  it("matches the schema generated from stats/census-schema.ts (run `npm run schema` after changing it)", () => {
    expect(committed).toEqual(censusJsonSchema());
  });

  it("validates real census outputs: coloured, uncoloured, N = 0, sampled, layered with vertex colours", async () => {
    const docs = await outputs();
    for (const [name, doc] of Object.entries(docs)) {
      const a = fromFile.safeParse(doc);
      expect(a.success ? "" : `${name}: ${a.error.message}`).toBe("");
      const b = CensusJsonSchema.safeParse(doc);
      expect(b.success ? "" : `${name}: ${b.error.message}`).toBe("");
    }
  });

  it("rejects a document with a missing, misspelt or wrongly typed field", async () => {
    const doc = (await outputs()).coloured as {
      motifs: Record<string, unknown>[];
      statistics: Record<string, unknown>;
    };
    const row = doc.motifs[0];
    const bad = [
      { ...doc, motifs: [{ ...row, significant: "yes" }] },
      { ...doc, motifs: [{ ...row, pOver: "0.1" }] },
      { ...doc, motifs: [{ ...row, constrained: undefined }] },
      { ...doc, motifs: [{ ...row, sharOver: 0 }] },
      { ...doc, statistics: { ...doc.statistics, family: undefined } },
    ];
    for (const d of bad) expect(fromFile.safeParse(d).success).toBe(false);
  });
});
