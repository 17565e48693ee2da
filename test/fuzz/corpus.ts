/**
 * The fuzz corpus (issue 13, item 6): a seeded generator of bad or odd inputs for every command
 * and format — edge lists, graph JSON, .h5 and other model files, IDX folders, CSV data sets,
 * study YAML and command-line flags. Each case says which files to create (relative to its own
 * folder), the arguments (`@/` stands for that folder) and what must happen: a clear error
 * (exit 2, one stderr line naming `names` and, when given, the line) or a result.
 *
 * The same seed gives the same corpus, so a failing case can be replayed by its name.
 */
import { Rng } from "../../src/core/random.js";
import { encodeIdx } from "../../src/data/idx-dataset.js";

export type Format = "edge-list" | "graph-json" | "model" | "idx" | "csv" | "yaml" | "flags";

/** A file's content; `DIR` makes a folder. */
export const DIR = Symbol("dir");
export type FileContent = string | Uint8Array | typeof DIR;

export interface ErrorExpectation {
  readonly kind: "error";
  /** The text the one stderr line must contain (a file name, `file:line`, a flag). */
  readonly names: string;
  /** What the message must say (the problem). */
  readonly says?: RegExp;
}

/** Either a clear error (as ErrorExpectation) or a successful run (random junk may stay valid). */
export interface EitherExpectation {
  readonly kind: "error-or-result";
  readonly names: string;
}

export interface ResultExpectation {
  readonly kind: "result";
  /** Checks stdout (and the case folder) of a run that must succeed. */
  readonly check?: "same-census-as-reference" | "prints-config" | "writes-graphs";
  /** A warning the stderr must contain. */
  readonly warns?: RegExp;
}

export interface FuzzCase {
  readonly name: string;
  readonly format: Format;
  readonly files: Readonly<Record<string, FileContent>>;
  readonly args: readonly string[];
  readonly expect: ErrorExpectation | ResultExpectation | EitherExpectation;
  /** For "same-census-as-reference": the arguments of the equivalent plain census. */
  readonly reference?: readonly string[];
  /** Slow cases (TensorFlow.js training, h5wasm) are few and marked, so the runner can time them apart. */
  readonly slow?: boolean;
}

const CENSUS_QUICK = ["-r", "3", "--threads", "1", "-q"];

/** A small random simple digraph as `src trg colour` lines (ids 0..n-1, every id used). */
function randomEdges(rng: Rng, n: number, m: number, colours = 3): Array<[number, number, number]> {
  const edges: Array<[number, number, number]> = [];
  const seen = new Set<number>();
  m = Math.min(m, Math.floor((n * (n - 1)) / 2)); // well below the n(n−1) possible pairs
  // A path through every node first, so every id has an edge and the graph is connected.
  for (let v = 0; v + 1 < n; v++) {
    edges.push([v, v + 1, 1 + rng.int(colours)]);
    seen.add(v * n + v + 1);
  }
  while (edges.length < m) {
    const s = rng.int(n);
    const t = rng.int(n);
    if (s === t || seen.has(s * n + t)) continue;
    seen.add(s * n + t);
    edges.push([s, t, 1 + rng.int(colours)]);
  }
  return edges;
}

const lines = (edges: ReadonlyArray<readonly number[]>): string =>
  edges.map((e) => e.join(" ")).join("\n") + "\n";

/** Tokens that are not a node id or a colour. */
const BAD_TOKENS = [
  "-1",
  "1.5",
  "x",
  "1e3",
  "0x10",
  "∞",
  "NaN",
  "2147483647",
  "99999999999",
  "+3",
  "٣",
  "1,2",
];

/**
 * A non-integer id token is a node name (issue 10): files like "a b" or "-1 2" read as two named
 * nodes, which a 3-node census then refuses as too small.
 */
const TOO_FEW_NAMES = /fewer than the subgraph size/;

/** Integers, so an id position keeps refusing them (above MAX_NODE_ID) rather than naming a node. */
const isInteger = (token: string): boolean => /^\d+$/.test(token);

/** The edge lines with every id token replaced by its order of first appearance (0, 1, …). */
function firstAppearanceIds(text: readonly string[]): string {
  const ids = new Map<string, number>();
  const id = (name: string): number => {
    if (!ids.has(name)) ids.set(name, ids.size);
    return ids.get(name) as number;
  };
  return (
    text
      .map((l) =>
        l
          .split(" ")
          .map((f, i) => (i < 2 ? String(id(f)) : f))
          .join(" "),
      )
      .join("\n") + "\n"
  );
}

