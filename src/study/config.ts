/**
 * The study configuration: a YAML file validated by one zod schema. Every default lives in
 * `STUDY_DEFAULTS`; `nnmotifs study --print-config` prints the resolved configuration, and
 * `npm run schema` writes the JSON Schema generated from the same zod types (vega-lite's practice),
 * so editors can complete and check `study.yaml`.
 *
 * Unknown keys and bad values are rejected with a message naming the file, line, key and what is
 * allowed: `study.yaml:7: motifs.sizes[1]: must be an integer 3..6`.
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, stringify, isNode } from "yaml";
import { z } from "zod";
import { NnmotifsError } from "../core/errors.js";
import { writeFileAtomicSync } from "../core/atomic-write.js";
import { BINNING_SCHEME_NAMES } from "../graph/binning.js";
import { MOTIF_SIZE_RANGE } from "../motifs/motif-size.js";
import { isNullModelName, nullModelNames, type NullModelName } from "../nulls/registry.js";
import { INITIALISER_NAMES } from "../nn/initialisers.js";
// Registers the `reinit` null (it lives on the graph side), so a config may name it.
import "../graph/reinit-null.js";

// The names the config accepts come from the registries themselves (initialisers, binning schemes,
// null models): a new entry there is accepted here, with no second list to keep in step.
const INITS = INITIALISER_NAMES;
const BINNINGS = BINNING_SCHEME_NAMES;
const VERTEX_COLOURS = ["none", "layer"] as const;
const MIN_MOTIF_SIZE = MOTIF_SIZE_RANGE.supported.min;
const MAX_MOTIF_SIZE = MOTIF_SIZE_RANGE.supported.max;

/**
 * The default study (issues 4 and 9): what `npm start` runs, within 5 min on 2 cores. Its budget:
 * 5 seeds, each with sizes 3 and 4 (coloured and without colours) under every null and the
 * training snapshots at k ≤ 4 with 20 random networks each; matched density only in the first
 * seed (`replicates: first`); the cut-off sweep and k = 5 off (one k = 5 census costs about six
 * of k = 4: `motifs.sizes: [3, 4, 5]` turns it on). Measured: 425 CPU-seconds with 30 random
 * networks per snapshot and the sweep in the first seed; budgeted for a third null as costly as
 * `layered` (README, "The default study's budget").
 */
export const STUDY_DEFAULTS = {
  seed: 1,
  // Issue 9: five replicates (seeds 1..5 from seed 1); `seeds: [4, 9]` lists them.
  seeds: 5 as number | number[],
  out: "results",
  threads: "auto" as number | "auto",
  data: ["tree", "clusters"],
  network: { hidden: [30, 30], inits: ["normal", "orthogonal", "glorot"] },
  training: {
    epochs: 20,
    batch: 20,
    learningRate: 0.01,
    momentum: 0.6,
    nesterov: true,
    patience: 20,
    validationSplit: 0.1,
    testSplit: 0.3,
  },
  graphs: { binning: "paper", cutoff: 0.55, quantile: 0.2 },
  motifs: {
    sizes: [3, 4],
    randomNetworks: 100,
    // Issue 9: the weight shuffle (SPEC §6.3) beside the two switching nulls in `npm start`.
    nulls: ["switch", "layered", "shuffle"],
    exchanges: 3,
    tries: 3,
    colours: true,
    vertexColours: "none",
    // Above this many k-subgraphs per network a census samples (RAND-ESU) instead of enumerating.
    maxExactSubgraphs: 3e7,
  },
  // SPEC §4.3: every result depends on the cut-off c; this re-bins and re-counts at each value.
  // Off in the 5-seed default (it cost a fifth of the census); [0.35, 0.45, 0.55, 0.65, 0.75]
  // sweeps the first seed of each architecture.
  sensitivity: {
    cutoffs: [] as number[],
    sizes: [4],
    nulls: ["switch", "layered"],
    replicates: "first" as ReplicateScope,
  },
  // Issue 10: the per-layer participation of units in the diamond and bi-fan (4 nodes).
  analysis: { participationSize: 4 },
  // Issue 7 item 1: the BH family of the decisions, each census ("census") or the whole study.
  statistics: { family: "census" as "census" | "study" },
  // Issue 7 item 4: every graph is also counted without colours, the headline per topology.
  topology: { sizes: [3, 4] as number[] },
  // Issue 7 item 5: initial vs trained again at matched density (edges per layer and colour).
  density: { sizes: [4] as number[], replicates: "first" as ReplicateScope },
  // Issue 9 item 2: the networks saved at these epochs (0 = initial) and counted without colours.
  snapshots: [0, 1, 2, 5, 10, 20] as number[],
  trajectory: { sizes: [3, 4] as number[], randomNetworks: 20 as number | null },
  // Issue 9 item 5: Onnela intensity and coherence on the full weighted graph (no cut-off), per
  // network and size, against the weight-shuffle null; `weighted: false` or sizes [] = off.
  // Off by default: at sizes [3, 4] with 100 shuffles a 31-30-30-4 network costs ≈ 7.6 s CPU
  // (under load), too much for the default study's budget once it has several seeds;
  // `weighted: { sizes: [3, 4] }` turns it on.
  weighted: { sizes: [] as number[], randomNetworks: 100 },
  // Issue 9 item 6 (SPEC §10.3): SPs compared with real networks' under the same null.
  biology: {
    networks: ["@celegans", "@ecoli"] as string[],
    sizes: [3, 4] as number[],
    nullModel: "switch",
  },
} as const;

