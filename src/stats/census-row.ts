/**
 * The census row — one motif class of one census — declared once, as a zod schema, for every
 * consumer (the census JSON, the study's collected results, the analysis and the report) and for
 * the JSON Schema of the census output (`schema/census.schema.json`, `npm run schema`).
 *
 * Nullability follows one rule: a statistic is null when it is undefined, never a made-up number.
 * With N = 0 random networks every statistic is null (census only); Z is also null when the random
 * networks show no variance, or when the class is constrained by the null.
 */
import { z } from "zod";

const nullableNumber = (description: string) => z.number().nullable().describe(description);

export const CensusMotifSchema = z
  .object({
    /** Canonical class key (see motifs/types.ts). */
    key: z.string().describe("Canonical class key (motifs/types.ts)."),
    /** The class's matrix, row i as k digits (0 = no edge, else its colour). */
    adjacency: z
      .array(z.string().regex(/^[0-9]+$/))
      .describe("The class's adjacency matrix, row i as k digits (0 = no edge, else its colour)."),
    /** Vertex colours in canonical order; present only when the census used vertex colours. */
    vertexColours: z
      .array(z.number().int())
      .optional()
      .describe("Vertex colours in canonical order, when the census used them."),
    /** Occurrences in the original graph (an estimate when sampled). */
    count: z.number().min(0).describe("Occurrences in the original graph (estimate when sampled)."),
    /**
     * A sampled census only: the count's relative standard error √((1 − P)/s), P the share of
     * subgraphs RAND-ESU counts and s = count·P those it saw (stats/sampling-error.ts; a lower
     * bound). Absent from exact censuses.
     */
    relativeError: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Sampled census only: relative standard error of count, sqrt((1 - P)/(count * P)), P = product of the sampling probabilities (a lower bound: subgraphs sharing a sampled ESU prefix are kept or dropped together).",
      ),
    /** count / subgraphs (a fraction, FANMOD's concentration). */
    frequency: z.number().min(0).max(1).describe("count / subgraphs (a fraction)."),
    /** Mean random concentration; null when N = 0. */
    randomMean: nullableNumber("Mean concentration over the random networks; null when N = 0."),
    /** Sample sd (n−1) of the random concentrations; null when N = 0. */
    randomSd: nullableNumber("Sample sd (n−1) of the random concentrations; null when N = 0."),
    /**
     * Z on concentrations (FANMOD's). Kept for comparison with FANMOD; no decision is taken on it,
     * because the total number of k-subgraphs itself varies under the null. Null when undefined
     * (random sd = 0, N < 2) or when the class is constrained.
     */
    z: nullableNumber(
      "Z on concentrations (FANMOD); no decision is taken on it. Null when undefined or constrained.",
    ),
    /** Permutation p (b_over + 1)/(N + 1), b_over = random networks with count ≥ the original's. */
    pOver: nullableNumber(
      "Permutation p (b_over+1)/(N+1), b_over = random networks whose count is >= the original's; null when N = 0.",
    ),
    /** Permutation p (b_under + 1)/(N + 1), b_under = random networks with count ≤ the original's. */
    pUnder: nullableNumber(
      "Permutation p (b_under+1)/(N+1), b_under = random networks whose count is <= the original's; null when N = 0.",
    ),
    /** FANMOD's p: share of random networks whose concentration is strictly greater (0 possible). */
    shareOver: nullableNumber(
      "FANMOD's p: share of random networks whose concentration is strictly greater; null when N = 0.",
    ),
    /** Share of random networks whose concentration is strictly smaller. */
    shareUnder: nullableNumber(
      "Share of random networks whose concentration is strictly smaller; null when N = 0.",
    ),
    /**
     * Benjamini–Hochberg q of pOver over the family named in `statistics.family` (both tails of
     * every non-constrained class in one family); null when N = 0 or constrained.
     */
    qOver: nullableNumber(
      "BH-adjusted pOver over the family in statistics.family; null when N = 0 or constrained.",
    ),
    /** BH q of pUnder, same family as qOver. */
    qUnder: nullableNumber(
      "BH-adjusted pUnder over the family in statistics.family; null when N = 0 or constrained.",
    ),
    /** Count identical in the original and in every random network: fixed by the null. */
    constrained: z
      .boolean()
      .describe(
        "Count identical in the original and every random network: fixed by the null model, never significant.",
      ),
    /**
     * The decision: "over"/"under" when that tail's q < alpha, the count is ≥ minCount and
     * |count − randomCountMean| ≥ minRelativeChange · randomCountMean; null otherwise.
     */
    significant: z
      .enum(["over", "under"])
      .nullable()
      .describe(
        "q < alpha in that tail, count >= minCount and |count - randomCountMean| >= minRelativeChange * randomCountMean; else null.",
      ),
    /** Mean random count; null when N = 0. */
    randomCountMean: nullableNumber("Mean count over the random networks; null when N = 0."),
    /** Sample sd (n−1) of the random counts; null when N = 0. */
    randomCountSd: nullableNumber("Sample sd (n−1) of the random counts; null when N = 0."),
    /** Z on raw counts (mfinder/gtrieScanner); null when undefined or constrained. */
    zCount: nullableNumber("Z on counts (mfinder); null when undefined or constrained."),
    /** Normalised significance profile entry Z_i / ‖Z‖; null where Z is null. */
    sp: nullableNumber("Significance profile Z_i / sqrt(sum_j Z_j^2); null where Z is null."),
  })
  .describe("One motif class of a census.");

/** One motif class of a census: the row every consumer of a census reads. */
export type CensusMotif = Readonly<z.infer<typeof CensusMotifSchema>>;
