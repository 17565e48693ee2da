/**
 * `nnmotifs graph MODEL... --binning paper|sign|quantile|none`: models → coloured graphs.
 * The models of one call are one binning group (the paper's bins are shared by an initial network
 * and the networks trained from it). For each model it writes `<stem>.fanmod.txt` (FANMOD edge list,
 * SPEC §4.1 edge order) and `<stem>.graph.json` (native, with layers, weights and biases), plus
 * `binning.json` (bin edges, edges per colour per graph) in --out, and prints a summary.
 * Several paper cut-offs (`--cutoff 0.3,0.55,0.8`, SPEC §4.3 sweeps) bin the group once per value
 * and write each into its own subfolder `--out/c<value>/`, with one summary per value.
 *
 * Models are recognised by content (src/model/formats.ts lists the formats). `--layers a,b,c` gives
 * the layer order of a PyTorch safetensors state dict, which does not record it.
 *
 * `<stem>` is the file name without its extension (`model_tree.h5` → `model_tree`;
 * `init.model.json` / `init.graph.json` → `init`); a TensorFlow.js `model.json` is named after its
 * folder (`runs/tree/model.json` → `tree_model`).
 */
import type { Command } from "commander";
import { basename, dirname, extname, join, resolve } from "node:path";
import { NnmotifsError } from "../core/errors.js";
import type { DenseNetwork } from "../model/network.js";
import type { BinnedGroup, BinningScheme } from "../graph/binning.js";
import type { GraphFormat } from "../graph/read-graph.js";

const FORMAT_NAMES: readonly GraphFormat[] = ["fanmod", "json", "graphml", "gexf", "dot"];

/** `--format fanmod,json,…` → the formats, each once, in the given order. */
export function parseGraphFormats(text: string): GraphFormat[] {
  const names = text.split(",").map((s) => s.trim().toLowerCase());
  const bad = names.find((n) => !(FORMAT_NAMES as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new NnmotifsError(
      `invalid --format "${text}". Should be a comma-separated list of: ${FORMAT_NAMES.join(", ")}.`,
    );
  }
  return [...new Set(names)] as GraphFormat[];
}

interface GraphCliOptions {
  binning: string;
  cutoff: string;
  quantile: string;
  out: string;
  layers?: string;
  format: string;
  quiet?: boolean;
}

/**
 * The titles of MODEL_AND_GRAPH_FORMATS, written out so that registering the command loads no
 * model reader (every command is registered at start-up; `census` must stay light). A test checks
 * that this list equals the registry's.
 */
export const MODEL_FORMAT_TITLES = [
  "Keras .h5",
  "Keras 3 .keras",
  "PyTorch safetensors",
  "ONNX",
  "TensorFlow.js model.json",
  "nnmotifs model JSON",
  "nnmotifs weighted graph JSON",
];

export function register(program: Command): void {
  program
    .command("graph")
    .description(
      `turn models into coloured graphs; the models of one call share the bins. Formats, recognised by content: ${MODEL_FORMAT_TITLES.join(", ")}`,
    )
    .argument("<model...>", "model files, binned together as one group")
    .option("-b, --binning <scheme>", "paper | sign | quantile | none", "paper")
    .option(
      "--cutoff <c>",
      "paper binning: threshold = c × max of the fitted density; a comma-separated list sweeps c (one subfolder c<value> per value)",
      "0.55",
    )
    .option("--quantile <q>", "quantile binning: fraction of each layer's edges kept", "0.2")
    .option(
      "--layers <names>",
      "safetensors: the Linear layers in order, by tensor-name prefix (fc1,fc2,out); default: natural order of the names",
    )
    .option(
      "-f, --format <list>",
      "graph files to write, comma-separated: fanmod (FANMOD edge list), json (native), graphml (Gephi, Cytoscape, networkx, igraph), gexf (Gephi), dot (Graphviz)",
      "fanmod,json",
    )
    .option("-o, --out <dir>", "output folder", ".")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (models: string[], opts: GraphCliOptions) => {
      await graphAction(models, opts);
    });
}