/** Which replicates run an optional block: the first seed of each architecture, or every one. */
export type ReplicateScope = "first" | "all";

/** `--quick`: a sub-minute smoke version of the default study (both data sets, tiny cost). */
export const QUICK_PRESET = {
  training: { epochs: 5 },
  motifs: { sizes: [3], randomNetworks: 20 },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [3] },
  density: { sizes: [] },
  seeds: 2,
  snapshots: [0, 2, 5],
  trajectory: { sizes: [3] },
  // Only when the file turns the weighted census on: then k = 3 with 20 shuffles.
  weighted: { sizes: [3], randomNetworks: 20 },
  biology: { sizes: [3] },
} as const;

const DATA_SPEC = /^(tree|clusters|csv:.+|idx:.+)$/;

const int = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const allowed =
    max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer ${min}..${max}`;
  return z
    .number({ error: `must be ${allowed}` })
    .int({ error: `must be ${allowed}` })
    .min(min, { error: `must be ${allowed}` })
    .max(max, { error: `must be ${allowed}` });
};
const real = (min: number, max: number, what = `a number in [${min}, ${max}]`) =>
  z
    .number({ error: `must be ${what}` })
    .min(min, { error: `must be ${what}` })
    .max(max, { error: `must be ${what}` });
const oneOf = <T extends readonly string[]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });
const bool = () => z.boolean({ error: "must be true or false" });
/** A null model's name, checked against the registry when the config is parsed (not when this
 * module loads), so a null registered at run time can be named in a study. */
const nullName = () =>
  z
    .string({ error: "must be a null model name" })
    .refine((v): v is NullModelName => isNullModelName(v), {
      error: () => `must be one of ${nullModelNames().join(", ")}`,
    })
    .describe("A null model of the registry (built in: switch, layered, shuffle, reinit)");
const nonEmptyUnique = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, { error: `must be a list of ${what}` })
    .min(1, { error: `must list at least one ${what}` })
    .refine((a) => new Set(a.map((v) => JSON.stringify(v))).size === a.length, {
      error: "must not repeat a value",
    });

/** Motif sizes, possibly none (a knob that is off). */
const uniqueSizes = () =>
  z
    .array(int(MIN_MOTIF_SIZE, MAX_MOTIF_SIZE), {
      error: `must be a list of motif sizes (${MIN_MOTIF_SIZE}..${MAX_MOTIF_SIZE})`,
    })
    .refine((a) => new Set(a).size === a.length, { error: "must not repeat a value" });

const D = STUDY_DEFAULTS;
const THREADS = 'must be an integer 1..256 or "auto"';
const SEEDS = "must be a number of seeds (an integer 1..10000) or a list of seeds";
const HIDDEN = "must be a list of hidden layer sizes ([30, 30]) or a list of such lists";
const scope = () =>
  oneOf(["first", "all"] as const).describe(
    'Which replicates run it: "first" (the first seed of each architecture) or "all".',
  );
/** One architecture: its hidden layer sizes. */
const layers = () =>
  z
    .array(int(1, 4096), { error: "must be a list of hidden layer sizes" })
    .min(1, { error: "must list at least one hidden layer" });
/** One architecture or several: [30, 30] or [[20, 10], [30, 30]]. */
const architectures = () =>
  z.union([layers(), nonEmptyUnique(layers(), "architecture (a list of hidden layer sizes)")], {
    error: HIDDEN,
  });
const cutoff = () =>
  real(0, 1, "a number in (0, 1)").refine((v) => v > 0 && v < 1, {
    error: "must be a number in (0, 1)",
  });
const DATA_ERROR = "must be tree, clusters, csv:FILE or idx:DIR";
const dataSpec = () => z.string({ error: DATA_ERROR }).regex(DATA_SPEC, { error: DATA_ERROR });
/** A data set with its own architecture(s), batch, epochs or cut-off (issue 9 item 3). */
const dataEntry = () =>
  z.union(
    [
      dataSpec(),
      z.strictObject(
        {
          set: dataSpec().describe("The data set: tree, clusters, csv:FILE or idx:DIR."),
          hidden: architectures().optional().describe("Its architecture(s) (network.hidden)."),
          batch: int(1, 1000000).optional().describe("Its training batch (training.batch)."),
          epochs: int(1, 100000).optional().describe("Its training epochs (training.epochs)."),
          cutoff: cutoff().optional().describe("Its graphs cut-off c (graphs.cutoff)."),
          samples: int(10, 100000000)
            .optional()
            .describe(
              "Samples to generate (tree, clusters) or to keep (the first N of csv:, of idx:'s training part).",
            ),
        },
        { error: "must be a mapping of keys to values" },
      ),
    ],
    { error: `${DATA_ERROR}, or a mapping { set, hidden, batch, epochs, cutoff }` },
  );
/** A config section: unknown keys rejected; absent means all its defaults. */
const section = <T extends z.core.$ZodLooseShape>(shape: T) =>
  // Every field of a section has a default, so `{}` is a valid input (generic TS cannot see it).
  z.strictObject(shape, { error: "must be a mapping of keys to values" }).prefault({} as never);

export const StudyConfigSchema = z
  .strictObject({
    seed: int(0, 0xffffffff)
      .default(D.seed)
      .describe("Study seed: the first replicate's seed; every step derives its own."),
    seeds: z
      .union(
        [int(1, 10000), nonEmptyUnique(int(0, 0xffffffff), "seed (an integer 0..4294967295)")],
        { error: SEEDS },
      )
      .default(D.seeds)
      .describe(
        "Replicates per architecture: n = the seeds seed, seed + 1, …, seed + n − 1; a list = those seeds. Each seed draws its own initial networks, data, split and training.",
      ),
    out: z
      .string({ error: "must be a folder path" })
      .min(1, { error: "must be a folder path" })
      .default(D.out)
      .describe("Results folder."),
    threads: z
      .union(
        [
          z
            .number({ error: THREADS })
            .int({ error: THREADS })
            .min(1, { error: THREADS })
            .max(256, { error: THREADS }),
          z.literal("auto", { error: THREADS }),
        ],
        { error: THREADS },
      )
      .default(D.threads)
      .describe("Worker threads for the census (results do not depend on it)."),
    data: nonEmptyUnique(dataEntry(), "data set (tree, clusters, csv:FILE, idx:DIR)")
      .default([...D.data])
      .describe(
        "Data sets: tree, clusters, csv:FILE (features then label), idx:DIR (MNIST IDX); an entry { set, hidden, batch, epochs, cutoff } overrides those values for its set.",
      ),
    network: section({
      hidden: architectures()
        .default([...D.network.hidden])
        .describe(
          "Hidden layer sizes ([30, 30]) or a list of architectures ([[20, 10], [30, 30]]).",
        ),
      inits: nonEmptyUnique(oneOf(INITS), `initialiser (${INITS.join(", ")})`)
        .default([...D.network.inits])
        .describe("Kernel initialisation schemes."),
    }),
    training: section({
      epochs: int(1, 100000).default(D.training.epochs),
      batch: int(1, 1000000).default(D.training.batch),
      learningRate: real(0, 10, "a number in (0, 10]")
        .refine((v) => v > 0, { error: "must be a number in (0, 10]" })
        .default(D.training.learningRate),
      momentum: real(0, 1).default(D.training.momentum),
      nesterov: bool().default(D.training.nesterov),
      patience: int(0, 100000)
        .default(D.training.patience)
        .describe("Early stopping on validation loss; 0 = off."),
      validationSplit: real(0, 0.9, "a number in [0, 0.9]").default(D.training.validationSplit),
      testSplit: real(0.01, 0.9, "a number in [0.01, 0.9]").default(D.training.testSplit),
    }),
    graphs: section({
      binning: oneOf(BINNINGS).default(D.graphs.binning),
      cutoff: cutoff().default(D.graphs.cutoff).describe("SPEC §4.2 cut-off c (paper binning)."),
      quantile: real(0, 1, "a number in (0, 1]")
        .refine((v) => v > 0, { error: "must be a number in (0, 1]" })
        .default(D.graphs.quantile)
        .describe("Share of weights kept per layer (quantile binning)."),
    }),
    motifs: section({
      sizes: nonEmptyUnique(
        int(MIN_MOTIF_SIZE, MAX_MOTIF_SIZE),
        `motif size (${MIN_MOTIF_SIZE}..${MAX_MOTIF_SIZE})`,
      ).default([...D.motifs.sizes]),
      randomNetworks: int(2, 100000).default(D.motifs.randomNetworks),
      nulls: nonEmptyUnique(nullName(), "null model").default([...D.motifs.nulls]),
      exchanges: int(1, 1000).default(D.motifs.exchanges).describe("Switch rounds per network."),
      tries: int(1, 1000).default(D.motifs.tries).describe("Tries per edge and round."),
      colours: bool().default(D.motifs.colours).describe("Use edge colours (weight categories)."),
      vertexColours: oneOf(VERTEX_COLOURS)
        .default(D.motifs.vertexColours)
        .describe("Vertex colours as a further class invariant: none or each node's layer."),
      maxExactSubgraphs: z
        .number({ error: "must be a number ≥ 1000" })
        .min(1000, { error: "must be a number ≥ 1000" })
        .default(D.motifs.maxExactSubgraphs)
        .describe(
          "A census enumerates exactly when its graph has at most this many k-subgraphs (estimated up front, seeded); above it, RAND-ESU samples about a quarter of this many per network, and the census step's record states the sampling probabilities, the estimate and its standard error.",
        ),
    }),
    sensitivity: section({
      cutoffs: z
        .array(
          real(0, 1, "a number in (0, 1)").refine((v) => v > 0 && v < 1, {
            error: "must be a number in (0, 1)",
          }),
          { error: "must be a list of cut-offs in (0, 1)" },
        )
        .refine((a) => new Set(a).size === a.length, { error: "must not repeat a value" })
        .default([...D.sensitivity.cutoffs])
        .describe(
          "Cut-offs c to re-bin and re-count at (SPEC §4.3, paper binning only); empty = off.",
        ),
      sizes: nonEmptyUnique(
        int(MIN_MOTIF_SIZE, MAX_MOTIF_SIZE),
        `motif size (${MIN_MOTIF_SIZE}..${MAX_MOTIF_SIZE})`,
      )
        .default([...D.sensitivity.sizes])
        .describe("Motif sizes counted at every cut-off."),
      nulls: nonEmptyUnique(nullName(), "null model")
        .default([...D.sensitivity.nulls])
        .describe("Null models used at every cut-off."),
      replicates: scope().default(D.sensitivity.replicates),
    }),
    statistics: section({
      family: oneOf(["census", "study"] as const)
        .default(D.statistics.family)
        .describe(
          'BH family of the significance decisions: "census" (every class of one census, both tails) or "study" (every class of all main censuses of the study, coloured and uncoloured, as one family).',
        ),
    }),
    analysis: section({
      participationSize: int(MIN_MOTIF_SIZE, MAX_MOTIF_SIZE)
        .default(D.analysis.participationSize)
        .describe(
          "Motif size of the per-layer participation table (4: diamond and bi-fan; another size: its named topologies).",
        ),
    }),
    topology: section({
      sizes: uniqueSizes()
        .default([...D.topology.sizes])
        .describe(
          "Motif sizes counted also without colours (the topology-level headline); empty = off.",
        ),
    }),
    density: section({
      sizes: uniqueSizes()
        .default([...D.density.sizes])
        .describe(
          "Motif sizes of the matched-density comparison (initial binned to each trained network's edges per layer and colour, counted without colours); empty = off.",
        ),
      replicates: scope().default(D.density.replicates),
    }),
    snapshots: z
      .array(int(0, 100000), { error: "must be a list of epochs (integers ≥ 0)" })
      .refine((a) => new Set(a).size === a.length, { error: "must not repeat a value" })
      .default([...D.snapshots])
      .describe(
        "Epochs whose networks are saved and counted without colours (0 = initial); each ≤ the training's epochs; a data set with fewer epochs uses those it reaches, and its last epoch (the trained network) is always one. Empty = off.",
      ),
    trajectory: section({
      sizes: uniqueSizes()
        .default([...D.trajectory.sizes])
        .describe("Motif sizes of the snapshot censuses (without colours)."),
      randomNetworks: int(2, 100000)
        .nullable()
        .default(D.trajectory.randomNetworks)
        .describe("Random networks per snapshot census; null = motifs.randomNetworks."),
    }),
    weighted: z
      .union(
        [
          z.literal(false),
          z.strictObject(
            {
              sizes: uniqueSizes()
                .default([...D.weighted.sizes])
                .describe("Motif sizes of the weighted census; empty = off."),
              randomNetworks: int(1, 100000)
                .default(D.weighted.randomNetworks)
                .describe("Weight-shuffle networks per weighted census."),
            },
            { error: "must be false or a mapping of keys to values" },
          ),
        ],
        { error: "must be false or a mapping of keys to values" },
      )
      // One resolved shape: false is the knob off, i.e. no sizes.
      .transform((v) =>
        v === false ? { sizes: [] as number[], randomNetworks: D.weighted.randomNetworks } : v,
      )
      .prefault({} as never)
      .describe(
        "Threshold-free weighted motifs (SPEC §10.1): Onnela intensity and coherence on the full weighted graph of every network, against the weight-shuffle null; false or sizes [] = off.",
      ),
    biology: section({
      networks: z
        .array(z.string({ error: "must be a graph: @name of a shipped network, or a file" }), {
          error: "must be a list of graphs (@celegans, @ecoli, or files)",
        })
        .refine((a) => new Set(a).size === a.length, { error: "must not repeat a value" })
        .default([...D.biology.networks])
        .describe(
          "Reference networks whose uncoloured significance profiles the trained networks' are correlated with (SPEC §10.3); empty = off.",
        ),
      sizes: uniqueSizes()
        .default([...D.biology.sizes])
        .describe("Motif sizes of the comparison (each also needs the topology census)."),
      // Not `null`: YAML reads an unquoted `null:` key as the null value.
      nullModel: nullName()
        .default(D.biology.nullModel)
        .describe("Null model of the reference censuses and of the profiles compared."),
    }),
  })
  .superRefine(checkGrid)
  .describe("nnmotifs study configuration (nnmotifs study --config FILE)");

/**
 * Rules across keys: the data sets of one architecture share one cut-off (they form one graph
 * group per init, binned together as SPEC §4.2 does). (Snapshots within the training: checked in
 * resolveStudyConfig, only when the file names them.)
 */
function checkGrid(
  c: {
    data: ReadonlyArray<DataEntryInput>;
    network: { hidden: number[] | number[][] };
    training: { epochs: number };
    graphs: { binning: string; cutoff: number };
    snapshots: number[];
  },
  ctx: z.core.$RefinementCtx,
): void {
  const sets = new Map<string, number>();
  c.data.forEach((entry, j) => {
    const set = dataEntryOf(entry).set;
    if (sets.has(set)) {
      ctx.addIssue({
        code: "custom",
        path: ["data", j],
        message: `data set ${set} is listed twice (entry ${(sets.get(set) ?? 0) + 1} too); list its architectures in one entry's \`hidden\``,
      });
    }
    sets.set(set, j);
  });
  if (c.graphs.binning !== "paper") return;
  const cutoffOf = new Map<string, { cutoff: number; set: string }>();
  c.data.forEach((entry, j) => {
    const d = dataEntryOf(entry);
    const cut = d.cutoff ?? c.graphs.cutoff;
    for (const hidden of architectureList(d.hidden ?? c.network.hidden)) {
      const arch = architectureLabel(hidden);
      const seen = cutoffOf.get(arch);
      if (seen === undefined) cutoffOf.set(arch, { cutoff: cut, set: d.set });
      else if (seen.cutoff !== cut) {
        ctx.addIssue({
          code: "custom",
          path: typeof entry === "string" ? ["data", j] : ["data", j, "cutoff"],
          message: `the data sets of architecture ${arch} are binned as one group and must share one cut-off (${seen.set} has ${seen.cutoff}, ${d.set} ${cut})`,
        });
      }
    }
  });
}

