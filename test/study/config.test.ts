import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import {
  STUDY_DEFAULTS,
  formatStudyConfig,
  loadStudyConfig,
  parseStudyConfig,
  studyJsonSchema,
} from "../../src/study/config.js";
import { REPO_ROOT } from "../anchor.js";

function errorOf(text: string): string {
  try {
    parseStudyConfig(text, "config.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(NnmotifsError);
    return (error as NnmotifsError).format();
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("loadStudyConfig(undefined)", () => {
  it("gives the default study of issue 4", () => {
    const c = loadStudyConfig(undefined);
    expect(c.seed).toBe(1);
    expect(c.out).toBe("results");
    expect(c.data).toEqual(["tree", "clusters"]);
    expect(c.network).toEqual({ hidden: [30, 30], inits: ["normal", "orthogonal", "glorot"] });
    expect(c.training.epochs).toBe(20);
    expect(c.training.batch).toBe(20);
    expect(c.training.learningRate).toBe(0.01);
    expect(c.training.momentum).toBe(0.6);
    expect(c.graphs).toEqual({ binning: "paper", cutoff: 0.55, quantile: 0.2 });
    expect(c.motifs.sizes).toEqual([3, 4]);
    expect(c.motifs.randomNetworks).toBe(100);
    // Issue 9: both switching nulls and the weight shuffle in `npm start`.
    expect(c.motifs.nulls).toEqual(["switch", "layered", "shuffle"]);
    // Issue 9: five seeds and the training snapshots at k ≤ 4.
    expect(c.seeds).toBe(5);
    expect(c.snapshots).toEqual([0, 1, 2, 5, 10, 20]);
    expect(c.trajectory).toEqual({ sizes: [3, 4], randomNetworks: 20 });
    expect(c.motifs.exchanges).toBe(3);
    expect(c.motifs.tries).toBe(3);
  });

  it("--quick keeps both data sets but cuts epochs, sizes and random networks", () => {
    const c = loadStudyConfig(undefined, { quick: true });
    expect(c.data).toEqual(["tree", "clusters"]);
    expect(c.training.epochs).toBeLessThan(STUDY_DEFAULTS.training.epochs);
    expect(c.motifs.sizes).toEqual([3]);
    expect(c.motifs.randomNetworks).toBe(20);
  });

  it("applies command-line overrides last", () => {
    const c = loadStudyConfig(undefined, { overrides: { out: "elsewhere", threads: 1 } });
    expect(c.out).toBe("elsewhere");
    expect(c.threads).toBe(1);
  });
});

describe("parseStudyConfig(text)", () => {
  it("fills every key the file leaves out with its default", () => {
    const c = parseStudyConfig("motifs:\n  sizes: [5]\n", "s.yaml");
    expect(c.motifs.sizes).toEqual([5]);
    expect(c.motifs.randomNetworks).toBe(100);
    expect(c.training.epochs).toBe(20);
  });

  it("accepts an empty file as the defaults", () => {
    expect(parseStudyConfig("", "s.yaml")).toEqual(loadStudyConfig(undefined));
  });

  it("round-trips the printed configuration (--print-config output is a valid config)", () => {
    const c = parseStudyConfig("seed: 7\ndata: [csv:a.csv]\n", "s.yaml");
    expect(parseStudyConfig(formatStudyConfig(c), "printed.yaml")).toEqual(c);
  });

  it("rejects unknown keys naming the key and the allowed ones", () => {
    expect(errorOf("motifs:\n  size: [3]\n")).toBe(
      "config.yaml:2: motifs: unknown key `size`; allowed keys: sizes, randomNetworks, nulls, exchanges, tries, colours, vertexColours, maxExactSubgraphs",
    );
    expect(errorOf("epochs: 3\n")).toMatch(
      /^config\.yaml:1: unknown key `epochs`; allowed keys: seed, /,
    );
  });

  it("rejects bad values naming the key, the line and what is allowed", () => {
    expect(errorOf("motifs:\n  sizes: [3, 9]\n")).toBe(
      "config.yaml:2: motifs.sizes[1]: must be an integer 3..6",
    );
    expect(errorOf("seed: 1\ntraining:\n  epochs: 2.5\n")).toBe(
      "config.yaml:3: training.epochs: must be an integer 1..100000",
    );
    expect(errorOf("data: [tree, mnist]\n")).toMatch(
      /data\[1\]: must be tree, clusters, csv:FILE or idx:DIR$/,
    );
    expect(errorOf("motifs:\n  nulls: [switch, erdos]\n")).toMatch(
      /motifs\.nulls\[1\]: must be one of switch, layered, shuffle, reinit$/,
    );
    expect(errorOf("network:\n  inits: [normal, normal]\n")).toMatch(
      /network\.inits: must not repeat a value$/,
    );
    expect(errorOf("graphs:\n  cutoff: 1.5\n")).toMatch(
      /graphs\.cutoff: must be a number in \(0, 1\)$/,
    );
    expect(errorOf("threads: 0\n")).toMatch(/threads: must be an integer 1\.\.256 or "auto"$/);
    expect(errorOf("training: 3\n")).toMatch(/training: must be a mapping of keys to values$/);
    expect(errorOf("- 1\n")).toMatch(/must be a mapping/);
  });

  it("reports YAML syntax errors with the file and line", () => {
    expect(errorOf("a: [\n")).toMatch(/^config\.yaml:\d+: not valid YAML/);
  });
});

describe("examples/study.yaml", () => {
  it("validates and is the default study", () => {
    const c = loadStudyConfig(join(REPO_ROOT, "examples", "study.yaml"));
    expect(c).toEqual(loadStudyConfig(undefined));
  });
});

describe("studyJsonSchema()", () => {
  it("matches the committed schema/study.schema.json (run `npm run schema` after changing the config)", () => {
    const committed = JSON.parse(
      readFileSync(join(REPO_ROOT, "schema", "study.schema.json"), "utf8"),
    ) as unknown;
    expect(committed).toEqual(studyJsonSchema());
  });

  it("forbids unknown keys and lists every section", () => {
    const s = studyJsonSchema() as {
      additionalProperties: unknown;
      properties: Record<string, unknown>;
    };
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toEqual([
      "seed",
      "seeds",
      "out",
      "threads",
      "data",
      "network",
      "training",
      "graphs",
      "motifs",
      "sensitivity",
      "statistics",
      "analysis",
      "topology",
      "density",
      "snapshots",
      "trajectory",
      "weighted",
      "biology",
    ]);
  });
});

describe("parseStudyConfig(text): the `analysis` block", () => {
  it("sets the participation size (default 4) and refuses sizes outside the motif range", () => {
    expect(loadStudyConfig(undefined).analysis).toEqual({ participationSize: 4 });
    expect(parseStudyConfig("analysis:\n  participationSize: 3\n").analysis.participationSize).toBe(
      3,
    );
    expect(() => parseStudyConfig("analysis:\n  participationSize: 9\n")).toThrow(
      /analysis\.participationSize: must be an integer/,
    );
  });
});

describe("parseStudyConfig(text): the `sensitivity` block (cut-off sweep, SPEC §4.3)", () => {
  it("is off by default (the 5-seed budget) and under --quick; takes cut-offs, sizes and nulls", () => {
    expect(loadStudyConfig(undefined).sensitivity).toEqual({
      cutoffs: [],
      sizes: [4],
      nulls: ["switch", "layered"],
      replicates: "first",
    });
    const c = parseStudyConfig("sensitivity:\n  cutoffs: [0.35, 0.55, 0.75]\n", "s.yaml");
    expect(c.sensitivity).toEqual({
      cutoffs: [0.35, 0.55, 0.75],
      sizes: [4],
      nulls: ["switch", "layered"],
      replicates: "first",
    });
    const quick = parseStudyConfig("sensitivity:\n  cutoffs: [0.35]\n", "s.yaml", {
      quick: true,
    });
    expect(quick.sensitivity.cutoffs).toEqual([]);
    expect(parseStudyConfig("sensitivity: { cutoffs: [] }\n").sensitivity.cutoffs).toEqual([]);
  });

  it("rejects bad cut-offs, sizes, nulls and keys with the line", () => {
    expect(errorOf("sensitivity:\n  cutoffs: [0.3, 1]\n")).toBe(
      "config.yaml:2: sensitivity.cutoffs[1]: must be a number in (0, 1)",
    );
    expect(errorOf("sensitivity:\n  cutoffs: [0, 0.5]\n")).toMatch(
      /sensitivity\.cutoffs\[0\]: must be a number in \(0, 1\)$/,
    );
    expect(errorOf("sensitivity:\n  cutoffs: [0.5, 0.5]\n")).toMatch(
      /sensitivity\.cutoffs: must not repeat a value$/,
    );
    expect(errorOf("sensitivity:\n  cutoffs: 0.5\n")).toMatch(
      /sensitivity\.cutoffs: must be a list of cut-offs in \(0, 1\)$/,
    );
    expect(errorOf("sensitivity:\n  sizes: []\n")).toMatch(
      /sensitivity\.sizes: must list at least one motif size/,
    );
    expect(errorOf("sensitivity:\n  nulls: [erdos]\n")).toMatch(
      /sensitivity\.nulls\[0\]: must be one of switch, layered, shuffle, reinit$/,
    );
    expect(errorOf("sensitivity:\n  cutof: [0.5]\n")).toMatch(
      /unknown key `cutof`; allowed keys: cutoffs, sizes, nulls, replicates$/,
    );
  });
});

describe("parseStudyConfig(text): the grid (issue 9: seeds, snapshots, architectures, overrides)", () => {
  it("takes a number of seeds (from `seed` on) or a list, and turns it into the replicate seeds", async () => {
    const { replicateSeeds } = await import("../../src/study/config.js");
    expect(replicateSeeds(parseStudyConfig("seed: 7\nseeds: 3\n"))).toEqual([7, 8, 9]);
    expect(replicateSeeds(parseStudyConfig("seeds: [4, 2]\n"))).toEqual([4, 2]);
  });

  it("takes one architecture or a list, and data entries with their own values", () => {
    const c = parseStudyConfig(
      "network:\n  hidden: [[20, 10], [30, 30]]\ndata:\n  - tree\n  - { set: clusters, hidden: [20, 20], batch: 128, epochs: 10, cutoff: 0.1 }\n",
    );
    expect(c.network.hidden).toEqual([
      [20, 10],
      [30, 30],
    ]);
    expect(c.data[1]).toEqual({
      set: "clusters",
      hidden: [20, 20],
      batch: 128,
      epochs: 10,
      cutoff: 0.1,
    });
    // The printed configuration reads back equal.
    expect(parseStudyConfig(formatStudyConfig(c), "printed.yaml")).toEqual(c);
  });

  it("rejects bad seeds, snapshots, architectures and data entries with the line", () => {
    expect(errorOf("seeds: 0\n")).toBe("config.yaml:1: seeds: must be an integer 1..10000");
    expect(errorOf("seeds: [1, 1]\n")).toBe("config.yaml:1: seeds: must not repeat a value");
    expect(errorOf("training:\n  epochs: 10\nsnapshots: [0, 5, 20]\n")).toBe(
      "config.yaml:3: snapshots[2]: must be at most the training's epochs (10)",
    );
    // The default list is cut to a shorter training instead.
    expect(parseStudyConfig("training:\n  epochs: 4\n").snapshots).toEqual([0, 1, 2, 5, 10, 20]);
    expect(errorOf("network:\n  hidden:\n    - [20, 10]\n    - [30, 0]\n")).toBe(
      "config.yaml:4: network.hidden[1][1]: must be an integer 1..4096",
    );
    expect(errorOf("data:\n  - tree\n  - { set: clusters, batch: 0 }\n")).toBe(
      "config.yaml:3: data[1].batch: must be an integer 1..1000000",
    );
    expect(errorOf("data:\n  - tree\n  - { set: clusters, epoch: 3 }\n")).toMatch(
      /^config\.yaml:3: data\[1\]: unknown key `epoch`; allowed keys: set, hidden, batch, epochs, cutoff, samples$/,
    );
    expect(errorOf("data:\n  - tree\n  - { set: tree, hidden: [20, 10] }\n")).toMatch(
      /^config\.yaml:3: data\[1\]: data set tree is listed twice/,
    );
    expect(errorOf("data:\n  - tree\n  - { set: clusters, cutoff: 0.3 }\n")).toMatch(
      /^config\.yaml:3: data\[1\]\.cutoff: the data sets of architecture 30-30 are binned as one group and must share one cut-off/,
    );
  });
});
