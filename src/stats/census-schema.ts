/**
 * The census JSON document (`nnmotifs census --format json`, the study's census/*.json) as a zod
 * schema, and the JSON Schema generated from it (`schema/census.schema.json`, `npm run schema`).
 * The row is `CensusMotifSchema` (census-row.ts); the compile-time check at the bottom keeps this
 * schema and the `CensusResult` the census returns in step.
 */
import { z } from "zod";
import { writeFileAtomicSync } from "../core/atomic-write.js";
import { CensusMotifSchema } from "./census-row.js";
import type { CensusStatistics } from "./significance.js";
import type { CensusJson } from "./census-format.js";

const count = z.number().int().min(0);

/**
 * The `statistics` block (significance.ts computes it; its `CensusStatistics` interface is kept
 * free of zod so that a census does not load it — the check at the bottom keeps the two in step).
 */
export const CensusStatisticsSchema = z
  .object({
    family: z
      .string()
      .describe(
        'The BH family: "census" = every non-constrained class of this census (both tails); other names for unions of censuses.',
      ),
    alpha: z.number().gt(0).lt(1).describe("Level of the BH-adjusted p-values."),
    minCount: z.number().min(0).describe("Guard: original count at least this."),
    minRelativeChange: z
      .number()
      .min(0)
      .describe("Guard: |count - mean random count| >= this * mean random count."),
    pValue: z.literal("(b+1)/(N+1)").describe("Permutation p-value on counts (Phipson & Smyth)."),
    tails: z.literal("over and under in one family"),
    hypotheses: z.number().int().min(0).describe("p-values in the BH family (2 per tested class)."),
    constrained: z.number().int().min(0).describe("Classes whose count the null fixes."),
    significantOver: z.number().int().min(0),
    significantUnder: z.number().int().min(0),
    smallestP: z
      .number()
      .nullable()
      .describe("1/(N+1), the smallest p-value N random networks can give; null when N = 0."),
    canReachAlpha: z.boolean().describe("smallestP < alpha and the family is not empty."),
    warning: z.string().nullable().describe("Why no class can be significant, or null."),
  })
  .describe("How the census decided significance (SPEC §7).");

export const CensusJsonSchema = z
  .object({
    nodes: count,
    edges: count,
    mutualPairs: count.describe("Bidirectional pairs a<->b, each pair once."),
    colours: count.describe("Distinct edge colours used by the census (1 with colours off)."),
    size: z.number().int().min(2).describe("Subgraph size k."),
    subgraphs: z
      .number()
      .min(0)
      .describe("Total k-subgraphs of the input graph (an estimate when sampled)."),
    sampled: z.boolean(),
    sample: z
      .array(z.number().gt(0).max(1))
      .optional()
      .describe("RAND-ESU per-depth probabilities, when sampled."),
    vertexColours: z.enum(["layer", "custom"]).nullable(),
    random: z.object({
      networks: count.describe("Random networks N (0 = census only)."),
      null: z.string().describe("Null model name."),
      exchanges: count,
      tries: count,
      seed: count,
      triesMade: z.number().min(0),
      successes: z.number().min(0),
      subgraphs: z.number().min(0),
      classesAbsentFromOriginal: z.number().min(0),
    }),
    statistics: CensusStatisticsSchema,
    motifs: z.array(CensusMotifSchema),
  })
  .describe("nnmotifs census");

/** The JSON Schema of the census JSON output, generated from the zod schema. */
export function censusJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CensusJsonSchema, { io: "output", unrepresentable: "any" });
  return {
    ...schema,
    $id: "https://nnmotifs.dev/schema/census.schema.json",
    title: "nnmotifs census",
  };
}

/** `npm run schema`: write schema/census.schema.json. */
export function writeCensusJsonSchema(path: string): void {
  writeFileAtomicSync(path, JSON.stringify(censusJsonSchema(), null, 2) + "\n");
}

// Compile-time: every document the census writes is one the schema describes, and back (except
// the null model's name, a plain string here so that the schema need not follow the registry).
type Schema = z.infer<typeof CensusJsonSchema>;
type Assignable<A, B> = [A] extends [B] ? true : never;
const written: Assignable<CensusJson, Schema> = true;
const read: Assignable<Omit<Schema, "random">, Omit<CensusJson, "random">> = true;
void written;
void read;
type Statistics = z.infer<typeof CensusStatisticsSchema>;
const statisticsWritten: Assignable<CensusStatistics, Statistics> = true;
const statisticsRead: Assignable<Statistics, CensusStatistics> = true;
const statisticsKeys: Assignable<keyof Statistics, keyof CensusStatistics> &
  Assignable<keyof CensusStatistics, keyof Statistics> = true;
void statisticsWritten;
void statisticsRead;
void statisticsKeys;