/** A data entry as written: a spec or a mapping with overrides. */
export type DataEntryInput =
  | string
  | {
      set: string;
      hidden?: number[] | number[][];
      batch?: number;
      epochs?: number;
      cutoff?: number;
      samples?: number;
    };

/** The mapping form of a data entry. */
export function dataEntryOf(entry: DataEntryInput): Exclude<DataEntryInput, string> {
  return typeof entry === "string" ? { set: entry } : entry;
}

/** `[30, 30]` → [[30, 30]]; a list of architectures stays as it is. */
export function architectureList(hidden: readonly number[] | readonly number[][]): number[][] {
  if (hidden.length === 0) return [];
  return Array.isArray(hidden[0])
    ? (hidden as number[][]).map((h) => [...h])
    : [[...(hidden as number[])]];
}

/** An architecture's label in ids, paths and tables: its hidden sizes, "30-30". */
export function architectureLabel(hidden: readonly number[]): string {
  return hidden.join("-");
}

/** The replicate seeds: `seeds: n` → seed, seed + 1, …, seed + n − 1 (wrapping at 2³²); a list as given. */
export function replicateSeeds(config: { seed: number; seeds: number | number[] }): number[] {
  if (Array.isArray(config.seeds)) return [...config.seeds];
  return Array.from({ length: config.seeds }, (_, i) => (config.seed + i) % 0x100000000);
}

