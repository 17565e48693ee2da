/**
 * `nnmotifs weights INITIAL TRAINED... --binning paper --cutoff c [--format table|csv|json]
 * [--out FILE]`: the weights before and after training (SPEC §7 "Weights"). The first model is the
 * initial network, the others were trained from it; all of them are binned as one group, as in
 * `nnmotifs graph`, so "kept" means the same bins for every network.
 *
 * Two tables: the authors' (per network: mean |w|, population sd, Welch p on the signed weights
 * against the initial network; all weights and kept weights) and the paired analysis (per trained
 * network and layer: mean and sd of Δw, Cohen's d of the pairs, KS distance, Wasserstein-1, share
 * of weights that changed colour). JSON: `{"rows": [...], "paired": [...]}`; CSV: the two tables,
 * each with its header, separated by one empty line.
 */
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";
import type { WeightPairedRow } from "../analysis/weight-paired.js";
import type { WeightTableRow } from "../analysis/weight-table.js";
import type { DenseNetwork } from "../model/network.js";

export const WEIGHTS_FORMATS = ["table", "csv", "json"] as const;
export type WeightsFormat = (typeof WEIGHTS_FORMATS)[number];

interface WeightsCliOptions {
  binning: string;
  cutoff: string;
  quantile: string;
  format: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command("weights")
    .description(
      "weights before and after training: the authors' table (mean |w|, sd, Welch p; all and kept weights) and the paired per-layer effect sizes; the models of one call share the bins",
    )
    .argument("<initial>", "the initial (untrained) model")
    .argument("<trained...>", "models trained from it")
    .option(
      "-b, --binning <scheme>",
      "paper | sign | quantile | none (decides the kept weights)",
      "paper",
    )
    .option("--cutoff <c>", "paper binning: threshold = c × max of the fitted density", "0.55")
    .option("--quantile <q>", "quantile binning: fraction of each layer's edges kept", "0.2")
    .option("-f, --format <fmt>", "output: table | csv | json", "table")
    .option("-o, --out <file>", "write the output to a file (atomically) instead of stdout")
    .action(async (initial: string, trained: string[], opts: WeightsCliOptions) => {
      await weightsAction([initial, ...trained], opts);
    });
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

function isWeightsFormat(name: string): name is WeightsFormat {
  return (WEIGHTS_FORMATS as readonly string[]).includes(name);
}

async function weightsAction(models: string[], opts: WeightsCliOptions): Promise<void> {
  const { BINNING_SCHEME_NAMES, isBinningScheme, binGroup } = await import("../graph/binning.js");
  const { loadNetwork } = await import("../model/load-network.js");
  const { modelStem } = await import("./graph-command.js");
  if (!isBinningScheme(opts.binning)) {
    throw new NnmotifsError(
      `invalid --binning "${opts.binning}". Should be one of ${BINNING_SCHEME_NAMES.join(", ")}.`,
    );
  }
  if (!isWeightsFormat(opts.format)) {
    throw new NnmotifsError(
      `invalid --format "${opts.format}". Should be one of: ${WEIGHTS_FORMATS.join(", ")}.`,
    );
  }
  const cutoff = fraction(opts.cutoff, "--cutoff", false, "0.55");
  const quantile = fraction(opts.quantile, "--quantile", true, "0.2");
  const stems = models.map(modelStem);
  stems.forEach((stem, k) => {
    const first = stems.indexOf(stem);
    if (first !== k) {
      throw new NnmotifsError(
        `${models[first]} and ${models[k]} are both named "${stem}" in the tables. Give models distinct file names.`,
      );
    }
  });
  const { checkOutputFile } = await import("../core/input-file.js");
  if (opts.out !== undefined) checkOutputFile(opts.out);
  const nets: DenseNetwork[] = [];
  for (const model of models) nets.push(await loadNetwork(model));
  nets.forEach((net, k) => {
    const shape = net.layerSizes.join("-");
    const initialShape = nets[0].layerSizes.join("-");
    if (shape !== initialShape) {
      throw new NnmotifsError(
        `has layers ${shape} but the initial network ${models[0]} has ${initialShape}. Give networks trained from the initial one.`,
        { file: models[k] },
      );
    }
  });
  const { weightSetsOfGroup } = await import("../analysis/weight-sets.js");
  const { weightTable } = await import("../analysis/weight-table.js");
  const { weightPaired } = await import("../analysis/weight-paired.js");
  const group = binGroup(nets, opts.binning, { cutoff, quantile });
  const sets = weightSetsOfGroup(stems, nets, group);
  const rows = weightTable(sets[0], sets.slice(1));
  const paired = weightPaired(sets[0], sets.slice(1));
  const optionText = Object.entries(group.options)
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
  const heading = `binning ${opts.binning}${optionText ? ` (${optionText})` : ""}, bins shared by ${models.length} models; initial network ${stems[0]}`;
  const text = await formatWeights(rows, paired, opts.format, heading);
  if (opts.out !== undefined) {
    const { writeFileAtomic } = await import("../core/atomic-write.js");
    await writeFileAtomic(opts.out, text);
  } else {
    process.stdout.write(text);
  }
}

/** The two tables in one of WEIGHTS_FORMATS; `heading` is printed by the table format only. */
export async function formatWeights(
  rows: readonly WeightTableRow[],
  paired: readonly WeightPairedRow[],
  format: WeightsFormat,
  heading = "",
): Promise<string> {
  if (format === "json") return JSON.stringify({ rows, paired }, null, 2) + "\n";
  if (format === "csv") {
    const { objectsToCsv } = await import("../core/csv.js");
    return `${objectsToCsv(rows)}\n${objectsToCsv(paired)}`;
  }
  return formatTable(rows, paired, heading);
}

function fixed(x: number | null, digits: number): string {
  if (x === null) return "–";
  const text = x.toFixed(digits);
  // A tiny negative number (the output layer's mean Δ is 0 up to rounding) must not print as -0.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** p to the authors' 6 decimals, and in exponent form where 6 decimals would read 0. */
function pValue(p: number | null): string {
  if (p === null) return "–";
  return p >= 5e-7 ? p.toFixed(6) : p.toExponential(2);
}

function columns(header: string[], body: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ");
  return [line(header), ...body.map(line)];
}

function formatTable(
  rows: readonly WeightTableRow[],
  paired: readonly WeightPairedRow[],
  heading: string,
): string {
  const lines: string[] = [];
  if (heading !== "") lines.push(heading, "");
  lines.push(
    "The authors' table: mean |w|, population sd of w, Welch's t-test p on the signed weights vs the initial network",
  );
  lines.push(
    ...columns(
      ["network", "weights", "n", "mean |w|", "sd", "p"],
      rows.map((r) => [
        r.network,
        r.weights,
        String(r.n),
        fixed(r.meanAbs, 6),
        fixed(r.sd, 6),
        pValue(r.p),
      ]),
    ),
  );
  lines.push(
    "",
    "Paired, per layer: Δw = w_trained − w_initial; d = mean Δ / sd Δ; KS and W1 between the layer's weight distributions",
  );
  lines.push(
    ...columns(
      ["network", "layer", "units", "n", "mean Δ", "sd Δ", "d", "KS", "W1", "changed colour"],
      paired.map((r) => [
        r.network,
        String(r.layer),
        `${r.unitsIn}→${r.unitsOut}`,
        String(r.n),
        fixed(r.meanDelta, 6),
        fixed(r.sdDelta, 6),
        fixed(r.cohensD, 3),
        fixed(r.ks, 4),
        fixed(r.wasserstein, 6),
        fixed(r.changedColour, 4),
      ]),
    ),
  );
  return lines.join("\n") + "\n";
}
