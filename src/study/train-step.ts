/** The train step: one data set × one init scheme → models/ and curves/. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { objectsToCsv } from "../core/csv.js";
import { NnmotifsError } from "../core/errors.js";
import { loadDataset } from "../data/load-dataset.js";
import { splitDataset } from "../data/split.js";
import type { InitialiserName } from "../nn/initialisers.js";
import { initialNetwork } from "../nn/mlp.js";
import { formatNativeModel } from "../model/native-model.js";
import type { EpochRecord } from "../nn/train.js";
import { hashFile, hashOf } from "./cache.js";
import type { StudyConfig } from "./config.js";
import { LAYOUT, type StudyDataset } from "./layout.js";
import { stepSeed, type Step } from "./step.js";

export interface TrainSummary {
  readonly layerSizes: readonly number[];
  readonly testLoss: number;
  readonly testAccuracy: number;
  readonly backend: string;
  readonly epochsRun: number;
  readonly trainSeconds: number;
}

/**
 * Train one network: data set × init, from the init's initial network. `writesInitial`: this step
 * saves that initial network as models/<init>-initial (the first data set's step does; the initial
 * network depends on the seed, the init and the data's shape only, so it is the same for every data
 * set of that shape).
 */
export function trainStep(
  config: StudyConfig,
  ds: StudyDataset,
  init: InitialiserName,
  writesInitial: boolean,
): Step<TrainSummary> {
  const dataSeed = stepSeed(config.seed, "data", ds.spec);
  const initSeed = stepSeed(config.seed, "init", init);
  const trainSeed = stepSeed(config.seed, "train", ds.spec);
  const t = config.training;
  return {
    id: `train-${ds.slug}-${init}`,
    stage: "train",
    label: `train ${ds.slug} × ${init}`,
    seed: trainSeed,
    long: true,
    inputs: {
      dataset: ds.spec,
      content: datasetContentHash(ds.spec),
      dataSeed,
      initSeed,
      trainSeed,
      init,
      hidden: config.network.hidden,
      training: t,
      writesInitial,
    },
    async run(ctx, progress) {
      const data = loadDataset(ds.spec, { seed: dataSeed });
      const layerSizes = [data.nFeatures, ...config.network.hidden, data.nClasses];
      const initial = initialNetwork(layerSizes, init, initSeed);
      // The only step that needs TensorFlow.js: loaded here, not when the study starts.
      const { trainNetwork } = await import("../nn/train.js");
      const result = await trainNetwork(data, {
        initial,
        split: splitDataset(data, stepSeed(config.seed, "split", ds.spec), {
          testFraction: t.testSplit,
          validationFraction: t.validationSplit,
        }),
        seed: trainSeed,
        epochs: t.epochs,
        batchSize: t.batch,
        learningRate: t.learningRate,
        momentum: t.momentum,
        nesterov: t.nesterov,
        // patience 0 means "no early stopping"
        patience: t.patience === 0 ? t.epochs + 1 : t.patience,
        snapshots: [0],
        onEpochEnd: (r) => progress(r.epoch, t.epochs),
      });
      const history = result.history.map(historyRow);
      const training = { dataset: ds.spec, init, seed: trainSeed, initSeed, dataSeed, ...t };
      const outputs = [
        await ctx.write(
          LAYOUT.trainedModel(ds.slug, init),
          formatNativeModel(
            { ...result.trained, source: `${ds.spec}:${init}:trained` },
            { epoch: result.epochsRun, training, history },
          ),
        ),
        await ctx.write(LAYOUT.curveCsv(ds.slug, init), objectsToCsv(history)),
        await ctx.write(
          LAYOUT.curveJson(ds.slug, init),
          JSON.stringify(
            {
              dataset: ds.spec,
              init,
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
      if (writesInitial) {
        outputs.push(
          await ctx.write(
            LAYOUT.initialModel(init),
            formatNativeModel(
              { ...initial, source: `${init}:initial` },
              { epoch: 0, training: { init, initSeed, layerSizes } },
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
        },
      };
    },
  };
}

/** An epoch as the curve and model files store it (columns in this order; null: no validation). */
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

/** Content hash of a data set's source files (csv:/idx:), so edited data invalidates training. */
function datasetContentHash(spec: string): string | null {
  if (spec.startsWith("csv:")) {
    const file = spec.slice(4);
    if (!existsSync(file)) throw new NnmotifsError(`data set file not found`, { file });
    return hashFile(file);
  }
  if (spec.startsWith("idx:")) {
    const dir = spec.slice(4);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new NnmotifsError(`IDX data set folder not found`, { file: dir });
    }
    const files = readdirSync(dir)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
    return hashOf(files.map((f) => [f, hashFile(join(dir, f))]));
  }
  return null;
}