/** The resolved configuration: every field present. */
export type StudyConfig = z.output<typeof StudyConfigSchema>;
/** What a user may write in study.yaml: every field optional. */
export type StudyConfigInput = z.input<typeof StudyConfigSchema>;

export interface LoadConfigOptions {
  /** Apply QUICK_PRESET on top of the file (file values for the same keys are overridden). */
  quick?: boolean;
  /** Overrides applied last (e.g. --out, --threads, --seeds from the command line). */
  overrides?: Partial<Pick<StudyConfig, "out" | "threads" | "seeds">>;
  /** A preset's configuration under the file's (the file's values win; presets.ts). */
  base?: StudyConfigInput;
}

/** Validate a plain object (already parsed); `file` names it in errors. */
export function resolveStudyConfig(
  input: unknown,
  options: LoadConfigOptions & {
    file?: string;
    lineOf?: (path: PropertyKey[]) => number | undefined;
  } = {},
): StudyConfig {
  const file = options.file ?? "config";
  if (input === null || input === undefined) input = {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new NnmotifsError("the study configuration must be a mapping of keys to values", {
      file,
    });
  }
  if (options.base !== undefined) input = mergeConfig(options.base, input);
  const result = StudyConfigSchema.safeParse(input);
  if (!result.success) {
    const issue = primaryIssue(result.error.issues[0]);
    throw new NnmotifsError(describeIssue(issue), {
      file,
      line: options.lineOf?.(issue.path),
    });
  }
  let config = result.data;
  // Snapshots the file names must lie within the training (the default list is cut to it).
  const named = (input as { snapshots?: unknown }).snapshots;
  if (Array.isArray(named)) {
    const epochs = Math.max(
      config.training.epochs,
      ...config.data.map((e) => dataEntryOf(e).epochs ?? 0),
    );
    const i = config.snapshots.findIndex((e) => e > epochs);
    if (i >= 0) {
      throw new NnmotifsError(
        `snapshots[${i}]: must be at most the training's epochs (${epochs})`,
        {
          file,
          line: options.lineOf?.(["snapshots", i]),
        },
      );
    }
  }
  if (options.quick) {
    config = {
      ...config,
      training: { ...config.training, ...QUICK_PRESET.training },
      motifs: {
        ...config.motifs,
        sizes: [...QUICK_PRESET.motifs.sizes],
        randomNetworks: QUICK_PRESET.motifs.randomNetworks,
      },
      sensitivity: { ...config.sensitivity, cutoffs: [...QUICK_PRESET.sensitivity.cutoffs] },
      topology: { sizes: [...QUICK_PRESET.topology.sizes] },
      density: { ...config.density, sizes: [...QUICK_PRESET.density.sizes] },
      seeds: Array.isArray(config.seeds)
        ? config.seeds.slice(0, QUICK_PRESET.seeds)
        : Math.min(config.seeds, QUICK_PRESET.seeds),
      snapshots: config.snapshots.length === 0 ? [] : [...QUICK_PRESET.snapshots],
      trajectory: { ...config.trajectory, sizes: [...QUICK_PRESET.trajectory.sizes] },
      weighted:
        config.weighted.sizes.length === 0
          ? config.weighted
          : {
              sizes: [...QUICK_PRESET.weighted.sizes],
              randomNetworks: QUICK_PRESET.weighted.randomNetworks,
            },
      biology: { ...config.biology, sizes: [...QUICK_PRESET.biology.sizes] },
    };
  }
  const o = options.overrides ?? {};
  return {
    ...config,
    out: o.out ?? config.out,
    threads: o.threads ?? config.threads,
    ...(o.seeds !== undefined ? { seeds: o.seeds } : {}),
  };
}

