import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MODEL_FORMAT_TITLES, modelStem } from "../../src/cli/graph-command.js";
import { MODEL_AND_GRAPH_FORMATS } from "../../src/graph/graph-model-format.js";
import { Rng } from "../../src/core/random.js";
import { formatNativeModel } from "../../src/model/native-model.js";
import { HAVE_ANCHOR, REPO_ROOT, anchorFile } from "../anchor.js";
import { scratchDir } from "../scratch-dir.js";

const MAIN = join(REPO_ROOT, "dist", "cli", "main.js");

function nnmotifs(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): Set<string> => new Set(text.split(/\r?\n/).filter((l) => l !== ""));

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "graph-command.js"))) {
    throw new Error(
      "dist/ is not built: run `npm run build` (npm test does it) before the CLI tests.",
    );
  }
});

describe("nnmotifs graph MODEL... --binning paper --cutoff 0.55", () => {
  it.runIf(HAVE_ANCHOR)(
    "reproduces the published FANMOD files from the anchor's .h5 models (golden)",
    () => {
      const out = scratchDir("nnmotifs-graph-cli-");
      const r = nnmotifs(
        "graph",
        ...["init", "tree", "clus"].map((n) => anchorFile(`model_${n}.h5`)),
        "--binning",
        "paper",
        "--cutoff",
        "0.55",
        "--out",
        out,
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      for (const n of ["init", "tree", "clus"]) {
        const text = readFileSync(join(out, `model_${n}.fanmod.txt`), "utf8");
        const published = readFileSync(anchorFile(`${n}_w_Graph.txt`), "utf8");
        const ours = lines(text);
        expect(ours).toEqual(lines(published));
        // Stronger than the set: SPEC §4.1 order is the authors' order, line for line.
        expect(text.trimEnd().split("\n")).toEqual(published.trimEnd().split(/\r?\n/));
        const native = JSON.parse(readFileSync(join(out, `model_${n}.graph.json`), "utf8"));
        expect(native.layerSizes).toEqual([31, 30, 30, 4]);
        expect(native.edges.src.length).toBe(ours.size);
      }
      const binning = JSON.parse(readFileSync(join(out, "binning.json"), "utf8"));
      expect(binning.scheme).toBe("paper");
      expect(binning.options).toEqual({ cutoff: 0.55 });
      expect(binning.binEdges).toHaveLength(6);
      expect(binning.graphs.map((g: { edges: number }) => g.edges)).toEqual([344, 550, 477]);
      expect(binning.graphs[1].edgesPerColour).toEqual({ 1: 103, 2: 398, 3: 49 });
      expect(r.stdout).toMatch(/bin edges: /);
      expect(r.stdout).toMatch(/model_tree\s+95 nodes\s+550 edges/);
    },
  );
});

describe("nnmotifs graph (options and errors)", () => {
  const dir = scratchDir("nnmotifs-graph-cli-");
  const model = join(dir, "tiny.model.json");
  writeFileSync(
    model,
    formatNativeModel({
      layerSizes: [2, 2],
      layers: [
        {
          name: "d",
          nIn: 2,
          nOut: 2,
          kernel: Float64Array.from([-0.5, 0.25, 0, 1]),
          bias: Float64Array.from([0, 0]),
          activation: "linear",
        },
      ],
    }),
  );

  // A seeded 8-8-4 network: enough normal weights for the paper density to cross c × max twice.
  const wide = join(dir, "wide.model.json");
  const rng = new Rng(9);
  const dense = (name: string, nIn: number, nOut: number) => ({
    name,
    nIn,
    nOut,
    kernel: Float64Array.from({ length: nIn * nOut }, () => rng.normal() * 0.5),
    bias: new Float64Array(nOut),
    activation: "relu" as const,
  });
  writeFileSync(
    wide,
    formatNativeModel({ layerSizes: [8, 8, 4], layers: [dense("a", 8, 8), dense("b", 8, 4)] }),
  );

  it("--binning sign writes <stem>.fanmod.txt, <stem>.graph.json and binning.json", () => {
    const out = join(dir, "sign");
    const r = nnmotifs("graph", model, "--binning", "sign", "--out", out, "--quiet");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual(["binning.json", "tiny.fanmod.txt", "tiny.graph.json"]);
    expect(readFileSync(join(out, "tiny.fanmod.txt"), "utf8")).toBe("0 2 1\n0 3 3\n1 3 3\n");
  });

  it("exits 2 with one line naming the file for an unsupported model, writing nothing", () => {
    const fanmod = join(dir, "edges.txt");
    writeFileSync(fanmod, "0 1 1\n");
    const out = join(dir, "bad");
    const r = nnmotifs("graph", model, fanmod, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `nnmotifs: ${fanmod}: unsupported: not a model file. nnmotifs reads Keras .h5, Keras 3 .keras, PyTorch safetensors, ONNX, TensorFlow.js model.json, nnmotifs model JSON, and nnmotifs weighted graph JSON.\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on a corrupt .h5 with a clear message, not a stack trace", () => {
    const h5 = join(dir, "corrupt.h5");
    writeFileSync(
      h5,
      Buffer.concat([
        Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(100, 7),
      ]),
    );
    const r = nnmotifs("graph", h5, "--out", join(dir, "corrupt"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^nnmotifs: .*corrupt\.h5: cannot read HDF5 file: /);
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it.each([
    [
      ["--binning", "magic"],
      /invalid --binning "magic". Should be one of paper, sign, quantile, none/,
    ],
    [["--cutoff", "1.5"], /invalid --cutoff "1.5". Should be a number in \(0, 1\)/],
    [["--quantile", "x"], /invalid --quantile "x"/],
    [["--cutoff", "0.3,,0.5"], /invalid --cutoff "". Should be a number in \(0, 1\)/],
    [["--cutoff", "0.3,0.3"], /invalid --cutoff "0.3,0.3": 0.3 is given twice/],
    [
      ["--binning", "sign", "--cutoff", "0.3,0.5"],
      /several cut-offs only make sense with --binning paper/,
    ],
  ])("rejects %j with exit 2", (args, message) => {
    const r = nnmotifs("graph", model, ...args, "--out", join(dir, "never"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("--cutoff 0.3,0.55,0.8 writes one subfolder per value, each with its binning.json, and one summary each", () => {
    const out = join(dir, "sweep");
    const r = nnmotifs(
      "graph",
      wide,
      "--binning",
      "paper",
      "--cutoff",
      "0.3,0.55,0.8",
      "--out",
      out,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["c0.3", "c0.55", "c0.8"]);
    for (const c of [0.3, 0.55, 0.8]) {
      const sub = join(out, `c${c}`);
      expect(readdirSync(sub).sort()).toEqual([
        "binning.json",
        "wide.fanmod.txt",
        "wide.graph.json",
      ]);
      const binning = JSON.parse(readFileSync(join(sub, "binning.json"), "utf8"));
      expect(binning.options).toEqual({ cutoff: c });
    }
    expect(r.stdout.match(/^binning paper \(cutoff [0-9.]+\)/gm)).toEqual([
      "binning paper (cutoff 0.3)",
      "binning paper (cutoff 0.55)",
      "binning paper (cutoff 0.8)",
    ]);
    expect(r.stdout).toContain(`wrote 3 files to ${join(out, "c0.8")}`);
  });

  it("a single --cutoff writes straight into --out, the same files as a sweep's subfolder", () => {
    const single = join(dir, "single");
    const sweep = join(dir, "sweep2");
    expect(nnmotifs("graph", wide, "--cutoff", "0.55", "--out", single, "-q").status).toBe(0);
    expect(nnmotifs("graph", wide, "--cutoff", "0.3,0.55", "--out", sweep, "-q").status).toBe(0);
    expect(readdirSync(single).sort()).toEqual([
      "binning.json",
      "wide.fanmod.txt",
      "wide.graph.json",
    ]);
    for (const f of ["binning.json", "wide.fanmod.txt", "wide.graph.json"]) {
      expect(readFileSync(join(sweep, "c0.55", f), "utf8")).toBe(
        readFileSync(join(single, f), "utf8"),
      );
    }
  });

  it("refuses two models that would share an output name", () => {
    const r = nnmotifs("graph", model, model, "--out", join(dir, "twice"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/would both be written as "tiny"/);
  });
});

describe("nnmotifs graph of PyTorch safetensors, ONNX and Keras 3 .keras models", () => {
  const fixtures = join(REPO_ROOT, "test", "model", "fixtures");
  const dir = scratchDir("nnmotifs-graph-import-");
  const copies = ["mlp.safetensors", "mlp.onnx", "mlp-matmul.onnx", "mlp.keras", "mlp.h5"].map(
    (name, k) => {
      const copy = join(dir, `m${k}-${name.replace("mlp", "net")}`);
      copyFileSync(join(fixtures, name), copy);
      return copy;
    },
  );
  const stem = (path: string): string => modelStem(path);

  it.each([
    ["sign", 32],
    ["paper", 9],
  ])(
    "--binning %s writes the same FANMOD edge list for each format of one MLP",
    (scheme, edges) => {
      const out = join(dir, `out-${scheme}`);
      const r = nnmotifs("graph", ...copies, "--binning", String(scheme), "--out", out, "-q");
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const files = copies.map((c) => readFileSync(join(out, `${stem(c)}.fanmod.txt`), "utf8"));
      expect(files[0].trimEnd().split("\n")).toHaveLength(Number(edges));
      for (const f of files) expect(f).toBe(files[0]);
    },
  );

  it("--layers gives the order of a state dict whose names sort wrongly", () => {
    const out = join(dir, "named");
    const named = join(fixtures, "named.safetensors");
    const bad = nnmotifs("graph", named, "--out", out, "-q");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Give the layer order with --layers/);
    const r = nnmotifs("graph", named, "--layers", "input_layer,classifier", "--out", out, "-q");
    expect(r.status).toBe(0);
    const reference = join(dir, "reference");
    expect(nnmotifs("graph", copies[4], "--out", reference, "-q").status).toBe(0);
    expect(readFileSync(join(out, "named.fanmod.txt"), "utf8")).toBe(
      readFileSync(join(reference, `${stem(copies[4])}.fanmod.txt`), "utf8"),
    );
    expect(nnmotifs("graph", named, "--layers", "a,,b", "--out", out).stderr).toMatch(
      /^nnmotifs: invalid --layers "a,,b"/,
    );
  });

  it.each([
    ["truncated", "mlp.onnx", /cannot decode the ONNX file \(truncated or corrupt\?\)/],
    ["conv", "conv.keras", /unsupported: layer "conv2d" is Conv2D/],
    ["f16", "mlp-f16.safetensors", /unsupported: tensor "0\.weight" has dtype F16/],
  ])(
    "exits 2 with one line naming the file for a %s model, writing nothing",
    (what, name, message) => {
      const path = join(dir, `${what}-${name}`);
      const bytes = readFileSync(join(fixtures, name));
      writeFileSync(path, what === "truncated" ? bytes.subarray(0, bytes.length >> 1) : bytes);
      const out = join(dir, `bad-${what}`);
      const r = nnmotifs("graph", path, "--out", out);
      expect(r.status).toBe(2);
      expect(r.stderr.startsWith(`nnmotifs: ${path}: `)).toBe(true);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe("nnmotifs graph --help", () => {
  it("lists every registered model format (MODEL_FORMAT_TITLES is the registry's list)", () => {
    expect(MODEL_FORMAT_TITLES).toEqual(MODEL_AND_GRAPH_FORMATS.formats.map((f) => f.title));
    const help = nnmotifs("graph", "--help").stdout.replace(/\s+/g, " ");
    for (const title of MODEL_FORMAT_TITLES) expect(help).toContain(title);
  });
});

describe("modelStem(path)", () => {
  it("drops the extension, .model.json and .graph.json, and names model.json after its folder", () => {
    expect(modelStem("/a/model_tree.h5")).toBe("model_tree");
    expect(modelStem("runs/init.model.json")).toBe("init");
    expect(modelStem("g/x.graph.json")).toBe("x");
    expect(modelStem("runs/tree/model.json")).toBe("tree_model");
    expect(modelStem("weights")).toBe("weights");
  });
});
