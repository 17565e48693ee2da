/**
 * `nnmotifs train --data tree|clusters|csv:FILE|idx:DIR --hidden 30,30 --init normal …`: train one
 * MLP the authors' way (SPEC §3) and write, atomically, to --out:
 *   model_init.json          the initial weights (epoch 0), native model format
 *   model_trained.json       the final weights, with the configuration and history
 *   model_epoch<E>.json      one per --snapshots epoch reached
 *   history.csv              epoch, loss, accuracy, val_loss, val_accuracy
 *   training.json           configuration, backend, test loss and accuracy, seconds
 * TensorFlow.js is imported inside the action only.
 */
import type { Command } from "commander";
import { join } from "node:path";
import { NnmotifsError } from "../core/errors.js";

interface TrainCliOptions {
  data: string;
  hidden: string;
  init: string;
  epochs: string;
  batch: string;
  lr: string;
  momentum: string;
  patience: string;
  seed: string;
  snapshots: string;
  subset?: string;
  backend: string;
  out: string;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command("train")
    .description(
      "train a dense MLP (Keras-faithful SGD) and save its initial, trained and snapshot weights",
    )
    .requiredOption("-d, --data <spec>", "tree | clusters | csv:FILE | idx:DIR")
    .option("--hidden <sizes>", "hidden layer sizes, comma-separated", "30,30")
    .option(
      "--init <name>",
      "kernel initialiser: normal | orthogonal | glorot | he | lecun",
      "normal",
    )
    .option("--epochs <n>", "training epochs", "20")
    .option("--batch <n>", "minibatch size", "20")
    .option("--lr <rate>", "SGD learning rate", "0.01")
    .option("--momentum <m>", "SGD Nesterov momentum", "0.6")
    .option("--patience <n>", "early stopping: epochs without val_loss improvement", "20")
    .option("--seed <s>", "seed of the data, split, initial weights and shuffles", "0")
    .option(
      "--snapshots <epochs>",
      "also save the weights after these epochs, e.g. 0,1,2,5,10,20",
      "",
    )
    .option(
      "--subset <n>",
      "use only N samples (generated, first N of a CSV, or N training images)",
    )
    .option("--backend <name>", "auto | wasm | cpu", "auto")
    .option("-o, --out <dir>", "output folder", ".")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (opts: TrainCliOptions) => {
      await trainAction(opts);
    });
}

function integer(text: string, option: string, min: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min) {
    throw new NnmotifsError(`invalid ${option} "${text}". Should be an integer ≥ ${min}.`);
  }
  return value;
}

function integerList(text: string, option: string, min: number, example: string): number[] {
  if (text.trim() === "") return [];
  const parts = text.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "" || !Number.isInteger(Number(p)) || Number(p) < min)) {
    throw new NnmotifsError(
      `invalid ${option} "${text}". Should be comma-separated integers ≥ ${min}, e.g. ${example}.`,
    );
  }
  return parts.map(Number);
}

function real(text: string, option: string, ok: (x: number) => boolean, allowed: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !ok(value)) {
    throw new NnmotifsError(`invalid ${option} "${text}". Should be ${allowed}.`);
  }
  return value;
}

function csvNumber(x: number | null): string {
  return x === null ? "" : String(x);
}

