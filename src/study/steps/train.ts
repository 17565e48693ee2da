/** The train step: one data set × one init scheme → a trained model, its curves (and the initial model). */
import { objectsToCsv } from "../../core/csv.js";
import { loadDataset } from "../../data/load-dataset.js";
import { splitDataset } from "../../data/split.js";
import { initialNetwork } from "../../nn/mlp.js";
import { formatNativeModel } from "../../model/native-model.js";
import type { EpochRecord } from "../../nn/train.js";
import type { TrainParams } from "../plan.js";
import type { StepKind } from "./registry.js";

export interface TrainSummary {
  readonly layerSizes: readonly number[];
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly backend: string;
  readonly epochsRun: number;
  readonly trainSeconds: number;
  /** Per saved snapshot: the epoch whose weights it holds (< epoch when training stopped early). */
  readonly snapshots?: ReadonlyArray<{ readonly epoch: number; readonly weightsEpoch: number }>;
}

/** Seconds between two progress reports within an epoch. */
const PROGRESS_SECONDS = 0.5;

/**
 * Train one network from the init's initial network. The data set itself is the study's outside
 * input (generated, or csv:/idx: files named in the config, whose content hash is in the params);
 * everything the step writes goes through the store. The initial network depends on the seed, the
 * init and the data's shape only, so it is the same for every data set of that shape.
 */
export const trainKind: StepKind<TrainParams, TrainSummary> = {
  async run({ params: p }, ctx) {
    const t = p.training;
    const data = loadDataset(p.dataset, {
      seed: p.dataSeed,
      ...(p.samples !== undefined ? { samples: p.samples } : {}),
    });
    const layerSizes = [data.nFeatures, ...p.hidden, data.nClasses];
    const initial = initialNetwork(layerSizes, p.init, p.initSeed);
    // The only step that needs TensorFlow.js: loaded here, not when the study starts.
    const { trainNetwork } = await import("../../nn/train.js");
    let reported = -Infinity;
    const result = await trainNetwork(data, {
      initial,
      split: splitDataset(data, p.splitSeed, {
        testFraction: t.testSplit,
        validationFraction: t.validationSplit,
      }),
      seed: p.trainSeed,
      epochs: t.epochs,
      batchSize: t.batch,
      learningRate: t.learningRate,
      momentum: t.momentum,
      nesterov: t.nesterov,
      // patience 0 means "no early stopping"
      patience: t.patience === 0 ? t.epochs + 1 : t.patience,
      snapshots: p.files.snapshots.map((f) => f.epoch),
      // Progress in training samples (epochs × samples per epoch), after each batch but at most
      // every PROGRESS_SECONDS and at each epoch's end; cancellation between batches (the loop
      // stops at the throw, outside any tensor scope).
      onBatchEnd: (b) => {
        ctx.signal.throwIfAborted();
        const now = performance.now();
        if (
          b.samplesDone > 0 &&
          b.samplesDone < b.samples &&
          now - reported < PROGRESS_SECONDS * 1000
        )
          return;
        reported = now;
        ctx.progress((b.epoch - 1) * b.samples + b.samplesDone, b.epochs * b.samples);
      },
    });
    const history = result.history.map(historyRow);
    const training = {
      dataset: p.dataset,
      init: p.init,
      seed: p.trainSeed,
      initSeed: p.initSeed,
      dataSeed: p.dataSeed,
      ...t,
    };
    const outputs = [
      await ctx.write(
        p.files.model,
        formatNativeModel(
          { ...result.trained, source: `${p.dataset}:${p.init}:trained` },
          { epoch: result.epochsRun, training, history },
        ),
      ),
      // The CSV dialect of `nnmotifs train`'s history.csv (and Keras' CSVLogger): snake_case.
      await ctx.write(p.files.curveCsv, objectsToCsv(history.map(historyCsvRow))),
      await ctx.write(
        p.files.curveJson,
        JSON.stringify(
          {
            dataset: p.dataset,
            init: p.init,
            backend: result.backend,
            testLoss: result.test.loss,
            testAccuracy: result.test.accuracy,
            history,
          },
          null,
          2,
        ) + "\n",
      ),
    ];
    // A snapshot after the epoch early stopping ended at is the final network (SPEC §3: the
    // weights are the last epoch's); the record says which epoch's weights each file holds.
    const saved: Array<{ epoch: number; weightsEpoch: number }> = [];
    for (const f of p.files.snapshots) {
      const snap = result.snapshots.find((x) => x.epoch === f.epoch);
      const net = snap?.network ?? result.trained;
      const weightsEpoch = snap?.epoch ?? result.epochsRun;
      saved.push({ epoch: f.epoch, weightsEpoch });
      outputs.push(
        await ctx.write(
          f.model,
          formatNativeModel(
            { ...net, source: `${p.dataset}:${p.init}:epoch${f.epoch}` },
            { epoch: weightsEpoch, training },
          ),
        ),
      );
    }
    if (p.files.initial !== null) {
      outputs.push(
        await ctx.write(
          p.files.initial,
          formatNativeModel(
            { ...initial, source: `${p.init}:initial` },
            { epoch: 0, training: { init: p.init, initSeed: p.initSeed, layerSizes } },
          ),
        ),
      );
    }
    return {
      outputs,
      data: {
        layerSizes,
        testLoss: result.test.loss,
        testAccuracy: result.test.accuracy,
        backend: result.backend,
        epochsRun: result.epochsRun,
        trainSeconds: result.seconds,
        ...(saved.length > 0 ? { snapshots: saved } : {}),
      },
    };
  },
};

/** An epoch as the curve JSON and model files store it (null: no validation). */
type HistoryRow = {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
};

function historyRow(r: EpochRecord): HistoryRow {
  return {
    epoch: r.epoch,
    loss: r.loss,
    accuracy: r.accuracy,
    valLoss: r.valLoss,
    valAccuracy: r.valAccuracy,
  };
}

/** The curve CSV's columns: epoch, loss, accuracy, val_loss, val_accuracy (as history.csv). */
function historyCsvRow(r: HistoryRow): Record<string, number | null> {
  return {
    epoch: r.epoch,
    loss: r.loss,
    accuracy: r.accuracy,
    val_loss: r.valLoss,
    val_accuracy: r.valAccuracy,
  };
}
