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

// The names the config accepts come from the registries themselves (initialisers, binning schemes,
// null models): a new entry there is accepted here, with no second list to keep in step.
const INITS = INITIALISER_NAMES;
const BINNINGS = BINNING_SCHEME_NAMES;
const VERTEX_COLOURS = ["none", "layer"] as const;
const MIN_MOTIF_SIZE = MOTIF_SIZE_RANGE.supported.min;
const MAX_MOTIF_SIZE = MOTIF_SIZE_RANGE.supported.max;

/** The default study (issue 4): what `npm start` runs. */
export const STUDY_DEFAULTS = {
  seed: 1,
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
    sizes: [3, 4, 5],
    randomNetworks: 100,
    nulls: ["switch", "layered"],
    exchanges: 3,
    tries: 3,
    colours: true,
    vertexColours: "none",
  },
  // SPEC §4.3: every result depends on the cut-off c; this re-bins and re-counts at each value.
  sensitivity: {
    cutoffs: [0.35, 0.45, 0.55, 0.65, 0.75] as number[],
    sizes: [4],
    nulls: ["switch", "layered"],
  },
  // Issue 10: the per-layer participation of units in the diamond and bi-fan (4 nodes).
  analysis: { participationSize: 4 },
  // Issue 7 item 1: the BH family of the decisions, each census ("census") or the whole study.
  statistics: { family: "census" as "census" | "study" },
  // Issue 7 item 4: every graph is also counted without colours, the headline per topology.
  topology: { sizes: [3, 4, 5] as number[] },
  // Issue 7 item 5: initial vs trained again at matched density (edges per layer and colour).
  density: { sizes: [4] as number[] },
  // Issue 9 item 6 (SPEC §10.3): SPs compared with real networks' under the same null.
  biology: {
    networks: ["@celegans", "@ecoli"] as string[],
    sizes: [3, 4] as number[],
    nullModel: "switch",
  },
} as const;

/** `--quick`: a sub-minute smoke version of the default study (both data sets, tiny cost). */
export const QUICK_PRESET = {
  training: { epochs: 5 },
  motifs: { sizes: [3], randomNetworks: 20 },
  sensitivity: { cutoffs: [] },
  topology: { sizes: [3] },
  density: { sizes: [] },
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
    .describe("A null model of the registry (built in: switch, layered)");
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
/** A config section: unknown keys rejected; absent means all its defaults. */
const section = <T extends z.core.$ZodLooseShape>(shape: T) =>
  // Every field of a section has a default, so `{}` is a valid input (generic TS cannot see it).
  z.strictObject(shape, { error: "must be a mapping of keys to values" }).prefault({} as never);

export const StudyConfigSchema = z
  .strictObject({
    seed: int(0, 0xffffffff).default(D.seed).describe("Study seed; every step derives its own."),
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
    data: nonEmptyUnique(
      z
        .string({ error: "must be tree, clusters, csv:FILE or idx:DIR" })
        .regex(DATA_SPEC, { error: "must be tree, clusters, csv:FILE or idx:DIR" }),
      "data set (tree, clusters, csv:FILE, idx:DIR)",
    )
      .default([...D.data])
      .describe("Data sets: tree, clusters, csv:FILE (features then label), idx:DIR (MNIST IDX)."),
    network: section({
      hidden: z
        .array(int(1, 4096), { error: "must be a list of hidden layer sizes" })
        .min(1, { error: "must list at least one hidden layer" })
        .default([...D.network.hidden])
        .describe("Hidden layer sizes."),
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
      cutoff: real(0, 1, "a number in (0, 1)")
        .refine((v) => v > 0 && v < 1, { error: "must be a number in (0, 1)" })
        .default(D.graphs.cutoff)
        .describe("SPEC §4.2 cut-off c (paper binning)."),
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
    }),
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
  .describe("nnmotifs study configuration (nnmotifs study --config FILE)");

/** The resolved configuration: every field present. */
export type StudyConfig = z.output<typeof StudyConfigSchema>;
/** What a user may write in study.yaml: every field optional. */
export type StudyConfigInput = z.input<typeof StudyConfigSchema>;

export interface LoadConfigOptions {
  /** Apply QUICK_PRESET on top of the file (file values for the same keys are overridden). */
  quick?: boolean;
  /** Overrides applied last (e.g. --out, --threads from the command line). */
  overrides?: Partial<Pick<StudyConfig, "out" | "threads">>;
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
  const result = StudyConfigSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new NnmotifsError(describeIssue(issue), {
      file,
      line: options.lineOf?.(issue.path),
    });
  }
  let config = result.data;
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
      density: { sizes: [...QUICK_PRESET.density.sizes] },
      biology: { ...config.biology, sizes: [...QUICK_PRESET.biology.sizes] },
    };
  }
  const o = options.overrides ?? {};
  return {
    ...config,
    out: o.out ?? config.out,
    threads: o.threads ?? config.threads,
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
  let schema: z.ZodType = StudyConfigSchema;
  for (const p of path) {
    schema = unwrap(schema);
    if (!(schema instanceof z.ZodObject)) return undefined;
    const next = (schema.shape as Record<string, z.ZodType>)[String(p)];
    if (next === undefined) return undefined;
    schema = next;
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
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
