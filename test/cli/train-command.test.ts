import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseNativeModel } from "../../src/model/native-model.js";
import { REPO_ROOT } from "../anchor.js";
import { scratchDir } from "../scratch-dir.js";

const MAIN = join(REPO_ROOT, "dist", "cli", "main.js");

function nnmotifs(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "train-command.js"))) {
    throw new Error(
      "dist/ is not built: run `npm run build` (npm test does it) before the CLI tests.",
    );
  }
});

describe("nnmotifs train --data tree --snapshots 0,1,2,5", () => {
  it("writes the initial, trained and snapshot models, history.csv and training.json", () => {
    const out = scratchDir("nnmotifs-train-cli-");
    const r = nnmotifs(
      "train",
      "--data",
      "tree",
      "--seed",
      "4",
      "--epochs",
      "5",
      "--snapshots",
      "0,1,2,5",
      "--out",
      out,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/backend (wasm|cpu): 5 epochs in [\d.]+ s/);
    expect(r.stdout).toMatch(/test accuracy \d\.\d{4}/);
    expect(readdirSync(out).sort()).toEqual([
      "history.csv",
      "model_epoch0.json",
      "model_epoch1.json",
      "model_epoch2.json",
      "model_epoch5.json",
      "model_init.json",
      "model_trained.json",
      "training.json",
    ]);
    const init = parseNativeModel(
      readFileSync(join(out, "model_init.json"), "utf8"),
      "model_init.json",
    );
    const epoch0 = parseNativeModel(
      readFileSync(join(out, "model_epoch0.json"), "utf8"),
      "model_epoch0.json",
    );
    const trained = parseNativeModel(
      readFileSync(join(out, "model_trained.json"), "utf8"),
      "model_trained.json",
    );
    const epoch5 = parseNativeModel(
      readFileSync(join(out, "model_epoch5.json"), "utf8"),
      "model_epoch5.json",
    );
    expect(init.layerSizes).toEqual([31, 30, 30, 4]);
    expect(epoch0.layers[0].kernel).toEqual(init.layers[0].kernel);
    expect(epoch5.layers[2].kernel).toEqual(trained.layers[2].kernel);
    expect(trained.history).toHaveLength(5);
    expect(trained.training).toMatchObject({
      init: "normal",
      seed: 4,
      batchSize: 20,
      learningRate: 0.01,
    });
    const csv = readFileSync(join(out, "history.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("epoch,loss,accuracy,val_loss,val_accuracy");
    expect(csv).toHaveLength(6);
    const summary = JSON.parse(readFileSync(join(out, "training.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(summary.backend).toMatch(/wasm|cpu/);
    expect(summary).toHaveProperty("test.accuracy");
    expect(readdirSync(out).some((f) => f.includes(".tmp"))).toBe(false);
  });

  it("is reproducible: the same seed writes the same trained weights", () => {
    const a = scratchDir("nnmotifs-train-cli-");
    const b = scratchDir("nnmotifs-train-cli-");
    for (const out of [a, b]) {
      const r = nnmotifs(
        "train",
        "--data",
        "clusters",
        "--init",
        "glorot",
        "--hidden",
        "10",
        "--epochs",
        "2",
        "--seed",
        "9",
        "-q",
        "--out",
        out,
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toBe("");
    }
    const layers = (dir: string) =>
      JSON.parse(readFileSync(join(dir, "model_trained.json"), "utf8")).layers as unknown;
    expect(layers(a)).toEqual(layers(b));
  });
});

describe("nnmotifs train with bad options", () => {
  const cases: Array<[string[], RegExp]> = [
    [["--data", "mnist"], /invalid data set `mnist`/],
    [["--data", "tree", "--hidden", "30,x"], /invalid --hidden "30,x"/],
    [
      ["--data", "tree", "--init", "uniform"],
      /invalid --init "uniform". Should be one of normal, orthogonal, glorot, he, lecun/,
    ],
    [["--data", "tree", "--epochs", "-1"], /invalid --epochs/],
    [["--data", "tree", "--lr", "0"], /invalid --lr/],
    [["--data", "tree", "--momentum", "1"], /invalid --momentum/],
    [["--data", "tree", "--snapshots", "1,,2"], /invalid --snapshots/],
    [["--data", "csv:/nonexistent/x.csv"], /nonexistent\/x.csv/],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(" ")} → one-line error, exit 2, nothing written`, () => {
      const out = scratchDir("nnmotifs-train-cli-bad-");
      const r = nnmotifs("train", ...args, "--out", out);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it("names the file and line of a ragged CSV", () => {
    const dir = scratchDir("nnmotifs-train-cli-csv-");
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "a,b,label\n1,2,0\n1,1\n");
    const r = nnmotifs("train", "--data", `csv:${csv}`, "--out", dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `nnmotifs: ${csv}:3: row has 2 columns, expected 3 (as in the first row)\n`,
    );
  });
});
