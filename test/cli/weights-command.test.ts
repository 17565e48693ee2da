import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../../src/core/random.js";
import { formatNativeModel } from "../../src/model/native-model.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { HAVE_ANCHOR, REPO_ROOT, anchorFile } from "../anchor.js";
import { scratchDir } from "../scratch-dir.js";

const MAIN = join(REPO_ROOT, "dist", "cli", "main.js");

function nnmotifs(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "weights-command.js"))) {
    throw new Error(
      "dist/ is not built: run `npm run build` (npm test does it) before the CLI tests.",
    );
  }
});

interface WeightsJson {
  rows: Array<{
    network: string;
    weights: string;
    n: number;
    meanAbs: number;
    sd: number;
    p: number | null;
  }>;
  paired: Array<Record<string, number | string | null>>;
}

describe("nnmotifs weights INITIAL TRAINED... --binning paper --cutoff 0.55", () => {
  it.runIf(HAVE_ANCHOR)(
    "prints the authors' table of the anchor's models as the numpy/scipy reference (golden)",
    () => {
      const r = nnmotifs(
        "weights",
        ...["init", "tree", "clus"].map((n) => anchorFile(`model_${n}.h5`)),
        "--binning",
        "paper",
        "--cutoff",
        "0.55",
        "--format",
        "json",
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as WeightsJson;
      const reference = JSON.parse(
        readFileSync(join(REPO_ROOT, "test", "analysis", "weight-table.reference.json"), "utf8"),
      ) as WeightsJson;
      expect(out.rows.map((x) => [x.network, x.weights, x.n])).toEqual(
        reference.rows.map((x) => [x.network, x.weights, x.n]),
      );
      out.rows.forEach((row, k) => {
        const ref = reference.rows[k];
        expect(row.meanAbs.toFixed(6)).toBe(ref.meanAbs.toFixed(6));
        expect(row.sd.toFixed(6)).toBe(ref.sd.toFixed(6));
        expect(row.p === null ? null : row.p.toFixed(6)).toBe(
          ref.p === null ? null : ref.p.toFixed(6),
        );
      });
      // Two trained networks × three layers.
      expect(out.paired.map((x) => [x.network, x.layer, x.n])).toEqual([
        ["model_tree", 1, 930],
        ["model_tree", 2, 900],
        ["model_tree", 3, 120],
        ["model_clus", 1, 930],
        ["model_clus", 2, 900],
        ["model_clus", 3, 120],
      ]);
      expect(Object.keys(out.paired[0])).toEqual([
        "network",
        "layer",
        "unitsIn",
        "unitsOut",
        "n",
        "meanDelta",
        "sdDelta",
        "cohensD",
        "ks",
        "wasserstein",
        "changedColour",
      ]);
    },
  );
});

describe("nnmotifs weights (formats and errors)", () => {
  const dir = scratchDir("nnmotifs-weights-cli-");
  const rng = new Rng(17);
  const dense = (name: string, nIn: number, nOut: number, scale: number) => ({
    name,
    nIn,
    nOut,
    kernel: Float64Array.from({ length: nIn * nOut }, () => rng.normal() * scale),
    bias: new Float64Array(nOut),
    activation: "relu" as const,
  });
  const initialNet: DenseNetwork = {
    layerSizes: [8, 8, 4],
    layers: [dense("a", 8, 8, 0.5), dense("b", 8, 4, 0.5)],
  };
  // "Training": every weight moves a little from its initial value.
  const trainedNet: DenseNetwork = {
    layerSizes: [8, 8, 4],
    layers: initialNet.layers.map((l) => ({
      ...l,
      kernel: l.kernel.map((w) => w * 1.2 + rng.normal() * 0.05),
    })),
  };
  const initial = join(dir, "init.model.json");
  const trained = join(dir, "tree.model.json");
  writeFileSync(initial, formatNativeModel(initialNet));
  writeFileSync(trained, formatNativeModel(trainedNet));

  it("--format json has rows (p null for the initial network) and paired, named by file stem", () => {
    const r = nnmotifs("weights", initial, trained, "--format", "json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as WeightsJson;
    expect(Object.keys(out)).toEqual(["rows", "paired"]);
    expect(out.rows.map((x) => [x.network, x.weights])).toEqual([
      ["init", "all"],
      ["tree", "all"],
      ["init", "kept"],
      ["tree", "kept"],
    ]);
    expect(out.rows.filter((x) => x.network === "init").every((x) => x.p === null)).toBe(true);
    expect(out.rows.filter((x) => x.network === "tree").every((x) => typeof x.p === "number")).toBe(
      true,
    );
    expect(out.rows[0].n).toBe(8 * 8 + 8 * 4);
    expect(out.paired.map((x) => [x.network, x.layer, x.n])).toEqual([
      ["tree", 1, 64],
      ["tree", 2, 32],
    ]);
  });

  it("--format table prints both tables; --format csv prints them separated by an empty line", () => {
    const table = nnmotifs("weights", initial, trained);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^binning paper \(cutoff 0\.55\), bins shared by 2 models/);
    expect(table.stdout).toMatch(/\ninit\s+all\s+96\s+\d\.\d{6}\s+\d\.\d{6}\s+–\n/);
    expect(table.stdout).toMatch(/\ntree\s+1\s+8→8\s+64\s/);
    const csv = nnmotifs("weights", initial, trained, "--format", "csv");
    const [rows, paired] = csv.stdout.split("\n\n");
    expect(rows.split("\n")[0]).toBe("network,weights,n,meanAbs,sd,p");
    expect(rows.split("\n")[1]).toMatch(/^init,all,96,[\d.]+,[\d.]+,$/);
    expect(paired.split("\n")[0]).toBe(
      "network,layer,unitsIn,unitsOut,n,meanDelta,sdDelta,cohensD,ks,wasserstein,changedColour",
    );
    expect(paired.trimEnd().split("\n")).toHaveLength(3);
  });

  it("--out writes the output to the file and nothing to stdout", () => {
    const file = join(dir, "weights.json");
    const r = nnmotifs("weights", initial, trained, "--format", "json", "--out", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(
      JSON.parse(nnmotifs("weights", initial, trained, "--format", "json").stdout),
    );
  });

  it("exits 2 with one line naming the file for a model of another shape, writing nothing", () => {
    const other = join(dir, "other.model.json");
    writeFileSync(
      other,
      formatNativeModel({ layerSizes: [8, 4], layers: [dense("c", 8, 4, 0.5)] }),
    );
    const file = join(dir, "none.json");
    const r = nnmotifs("weights", initial, other, "--out", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `nnmotifs: ${other}: has layers 8-4 but the initial network ${initial} has 8-8-4. Give networks trained from the initial one.\n`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it("exits 2 with one line naming the file that is not a model", () => {
    const text = join(dir, "edges.txt");
    writeFileSync(text, "0 1 1\n");
    const r = nnmotifs("weights", initial, text);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^nnmotifs: ${text.replace(/[.]/g, "\\.")}: unsupported: `),
    );
    expect(r.stderr.split("\n")).toHaveLength(2);
  });

  it.each([
    [["--format", "xml"], /invalid --format "xml"\. Should be one of: table, csv, json\./],
    [["--cutoff", "1.5"], /invalid --cutoff "1\.5"/],
    [["--binning", "median"], /invalid --binning "median"/],
  ])("exits 2 on %j", (args, message) => {
    const r = nnmotifs("weights", initial, trained, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("needs a trained model besides the initial one", () => {
    const r = nnmotifs("weights", initial);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'trained'/);
  });
});