async function trainAction(opts: TrainCliOptions): Promise<void> {
  const { INITIALISER_NAMES, isInitialiserName } = await import("../nn/initialisers.js");
  if (!isInitialiserName(opts.init)) {
    throw new NnmotifsError(
      `invalid --init "${opts.init}". Should be one of ${INITIALISER_NAMES.join(", ")}.`,
    );
  }
  if (opts.backend !== "auto" && opts.backend !== "wasm" && opts.backend !== "cpu") {
    throw new NnmotifsError(`invalid --backend "${opts.backend}". Should be auto, wasm or cpu.`);
  }
  const init = opts.init;
  const backend = opts.backend;
  const hidden = integerList(opts.hidden, "--hidden", 1, "30,30");
  const epochs = integer(opts.epochs, "--epochs", 0);
  const batchSize = integer(opts.batch, "--batch", 1);
  const learningRate = real(opts.lr, "--lr", (x) => x > 0, "a number > 0, e.g. 0.01");
  const momentum = real(
    opts.momentum,
    "--momentum",
    (x) => x >= 0 && x < 1,
    "a number in [0, 1), e.g. 0.6",
  );
  const patience = integer(opts.patience, "--patience", 1);
  const seed = integer(opts.seed, "--seed", 0);
  const snapshots = integerList(opts.snapshots, "--snapshots", 0, "0,1,2,5,10,20");
  const subset = opts.subset === undefined ? undefined : integer(opts.subset, "--subset", 1);

  const { checkOutputDirectory } = await import("../core/input-file.js");
  checkOutputDirectory(opts.out);
  const { loadDataset } = await import("../data/load-dataset.js");
  const { trainNetwork } = await import("../nn/train.js");
  const { formatNativeModel } = await import("../model/native-model.js");
  const { writeFileAtomic } = await import("../core/atomic-write.js");

  const data = loadDataset(opts.data, { seed, samples: subset });
  const { checkTrainingMemory } = await import("../core/memory-budget.js");
  checkTrainingMemory({
    layerSizes: [data.nFeatures, ...hidden, data.nClasses],
    samples: data.y.length,
    batchSize,
    snapshots: 2 + snapshots.length,
  });
  const started = performance.now();
  // Per batch (throttled): a bar on a terminal, else a line with the loss and ETA every few
  // seconds. Counted in samples, so the ETA moves within an epoch; early stopping ends it sooner.
  const { progressBar } = await import("./progress.js");
  let perEpoch = 1;
  const bar = await progressBar("train", !opts.quiet && epochs > 0, {
    count: (done, total) =>
      `epoch ${Math.max(1, Math.ceil(done / perEpoch))}/${epochs} (${Math.floor((100 * done) / total)} %)`,
  });
  const result = await trainNetwork(data, {
    hidden,
    init,
    seed,
    epochs,
    batchSize,
    learningRate,
    momentum,
    patience,
    backend,
    snapshots: [0, ...snapshots],
    onBatchEnd: (p) => {
      perEpoch = p.samples;
      const done = (p.epoch - 1) * p.samples + p.samplesDone;
      bar.update(
        done,
        p.epochs * p.samples,
        Number.isNaN(p.loss) ? "" : `loss ${p.loss.toFixed(4)}`,
      );
    },
  }).finally(() => bar.stop());
  const training = { ...result.config, dataset: opts.data, backend: result.backend };
  const history = result.history.map((h) => ({ ...h }));
  // Everything is computed before the first write; each file is replaced atomically.
  const files: Array<[string, string]> = [
    ["model_init.json", formatNativeModel(result.initial, { epoch: 0, training })],
    [
      "model_trained.json",
      formatNativeModel(result.trained, { epoch: result.epochsRun, training, history }),
    ],
  ];
  for (const s of result.snapshots) {
    if (snapshots.includes(s.epoch)) {
      files.push([
        `model_epoch${s.epoch}.json`,
        formatNativeModel(s.network, { epoch: s.epoch, training }),
      ]);
    }
  }
  const csv = ["epoch,loss,accuracy,val_loss,val_accuracy"];
  for (const h of result.history) {
    csv.push(
      [h.epoch, h.loss, h.accuracy, csvNumber(h.valLoss), csvNumber(h.valAccuracy)].join(","),
    );
  }
  files.push(["history.csv", csv.join("\n") + "\n"]);
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    config: training,
    backend: result.backend,
    test: result.test,
    epochsRun: result.epochsRun,
    stoppedEarly: result.stoppedEarly,
    trainingSeconds: result.seconds,
    seconds,
    files: [...files.map(([name]) => name), "training.json"],
  };
  files.push(["training.json", JSON.stringify(summary, null, 2) + "\n"]);
  for (const [name, text] of files) await writeFileAtomic(join(opts.out, name), text);
  if (opts.quiet) return;
  const last = result.history[result.history.length - 1];
  const f = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(4));
  const c = result.config;
  process.stdout.write(
    [
      `trained ${c.layerSizes.join("-")} (${init}, seed ${seed}) on ${opts.data}: ` +
        `${c.samples.train} train / ${c.samples.validation} validation / ${c.samples.test} test samples`,
      `backend ${result.backend}: ${result.epochsRun} epochs in ${result.seconds.toFixed(2)} s` +
        `${result.stoppedEarly ? " (early stopping)" : ""}; final loss ${f(last?.loss)}, ` +
        `accuracy ${f(last?.accuracy)}, val_accuracy ${f(last?.valAccuracy)}`,
      `test accuracy ${f(result.test.accuracy)} (loss ${f(result.test.loss)})`,
      `wrote ${files.length} files to ${opts.out}`,
    ].join("\n") + "\n",
  );
}