/** Parse and validate YAML text. */
export function parseStudyConfig(
  text: string,
  file = "study.yaml",
  options: LoadConfigOptions = {},
): StudyConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new NnmotifsError(`not valid YAML: ${e.message.split("\n")[0]}`, { file, line });
  }
  const lineOf = (path: PropertyKey[]): number | undefined => {
    // The deepest node of the path that exists (an unknown key points at its parent mapping).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  // Aliases are capped (a "billion laughs" alias bomb is refused, not expanded) and the text's
  // size is capped by the CLI's file check (core/input-file.ts MAX_CONFIG_BYTES).
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new NnmotifsError(`not valid YAML: ${(error as Error).message.split("\n")[0]}`, { file });
  }
  return resolveStudyConfig(raw, { ...options, file, lineOf });
}

/** Read a study.yaml file (or the defaults when `path` is undefined). */
export function loadStudyConfig(
  path: string | undefined,
  options: LoadConfigOptions = {},
): StudyConfig {
  if (path === undefined) return resolveStudyConfig({}, { ...options, file: "defaults" });
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new NnmotifsError(`cannot read the study configuration (${(error as Error).message})`, {
      file: path,
    });
  }
  return parseStudyConfig(text, path, options);
}

/** The resolved configuration as YAML (`--print-config`). */
export function formatStudyConfig(config: StudyConfig): string {
  return stringify(config);
}