/** A NaN or infinite weight cannot be binned: say where it is instead of failing in a fit. */
function checkFiniteWeights(net: DenseNetwork, file: string): DenseNetwork {
  for (const layer of net.layers) {
    for (const [part, values] of [
      ["kernel", layer.kernel],
      ["bias", layer.bias],
    ] as const) {
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) {
          throw new NnmotifsError(
            `layer "${layer.name}" ${part} entry ${i} is ${values[i]}: weights must be finite numbers (did the training diverge?).`,
            { file },
          );
        }
      }
    }
  }
  return net;
}

/** Output name of a model file (see the module comment). */
export function modelStem(path: string): string {
  const name = basename(path);
  if (name === "model.json") return `${basename(dirname(resolve(path)))}_model`;
  for (const double of [".model.json", ".graph.json"]) {
    if (name.endsWith(double) && name.length > double.length) return name.slice(0, -double.length);
  }
  const ext = extname(name);
  return ext === "" ? name : name.slice(0, -ext.length);
}

function fraction(text: string, option: string, allowOne: boolean, example: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value > 0 && (allowOne ? value <= 1 : value < 1))) {
    throw new NnmotifsError(
      `invalid ${option} "${text}". Should be a number in (0, 1${allowOne ? "]" : ")"}, e.g. ${example}.`,
    );
  }
  return value;
}

async function graphAction(models: string[], opts: GraphCliOptions): Promise<void> {
  const { BINNING_SCHEME_NAMES, isBinningScheme } = await import("../graph/binning.js");
  const { MODEL_AND_GRAPH_FORMATS } = await import("../graph/graph-model-format.js");
  if (!isBinningScheme(opts.binning)) {
    throw new NnmotifsError(
      `invalid --binning "${opts.binning}". Should be one of ${BINNING_SCHEME_NAMES.join(", ")}.`,
    );
  }
  const scheme = opts.binning;
  const cutoffs = cutoffList(opts.cutoff, scheme);
  const quantile = fraction(opts.quantile, "--quantile", true, "0.2");
  const formats = parseGraphFormats(opts.format);
  const stems = models.map(modelStem);
  stems.forEach((stem, k) => {
    const first = stems.indexOf(stem);
    if (first !== k) {
      throw new NnmotifsError(
        `${models[first]} and ${models[k]} would both be written as "${stem}". Give models distinct file names.`,
      );
    }
  });
  const layers = opts.layers === undefined ? undefined : layerList(opts.layers);
  const { checkInputFile, checkOutputDirectory } = await import("../core/input-file.js");
  for (const model of models) checkInputFile(model, { what: "model" });
  checkOutputDirectory(opts.out);
  // Read every model before writing anything: a bad file leaves no half-written output.
  const nets: DenseNetwork[] = [];
  for (const model of models) {
    nets.push(checkFiniteWeights(await MODEL_AND_GRAPH_FORMATS.load(model, { layers }), model));
  }
  // Bin at every cut-off before writing: a cut-off the density cannot support writes nothing.
  const { binGroup } = await import("../graph/binning.js");
  const groups = cutoffs.map((cutoff) => binGroup(nets, scheme, { cutoff, quantile }));
  const sweep = cutoffs.length > 1;
  for (const [k, group] of groups.entries()) {
    if (k > 0 && !opts.quiet) process.stdout.write("\n");
    const out = sweep ? join(opts.out, cutoffFolder(cutoffs[k])) : opts.out;
    await writeBinnedGroup({
      formats,
      models,
      stems,
      nets,
      scheme,
      group,
      out,
      quiet: opts.quiet,
    });
  }
}

/** `--layers fc1,fc2,out` as a list of distinct, non-empty names. */
export function layerList(text: string): string[] {
  const names = text.split(",").map((n) => n.trim());
  if (names.some((n) => n === "") || new Set(names).size !== names.length) {
    throw new NnmotifsError(
      `invalid --layers "${text}". Should be distinct layer names separated by commas, e.g. fc1,fc2,out.`,
    );
  }
  return names;
}