function edgeListCases(rng: Rng): FuzzCase[] {
  const out: FuzzCase[] = [];
  const fixed: Array<[string, string, RegExp]> = [
    ["empty file", "", /empty/],
    ["whitespace only", "  \n\t\n   \n", /empty|no edges/],
    ["comments only", "# a graph\n# nothing here\n", /no edges/],
    ["one field", "0 1\n7\n", /1 fields/],
    ["four fields", "0 1 2 3\n", /4 fields/],
    ["letters", "a b\n", TOO_FEW_NAMES],
    ["negative id", "-1 2\n", TOO_FEW_NAMES],
    ["fraction id", "1.5 2\n", TOO_FEW_NAMES],
    ["self-loop", "0 1\n2 2\n", /self-loop/],
    ["duplicate edge", "0 1\n1 2\n0 1\n", /duplicate/],
    ["mixed columns", "0 1 1\n1 2\n", /columns/],
    ["colour 0", "0 1 0\n", /colour/],
    ["colour 8", "0 1 8\n", /colour/],
    ["colour word", "0 1 red\n", /colour/],
    ["id above the limit", "0 2147483647\n", /node id/],
    ["huge id", "0 1000000000000000000000000000000\n", /node id/],
    ["hex id", "0x1 2\n", TOO_FEW_NAMES],
    ["NUL bytes", "0 1\n\0\0\0\n", /binary|fields|node id/],
    ["a model's bytes", "\uFFFDHDF\r\n\u001a\n", /binary/],
    ["long garbage line", "0 1\n" + "z".repeat(200_000) + "\n", /fields|node id/],
    ["comma separated", "0,1\n1,2\n", /fields/],
    ["semicolon list", "0 1;1 2\n", TOO_FEW_NAMES],
  ];
  for (const [name, text, says] of fixed) {
    out.push({
      name: `edge list: ${name}`,
      format: "edge-list",
      files: { "g.txt": text },
      args: ["census", "@/g.txt", ...CENSUS_QUICK],
      expect: { kind: "error", names: "g.txt", says },
    });
  }
  // Fewer nodes with edges than the subgraph size.
  for (const [text, k] of [
    ["0 1\n", 3],
    ["0 1\n1 2\n", 4],
    ["0 2000000000\n", 3],
    ["5 9\n9 5\n", 3],
    ["0 1\n1 2\n2 0\n", 5],
  ] as const) {
    out.push({
      name: `edge list: ${JSON.stringify(text.trim())} at size ${k}`,
      format: "edge-list",
      files: { "g.txt": text },
      args: ["census", "@/g.txt", "-k", String(k), ...CENSUS_QUICK],
      expect: { kind: "error", names: "g.txt", says: /fewer than the subgraph size/ },
    });
  }
  // Random corruptions of a valid graph: one token of one line replaced; the message names the line.
  for (let c = 0; c < 70; c++) {
    const edges = randomEdges(rng, 6 + rng.int(20), 30 + rng.int(30));
    const text = edges.map((e) => e.join(" "));
    const at = rng.int(text.length);
    const fields = text[at].split(" ");
    const kind = rng.int(4);
    let named = false; // a non-integer id token: the file's ids become names (issue 10)
    if (kind === 0) {
      const position = rng.int(3);
      fields[position] = BAD_TOKENS[rng.int(BAD_TOKENS.length)];
      named = position < 2 && !isInteger(fields[position]);
    } else if (kind === 1) fields.push(String(rng.int(9)));
    else if (kind === 2) fields[2] = String(8 + rng.int(100));
    else fields[1] = fields[0]; // a self-loop
    // "2147483647" as a colour, "+3" … are all errors too; an id token that parses stays an error
    // only if it is not a plain integer ≤ the limit, so plain in-range integers are avoided above.
    text[at] = fields.join(" ");
    if (named) {
      // Names in first-appearance order give the graph of the renumbered file, census and all.
      out.push({
        name: `edge list: named node on line ${at + 1} (#${c})`,
        format: "edge-list",
        files: { "g.txt": text.join("\n") + "\n", "ref.txt": firstAppearanceIds(text) },
        args: ["census", "@/g.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
        reference: ["census", "@/ref.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
        expect: { kind: "result", check: "same-census-as-reference" },
      });
      continue;
    }
    out.push({
      name: `edge list: corrupted line ${at + 1} (#${c})`,
      format: "edge-list",
      files: { "g.txt": text.join("\n") + "\n" },
      args: ["census", "@/g.txt", "-k", "3", ...CENSUS_QUICK],
      expect: { kind: "error", names: `g.txt:${at + 1}:` },
    });
  }
  // Valid but odd: sparse and huge ids give the census of the relabelled graph.
  for (let c = 0; c < 12; c++) {
    const n = 5 + rng.int(10);
    const edges = randomEdges(rng, n, n + 4 + rng.int(10));
    const ids: number[] = [];
    let id = rng.int(3);
    for (let v = 0; v < n; v++) {
      ids.push(id);
      id += 1 + rng.int(c < 6 ? 300_000_000 : 1000);
    }
    const sparse = edges.map(([s, t, col]) => [ids[s], ids[t], col]);
    out.push({
      name: `edge list: sparse ids up to ${ids[n - 1]} (#${c})`,
      format: "edge-list",
      files: { "g.txt": lines(sparse), "ref.txt": lines(edges) },
      args: ["census", "@/g.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
      reference: ["census", "@/ref.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
      expect: { kind: "result", check: "same-census-as-reference" },
    });
  }
  // Valid but odd: CRLF, tabs, comments and blank lines give the plain file's census.
  const formatting: Array<[string, (t: string) => string]> = [
    ["CRLF line ends", (t) => t.replace(/\n/g, "\r\n")],
    ["tabs and padding", (t) => t.replace(/ /g, "\t  ").replace(/^/gm, "   ")],
    ["comments and blank lines", (t) => `# header\n\n${t.replace(/\n/g, "  # edge\n\n")}`],
    ["no final newline", (t) => t.trimEnd()],
    ["byte order mark", (t) => `\uFEFF${t}`],
  ];
  for (const [name, transform] of formatting) {
    const edges = randomEdges(rng, 12, 30);
    out.push({
      name: `edge list: ${name}`,
      format: "edge-list",
      files: { "g.txt": transform(lines(edges)), "ref.txt": lines(edges) },
      args: ["census", "@/g.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
      reference: ["census", "@/ref.txt", "-k", "3", "--format", "json", ...CENSUS_QUICK],
      expect: { kind: "result", check: "same-census-as-reference" },
    });
  }
  // --layers with trailing units that have no edges; inferred layers warn with their sizes.
  const layered = "0 2 1\n0 3 2\n1 3 1\n1 2 2\n2 4 1\n3 4 2\n3 5 1\n2 5 1\n";
  out.push({
    name: "edge list: --layers beyond the highest id (trailing isolated units)",
    format: "edge-list",
    files: { "g.txt": layered, "ref.txt": layered },
    args: [
      "census",
      "@/g.txt",
      "--null",
      "layered",
      "--layers",
      "2,2,4",
      "--format",
      "json",
      ...CENSUS_QUICK,
    ],
    reference: [
      "census",
      "@/ref.txt",
      "--null",
      "layered",
      "--layers",
      "2,2,2",
      "--format",
      "json",
      ...CENSUS_QUICK,
    ],
    expect: { kind: "result", check: "same-census-as-reference" },
  });
  out.push({
    name: "edge list: --null layered without --layers warns with the inferred sizes",
    format: "edge-list",
    files: { "g.txt": layered },
    args: ["census", "@/g.txt", "--null", "layered", "-r", "3", "--threads", "1"],
    expect: { kind: "result", warns: /inferred by longest path: layer sizes 2,2,2/ },
  });
  return out;
}

function graphJsonCases(rng: Rng): FuzzCase[] {
  const base = {
    format: "nnmotifs-graph",
    version: 1,
    nodeCount: 4,
    edges: { src: [0, 1, 2], trg: [1, 2, 3], colour: [1, 2, 1] },
  };
  const doc = (patch: (d: Record<string, unknown>) => void): string => {
    const d = structuredClone(base) as unknown as Record<string, unknown>;
    patch(d);
    return JSON.stringify(d);
  };
  const edges = (d: Record<string, unknown>) => d.edges as Record<string, unknown>;
  const fixed: Array<[string, string, RegExp]> = [
    ["truncated", JSON.stringify(base).slice(0, 40), /not valid JSON/],
    ["trailing comma", JSON.stringify(base).replace(/}$/, ",}"), /not valid JSON/],
    ["wrong format", doc((d) => (d.format = "graph")), /format/],
    ["version 2", doc((d) => (d.version = 2)), /version/],
    ["nodeCount -1", doc((d) => (d.nodeCount = -1)), /nodeCount/],
    ["nodeCount 2.5", doc((d) => (d.nodeCount = 2.5)), /nodeCount/],
    ["nodeCount 2^31", doc((d) => (d.nodeCount = 2 ** 31)), /nodeCount/],
    ["nodeCount string", doc((d) => (d.nodeCount = "4")), /nodeCount/],
    ["no edges field", doc((d) => delete d.edges), /edges/],
    ["edges an array", doc((d) => (d.edges = [])), /edges/],
    ["empty edge arrays", doc((d) => (d.edges = { src: [], trg: [], colour: [] })), /no edges/],
    ["trg shorter", doc((d) => (edges(d).trg = [1, 2])), /edges\.trg/],
    ["colour missing", doc((d) => delete edges(d).colour), /colour/],
    ["node outside nodeCount", doc((d) => (edges(d).trg = [1, 2, 9])), /outside/],
    ["negative node", doc((d) => (edges(d).src = [0, -1, 2])), /src/],
    ["self-loop", doc((d) => (edges(d).trg = [1, 2, 2])), /self-loop/],
    [
      "duplicate edge",
      doc((d) => {
        edges(d).src = [0, 0, 2];
        edges(d).trg = [1, 1, 3];
      }),
      /duplicate/,
    ],
    ["colour 0", doc((d) => (edges(d).colour = [1, 0, 1])), /colour/],
    ["colour 9", doc((d) => (edges(d).colour = [1, 9, 1])), /colour/],
    ["weights too few", doc((d) => (edges(d).weight = [0.5])), /weight/],
    ["layerSizes bad sum", doc((d) => (d.layerSizes = [1, 1])), /layerSizes/],
    ["layerSizes zero", doc((d) => (d.layerSizes = [0, 4])), /layerSizes/],
    ["nodeLayer short", doc((d) => (d.nodeLayer = [0, 1])), /nodeLayer/],
    ["nodeBias short", doc((d) => (d.nodeBias = [null])), /nodeBias/],
    ["nodeBias string", doc((d) => (d.nodeBias = ["a", null, null, null])), /nodeBias/],
    ["top level array", "[1, 2, 3]", /top level|not valid|invalid/],
    [
      "deep nesting",
      "{" + '"a":['.repeat(50_000) + "]".repeat(50_000) + "}",
      /not valid JSON|invalid/,
    ],
    [
      "a model file",
      JSON.stringify({ format: "nnmotifs-model", version: 1 }),
      /model, not a graph/,
    ],
    [
      "a tfjs model",
      JSON.stringify({ modelTopology: {}, weightsManifest: [] }),
      /model, not a graph/,
    ],
    ["meta not an object", doc((d) => (d.meta = 3)), /meta/],
  ];
  const out: FuzzCase[] = fixed.map(([name, text, says]) => ({
    name: `graph JSON: ${name}`,
    format: "graph-json" as const,
    files: { "g.json": text },
    args: ["census", "@/g.json", ...CENSUS_QUICK],
    expect: { kind: "error" as const, names: "g.json", says },
  }));
  // Random wrong-typed values in random fields.
  const fields = [
    "nodeCount",
    "version",
    "edges.src",
    "edges.trg",
    "edges.colour",
    "layerSizes",
    "nodeLayer",
  ];
  const values: unknown[] = [null, "x", -3, 1.25, [], [-1], ["a"], { a: 1 }, true, 1e300];
  for (let c = 0; c < 25; c++) {
    const field = fields[rng.int(fields.length)];
    const value = values[rng.int(values.length)];
    const text = doc((d) => {
      if (field.startsWith("edges.")) edges(d)[field.slice(6)] = value;
      else d[field] = value;
    });
    out.push({
      name: `graph JSON: ${field} = ${JSON.stringify(value)} (#${c})`,
      format: "graph-json",
      files: { "g.json": text },
      args: ["census", "@/g.json", ...CENSUS_QUICK],
      expect: { kind: "error", names: "g.json" },
    });
  }
  // Valid but odd: a huge nodeCount with few edges is the census of the edges.
  for (const nodeCount of [2147483647, 100_000_000, 70_000]) {
    const text = JSON.stringify({
      ...base,
      nodeCount,
      edges: { src: [0, 1, 2, 0], trg: [1, 2, 3, 3], colour: [1, 2, 1, 1] },
    });
    out.push({
      name: `graph JSON: nodeCount ${nodeCount} with 4 edges`,
      format: "graph-json",
      files: { "g.json": text, "ref.txt": "0 1 1\n1 2 2\n2 3 1\n0 3 1\n" },
      args: ["census", "@/g.json", "--format", "json", ...CENSUS_QUICK],
      reference: ["census", "@/ref.txt", "--format", "json", ...CENSUS_QUICK],
      expect: { kind: "result", check: "same-census-as-reference" },
    });
  }
  return out;
}

function censusFlagCases(): FuzzCase[] {
  const graph = "0 1 1\n1 2 2\n2 0 1\n2 3 1\n3 4 2\n4 0 1\n";
  const bad: Array<[string[], string]> = [
    [["-k", "1"], "--size"],
    [["-k", "9"], "--size"],
    [["-k", "three"], "--size"],
    [["-k", ""], "--size"],
    [["-r", "-1"], "--random"],
    [["-r", "1e9"], "--random"],
    [["-r", "2000000"], "--random"],
    [["--null", "erdos"], "--null"],
    [["--format", "xml"], "--format"],
    [["--seed", "-1"], "--seed"],
    [["--seed", "4294967296"], "--seed"],
    [["--threads", "0"], "--threads"],
    [["--threads", "many"], "--threads"],
    [["-e", "-2"], "--exchanges"],
    [["-t", "0"], "--tries"],
    [["--layers", "3,,4"], "--layers"],
    [["--layers", "0"], "--layers"],
    [["--layers", "a,b"], "--layers"],
    [["--null", "layered", "--layers", "1,1"], "layer sizes"],
    [["--sample", "0.5"], "--sample"],
    [["--sample", "0,1,1"], "--sample"],
    [["--sample", "1,1,2"], "--sample"],
    [["--vertex-colours", "degree"], "--vertex-colours"],
    [["--max-memory", "1K"], "--max-memory"],
    [["--max-memory", "lots"], "--max-memory"],
    [["--max-memory", "2M"], "memory"],
    [["--out", "@/"], "@/"],
    [["--out", "@/g.txt/x.json"], "g.txt"],
    [["--no-such-flag"], "--no-such-flag"],
    [["--size"], "--size"],
    [["-k", "3", "extra-argument"], "argument"],
  ];
  return bad.map(([flags, names], c) => ({
    name: `flags: census ${flags.join(" ")} (#${c})`,
    format: "flags" as const,
    files: { "g.txt": graph },
    args: ["census", "@/g.txt", "-r", "3", "--threads", "1", ...flags],
    expect: { kind: "error" as const, names },
  }));
}

function csvCases(rng: Rng): FuzzCase[] {
  const header = "x1,x2,x3,label\n";
  const rows = Array.from(
    { length: 30 },
    (_, i) => `${(i % 7) / 7},${(i % 3) / 3},${i % 2},${i % 2}`,
  );
  const good = header + rows.join("\n") + "\n";
  const fixed: Array<[string, FileContent, RegExp]> = [
    ["empty", "", /empty/],
    ["blank lines only", "\n\n  \n", /empty/],
    ["header only", header, /no data rows/],
    ["no label column", "a,b,c\n1,2,3\n", /label/],
    ["one column", "label\n1\n0\n", /feature column/],
    ["ragged row", header + "1,2,3,0\n1,2,1\n", /columns/],
    ["text cell", header + "1,abc,3,0\n", /not a number/],
    ["NaN cell", header + "1,NaN,3,0\n", /not a number/],
    ["Infinity cell", header + "1,Infinity,3,0\n", /not a number/],
    ["empty cell", header + "1,,3,0\n", /not a number/],
    ["negative label", header + "1,2,3,-1\n1,2,3,1\n", /label/],
    ["fraction label", header + "1,2,3,0.5\n1,2,3,1\n", /label/],
    ["label 100000000", header + "1,2,3,100000000\n1,2,3,0\n", /too large/],
    ["sparse labels 0 and 5000", header + "1,2,3,5000\n1,2,3,0\n", /distinct classes/],
    ["a single class", header + "1,2,3,0\n4,5,6,0\n", /at least 2/],
    ["binary", new Uint8Array([0x1f, 0x8b, 0, 1, 2, 255, 0, 0]), /number|label|columns|feature/],
    ["a directory", DIR, /directory/],
  ];
  const out: FuzzCase[] = fixed.map(([name, content, says]) => ({
    name: `CSV: ${name}`,
    format: "csv" as const,
    files: { "d.csv": content },
    args: ["train", "-d", "csv:@/d.csv", "--epochs", "1", "-o", "@/out", "-q"],
    expect: { kind: "error" as const, names: "d.csv", says },
  }));
  out.push({
    name: "CSV: missing file",
    format: "csv",
    files: {},
    args: ["train", "-d", "csv:@/none.csv", "--epochs", "1", "-o", "@/out", "-q"],
    expect: { kind: "error", names: "none.csv", says: /no such file/ },
  });
  // Random corruptions of one cell: the message names the line.
  const junk = ["x", "", "NaN", "1..2", "--1", "1e", "#", "Infinity", '"3"'];
  for (let c = 0; c < 22; c++) {
    const lines = good.trimEnd().split("\n");
    const at = 1 + rng.int(lines.length - 1);
    const cells = lines[at].split(",");
    cells[rng.int(cells.length)] = junk[rng.int(junk.length)];
    lines[at] = cells.join(",");
    out.push({
      name: `CSV: corrupted line ${at + 1} (#${c})`,
      format: "csv",
      files: { "d.csv": lines.join("\n") + "\n" },
      args: ["train", "-d", "csv:@/d.csv", "--epochs", "1", "-o", "@/out", "-q"],
      expect: { kind: "error", names: `d.csv:${at + 1}:` },
    });
  }
  // Training flags that are refused before any work.
  const flags: Array<[string[], string]> = [
    [["--hidden", "200000,200000"], "memory"],
    [["--hidden", "0"], "--hidden"],
    [["--hidden", "30,,30"], "--hidden"],
    [["--epochs", "-1"], "--epochs"],
    [["--batch", "0"], "--batch"],
    [["--lr", "0"], "--lr"],
    [["--momentum", "1"], "--momentum"],
    [["--init", "zeros"], "--init"],
    [["--backend", "gpu"], "--backend"],
    [["--subset", "0"], "--subset"],
    [["-o", "@/d.csv"], "d.csv"],
  ];
  for (const [f, names] of flags) {
    out.push({
      name: `flags: train ${f.join(" ")}`,
      format: "flags",
      files: { "d.csv": good },
      args: ["train", "-d", "csv:@/d.csv", "--epochs", "1", "-o", "@/out", "-q", ...f],
      expect: { kind: "error", names },
    });
  }
  out.push({
    name: "flags: train --data with an unknown kind",
    format: "flags",
    files: {},
    args: ["train", "-d", "parquet:x", "-o", "@/out", "-q"],
    expect: { kind: "error", names: "parquet:x" },
  });
  return out;
}

function idxCases(): FuzzCase[] {
  const images = (n: number, rows: number, cols: number) =>
    encodeIdx([n, rows, cols], new Uint8Array(n * rows * cols).fill(7));
  const labels = (n: number, value = 1) => encodeIdx([n], new Uint8Array(n).fill(value));
  const folder = (
    parts: Partial<Record<"ti" | "tl" | "si" | "sl", FileContent>>,
  ): Record<string, FileContent> => ({
    "mnist/train-images-idx3-ubyte": parts.ti ?? images(6, 2, 2),
    "mnist/train-labels-idx1-ubyte": parts.tl ?? labels(6),
    "mnist/t10k-images-idx3-ubyte": parts.si ?? images(2, 2, 2),
    "mnist/t10k-labels-idx1-ubyte": parts.sl ?? labels(2),
  });
  const bad: Array<[string, Record<string, FileContent>, string, RegExp]> = [
    ["0 pixels (rows 0)", folder({ ti: images(6, 0, 28) }), "train-images", /empty IDX array/],
    ["0 pixels (cols 0)", folder({ si: images(2, 2, 0) }), "t10k-images", /empty IDX array/],
    ["0 images", folder({ ti: images(0, 2, 2), tl: labels(0) }), "train-images", /empty IDX array/],
    ["wrong magic", folder({ ti: new Uint8Array([1, 2, 3, 4, 5]) }), "train-images", /magic/],
    [
      "int32 data",
      folder({ tl: new Uint8Array([0, 0, 0x0c, 1, 0, 0, 0, 1, 0, 0, 0, 0]) }),
      "train-labels",
      /data type/,
    ],
    [
      "truncated header",
      folder({ ti: new Uint8Array([0, 0, 8, 3, 0, 0]) }),
      "train-images",
      /truncated/,
    ],
    [
      "truncated data",
      folder({ ti: images(6, 2, 2).subarray(0, 20) }),
      "train-images",
      /truncated/,
    ],
    ["label count mismatch", folder({ tl: labels(5) }), "train-labels", /labels for/],
    ["label 12", folder({ tl: labels(6, 12) }), "train-labels", /out of range/],
    ["labels 2-D", folder({ tl: encodeIdx([3, 2], new Uint8Array(6)) }), "train-labels", /1-D/],
    [
      "images 1-D",
      folder({ ti: encodeIdx([6], new Uint8Array(6)) }),
      "train-images",
      /image array/,
    ],
    [
      "corrupt gzip",
      folder({ ti: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]) }),
      "train-images",
      /gzip/,
    ],
    ["test pixels differ", folder({ si: images(2, 3, 3) }), "mnist", /pixels/],
    [
      "huge declared size",
      folder({ ti: encodeIdx([60000, 60000, 60000], new Uint8Array(8)) }),
      "train-images",
      /truncated/,
    ],
    [
      "a file is a folder",
      { ...folder({}), "mnist/train-labels-idx1-ubyte": DIR },
      "train-labels",
      /directory/,
    ],
  ];
  const out: FuzzCase[] = bad.map(([name, files, names, says]) => ({
    name: `IDX: ${name}`,
    format: "idx" as const,
    files,
    args: ["train", "-d", "idx:@/mnist", "--epochs", "1", "-o", "@/out", "-q"],
    expect: { kind: "error" as const, names, says },
  }));
  const { "mnist/t10k-labels-idx1-ubyte": _dropped, ...missing } = folder({});
  void _dropped;
  out.push(
    {
      name: "IDX: a file missing",
      format: "idx",
      files: missing,
      args: ["train", "-d", "idx:@/mnist", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "mnist", says: /missing t10k-labels/ },
    },
    {
      name: "IDX: no such folder",
      format: "idx",
      files: {},
      args: ["train", "-d", "idx:@/nothing", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "nothing", says: /no such file/ },
    },
    {
      name: "IDX: a file, not a folder",
      format: "idx",
      files: { "mnist.gz": "x" },
      args: ["train", "-d", "idx:@/mnist.gz", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "mnist.gz", says: /not a folder/ },
    },
  );
  return out;
}

function modelCases(rng: Rng): FuzzCase[] {
  const hdf5 = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
  const noise = (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
  const withSignature = (n: number) => {
    const bytes = noise(n);
    bytes.set(hdf5, 0);
    return bytes;
  };
  const native = {
    format: "nnmotifs-model",
    version: 1,
    layers: [{ name: "d1", units: 2, activation: "relu", kernel: [[1, 2]], bias: [0, 0] }],
  };
  const bad: Array<[string, FileContent, RegExp | undefined]> = [
    ["empty file", "", undefined],
    ["text", "hello\n", undefined],
    ["random bytes", noise(300), undefined],
    ["JSON array", "[]", undefined],
    ["JSON without format", '{"a": 1}', undefined],
    [
      "native model, NaN token",
      JSON.stringify(native).replace("[1,2]", "[NaN,2]"),
      /NaN is not a JSON number/,
    ],
    [
      "native model, -Infinity token",
      JSON.stringify(native, null, 1).replace(/2\n/, "-Infinity\n"),
      /-Infinity is not a JSON number/,
    ],
    ["native model, truncated", JSON.stringify(native).slice(0, 60), /not valid JSON/],
    ["native model, no layers", JSON.stringify({ ...native, layers: [] }), undefined],
    [
      "native model, wrong kernel shape",
      JSON.stringify({ ...native, layers: [{ ...native.layers[0], kernel: [[1]] }] }),
      undefined,
    ],
    [
      "tfjs model.json without shards",
      JSON.stringify({
        modelTopology: {},
        weightsManifest: [{ paths: ["group1-shard1of1.bin"], weights: [] }],
      }),
      undefined,
    ],
    [
      "graph JSON without weights",
      JSON.stringify({
        format: "nnmotifs-graph",
        version: 1,
        nodeCount: 2,
        edges: { src: [0], trg: [1], colour: [1] },
      }),
      undefined,
    ],
    ["a directory", DIR, /directory/],
  ];
  const out: FuzzCase[] = bad.map(([name, content, says]) => ({
    name: `model: ${name}`,
    format: "model" as const,
    files: { "m.json": content },
    args: ["graph", "@/m.json", "-o", "@/out", "-q"],
    expect: { kind: "error" as const, names: "m.json", says },
  }));
  for (const [name, content] of [
    ["signature only", hdf5],
    ["signature and garbage", withSignature(2048)],
    ["truncated signature", hdf5.subarray(0, 5)],
    ["empty .h5", new Uint8Array(0)],
  ] as const) {
    out.push({
      name: `.h5: ${name}`,
      format: "model",
      files: { "m.h5": content },
      args: ["graph", "@/m.h5", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "m.h5" },
      slow: true,
    });
  }
  out.push(
    {
      name: ".h5: a directory",
      format: "model",
      files: { "m.h5": DIR },
      args: ["graph", "@/m.h5", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "m.h5", says: /directory/ },
    },
    {
      name: ".h5: missing",
      format: "model",
      files: {},
      args: ["graph", "@/m.h5", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "m.h5", says: /no such file/ },
    },
    {
      name: "flags: graph --out is a file",
      format: "flags",
      files: { "m.json": JSON.stringify(native), "o.txt": "x" },
      args: ["graph", "@/m.json", "-o", "@/o.txt/sub", "-q"],
      expect: { kind: "error", names: "o.txt" },
    },
    {
      name: "flags: graph --binning magic",
      format: "flags",
      files: { "m.json": JSON.stringify(native) },
      args: ["graph", "@/m.json", "--binning", "magic", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "--binning" },
    },
    {
      name: "flags: graph --cutoff 1.5",
      format: "flags",
      files: { "m.json": JSON.stringify(native) },
      args: ["graph", "@/m.json", "--cutoff", "1.5", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "--cutoff" },
    },
    {
      name: "flags: graph --quantile 0",
      format: "flags",
      files: { "m.json": JSON.stringify(native) },
      args: ["graph", "@/m.json", "--quantile", "0", "-o", "@/out", "-q"],
      expect: { kind: "error", names: "--quantile" },
    },
  );
  // `weights INITIAL TRAINED…`: the same bad model files, as either argument, and its --out.
  const good = JSON.stringify({
    format: "nnmotifs-model",
    version: 1,
    layerSizes: [3, 2],
    layers: [
      {
        name: "d1",
        nIn: 3,
        nOut: 2,
        activation: "softmax",
        kernel: [1, 2, -0.5, 0.25, -1.5, 0.1],
        bias: [0, 0],
      },
    ],
  });
  for (const [i, [name, content, says]] of bad.entries()) {
    const first = i % 2 === 0;
    out.push({
      name: `model: weights, ${first ? "initial" : "trained"} ${name}`,
      format: "model",
      files: { "m.json": content, "ok.json": good },
      args: ["weights", ...(first ? ["@/m.json", "@/ok.json"] : ["@/ok.json", "@/m.json"])],
      expect: { kind: "error", names: "m.json", says },
    });
  }
  out.push(
    {
      name: "model: weights, a missing model",
      format: "model",
      files: { "ok.json": good },
      args: ["weights", "@/ok.json", "@/none.json"],
      expect: { kind: "error", names: "none.json", says: /no such file/ },
    },
    {
      name: "flags: weights --out is a folder",
      format: "flags",
      files: { "a.json": good, "b.json": good.replace("0.25", "0.75"), "o/x": "x" },
      args: ["weights", "@/a.json", "@/b.json", "-o", "@/o"],
      expect: { kind: "error", names: "/o", says: /is a directory/ },
    },
    {
      name: "flags: weights --out below a file",
      format: "flags",
      files: { "a.json": good, "b.json": good.replace("0.25", "0.75"), "f.txt": "x" },
      args: ["weights", "@/a.json", "@/b.json", "-o", "@/f.txt/x.txt"],
      expect: { kind: "error", names: "f.txt", says: /is a file, not a folder/ },
    },
    {
      name: "model: weights of two good models",
      format: "model",
      files: { "a.json": good, "b.json": good.replace("0.25", "0.75") },
      args: ["weights", "@/a.json", "@/b.json", "--format", "csv"],
      expect: { kind: "result" },
    },
    {
      name: "flags: weights --format xml",
      format: "flags",
      files: { "a.json": good, "b.json": good },
      args: ["weights", "@/a.json", "@/b.json", "--format", "xml"],
      expect: { kind: "error", names: "--format" },
    },
  );
  return out;
}

function yamlCases(rng: Rng): FuzzCase[] {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from({ length: 8 }, (_, i) => {
      const prev = i === 0 ? "a" : String.fromCharCode(98 + i - 1);
      const name = String.fromCharCode(98 + i);
      return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
    }),
  ].join("\n");
  const bad: Array<[string, FileContent, RegExp]> = [
    ["alias bomb", bomb + "\n", /YAML|alias|unknown key/],
    ["syntax error", "motifs: [1, 2\n", /not valid YAML/],
    ["bad indentation", "motifs:\n  sizes: [3]\n   nulls: x\n", /not valid YAML/],
    ["unknown key", "colour: red\n", /unknown key/],
    ["wrong type", "seed: abc\n", /seed/],
    ["sizes out of range", "motifs:\n  sizes: [9]\n", /sizes/],
    ["duplicate key", "seed: 1\nseed: 2\n", /not valid YAML|duplicate|unique/i],
    ["top-level list", "- 1\n- 2\n", /mapping|top level|expected|object/i],
    ["tab indentation", "motifs:\n\tsizes: [3]\n", /not valid YAML/],
    ["binary", new Uint8Array([0, 1, 2, 3, 0xff, 0xfe]), /YAML|top level|expected/i],
    ["over 1 MiB", "# " + "x".repeat(2 ** 20 + 10) + "\n", /MiB/],
    ["a directory", DIR, /directory/],
    ["undefined alias", "seed: *nothing\n", /not valid YAML|alias/i],
  ];
  const out: FuzzCase[] = bad.map(([name, content, says]) => ({
    name: `YAML: ${name}`,
    format: "yaml" as const,
    files: { "study.yaml": content },
    args: ["study", "-c", "@/study.yaml", "--print-config"],
    expect: { kind: "error" as const, names: "study.yaml", says },
  }));
  out.push({
    name: "YAML: missing file",
    format: "yaml",
    files: {},
    args: ["study", "-c", "@/none.yaml", "--print-config"],
    expect: { kind: "error", names: "none.yaml", says: /no such file/ },
  });
  // Random garbage lines into a valid config: an error or a valid config, never a crash.
  const valid = "seed: 3\nmotifs:\n  sizes: [3]\n  randomNetworks: 10\n";
  const junk = [
    "::",
    "- -",
    "{",
    "]",
    "? x",
    "&a",
    "*b",
    "!!binary x",
    "%YAML 9",
    "'",
    "|\n x",
    "seed: 1e999",
  ];
  for (let c = 0; c < 15; c++) {
    const lines = valid.trimEnd().split("\n");
    const at = rng.int(lines.length + 1);
    lines.splice(at, 0, junk[rng.int(junk.length)]);
    out.push({
      name: `YAML: junk at line ${at + 1} (#${c})`,
      format: "yaml",
      files: { "study.yaml": lines.join("\n") + "\n" },
      args: ["study", "-c", "@/study.yaml", "--print-config"],
      expect: { kind: "error-or-result", names: "study.yaml" },
    });
  }
  out.push(
    {
      name: "YAML: a few aliases are fine",
      format: "yaml",
      files: { "study.yaml": "seed: &x 3\nmotifs:\n  randomNetworks: *x\n" },
      args: ["study", "-c", "@/study.yaml", "--print-config"],
      expect: { kind: "result", check: "prints-config" },
    },
    {
      name: "YAML: comments and CRLF",
      format: "yaml",
      files: { "study.yaml": "# study\r\nseed: 3 # the seed\r\n\r\n" },
      args: ["study", "-c", "@/study.yaml", "--print-config"],
      expect: { kind: "result", check: "prints-config" },
    },
    {
      name: "flags: study --threads 0",
      format: "flags",
      files: {},
      args: ["study", "--threads", "0", "--print-config"],
      expect: { kind: "error", names: "--threads" },
    },
    {
      name: "flags: study --out is a file",
      format: "flags",
      files: { "f.txt": "x" },
      args: ["study", "--out", "@/f.txt/results", "--print-config"],
      expect: { kind: "error", names: "f.txt" },
    },
  );
  return out;
}

/** The whole corpus for `seed`. */
export function fuzzCorpus(seed = 13): FuzzCase[] {
  const rng = new Rng(seed, 0xf022);
  return [
    ...edgeListCases(rng),
    ...graphJsonCases(rng),
    ...censusFlagCases(),
    ...csvCases(rng),
    ...idxCases(),
    ...modelCases(rng),
    ...yamlCases(rng),
  ];
}