/** `over` on top of `base`: mappings merge key by key, lists and values are replaced. */
function mergeConfig(base: unknown, over: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isMap(base) || !isMap(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeConfig(base[k], v);
  return out;
}

/**
 * The issue to report: for a value that matches no form of a union (one architecture or a list;
 * a data set spec or a mapping), the form that got furthest into the value says what is wrong
 * with it (a bad layer size in a list of architectures, not "must be a list").
 */
function primaryIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  // A branch that accepted the value's type (a mapping with an unknown key) beats one that did not.
  const score = (b: z.core.$ZodIssue): number =>
    b.path.length +
    (b.code === "invalid_type" || b.code === "invalid_union" || b.code === "invalid_value"
      ? 0
      : 0.5);
  const deepest = issue.errors
    .map((branch) => branch[0])
    .filter((b): b is z.core.$ZodIssue => b !== undefined)
    .sort((a, b) => score(b) - score(a))[0];
  if (deepest === undefined || score(deepest) === 0) return issue;
  return primaryIssue({ ...deepest, path: [...issue.path, ...deepest.path] });
}

/** `motifs.sizes[1]` from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const where = formatPath(issue.path);
    const shape = shapeAt(issue.path);
    const allowed = shape ? `; allowed keys: ${shape.join(", ")}` : "";
    const keys = issue.keys.map((k) => `\`${k}\``).join(", ");
    const at = issue.path.length === 0 ? "" : `${where}: `;
    return `${at}unknown key ${keys}${allowed}`;
  }
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** The keys allowed at a path of the schema (for "unknown key" messages). */
function shapeAt(path: readonly PropertyKey[]): string[] | undefined {
  let schema: z.ZodType | undefined = StudyConfigSchema;
  for (const p of path) {
    schema = unwrap(schema);
    if (typeof p === "number" && schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
      continue;
    }
    const object = objectOf(schema);
    if (object === undefined) return undefined;
    schema = (object.shape as Record<string, z.ZodType>)[String(p)];
    if (schema === undefined) return undefined;
  }
  const object = objectOf(unwrap(schema));
  return object ? Object.keys(object.shape) : undefined;
}

/** The object schema itself, or the object form of a union (a data entry's mapping). */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  if (schema instanceof z.ZodObject) return schema;
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as z.ZodType[]) {
      const o = unwrap(option);
      if (o instanceof z.ZodObject) return o;
    }
  }
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) {
      s = s.unwrap() as z.ZodType;
    } else return s;
  }
}

/** The JSON Schema of study.yaml, generated from the zod types (input side: defaults optional). */
export function studyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(StudyConfigSchema, { io: "input", unrepresentable: "any" });
  return {
    ...schema,
    $id: "https://nnmotifs.dev/schema/study.schema.json",
    title: "nnmotifs study",
  };
}

function formatStudyJsonSchema(): string {
  return JSON.stringify(studyJsonSchema(), null, 2) + "\n";
}

/** `npm run schema`: write schema/study.schema.json. */
export function writeStudyJsonSchema(path: string): void {
  writeFileAtomicSync(path, formatStudyJsonSchema());
}