/** Subfolder of one cut-off of a sweep: `c0.3`, `c0.55` (the shortest decimal of the value). */
export function cutoffFolder(cutoff: number): string {
  return `c${String(cutoff)}`;
}

/** `--cutoff` as a list: one value, or several comma-separated distinct values for a paper sweep. */
export function cutoffList(text: string, scheme: string): number[] {
  const values = text
    .split(",")
    .map((part) => fraction(part, "--cutoff", false, "0.55 or 0.3,0.55,0.8"));
  if (values.length > 1 && scheme !== "paper") {
    throw new NnmotifsError(
      `invalid --cutoff "${text}": several cut-offs only make sense with --binning paper.`,
    );
  }
  values.forEach((v, k) => {
    if (values.indexOf(v) !== k) {
      throw new NnmotifsError(
        `invalid --cutoff "${text}": ${v} is given twice. Give distinct values.`,
      );
    }
  });
  return values;
}

interface GroupOutput {
  formats: readonly GraphFormat[];
  models: string[];
  stems: string[];
  nets: DenseNetwork[];
  scheme: BinningScheme;
  group: BinnedGroup;
  out: string;
  quiet?: boolean;
}

/** Writes one binned group's its files and `binning.json` into `out`, prints a summary. */
async function writeBinnedGroup(o: GroupOutput): Promise<void> {
  const { writeGraph, GRAPH_FORMATS } = await import("../graph/read-graph.js");
  const { writeJsonAtomicSync } = await import("../core/atomic-write.js");
  const { models, stems, nets, scheme, group, quiet } = o;
  const outputs: string[] = [];
  group.graphs.forEach((g, k) => {
    // A native model records its initialiser: the graph keeps it for `census --null reinit`.
    const init = (nets[k] as { training?: { init?: unknown } }).training?.init;
    const graph = {
      ...g,
      meta: { ...g.meta, source: models[k], ...(typeof init === "string" ? { init } : {}) },
    };
    for (const format of o.formats) {
      const path = join(o.out, `${stems[k]}.${GRAPH_FORMATS[format]}`);
      writeGraph(path, graph, format);
      outputs.push(path);
    }
  });
  const summary = {
    scheme,
    options: group.options,
    binEdges: group.binEdges,
    details: group.details,
    graphs: group.graphs.map((g, k) => ({
      model: models[k],
      stem: stems[k],
      layerSizes: nets[k].layerSizes,
      nodes: g.nodeCount,
      edges: g.edgeSrc.length,
      removedEdges: group.removedEdges[k],
      edgesPerColour: group.edgesPerColour[k],
      fanmod: `${stems[k]}.fanmod.txt`,
      graph: `${stems[k]}.graph.json`,
    })),
  };
  const binningPath = join(o.out, "binning.json");
  writeJsonAtomicSync(binningPath, summary);
  outputs.push(binningPath);
  if (quiet) return;
  const optionText = Object.entries(group.options)
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
  const lines = [
    `binning ${scheme}${optionText ? ` (${optionText})` : ""}, ${models.length} model(s) in one group`,
  ];
  if (group.binEdges !== null) {
    lines.push(`bin edges: ${group.binEdges.map((x) => x.toPrecision(6)).join("  ")}`);
  }
  const width = Math.max(...stems.map((s) => s.length));
  summary.graphs.forEach((g) => {
    const colours = Object.entries(g.edgesPerColour)
      .map(([c, n]) => `c${c} ${String(n).padStart(5)}`)
      .join("  ");
    lines.push(
      `${g.stem.padEnd(width)}  ${String(g.nodes).padStart(5)} nodes  ${String(g.edges).padStart(7)} edges  ${colours}  removed ${g.removedEdges}`,
    );
  });
  lines.push(`wrote ${outputs.length} files to ${o.out}`);
  process.stdout.write(lines.join("\n") + "\n");
}
