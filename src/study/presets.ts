/**
 * Named studies (`nnmotifs study --preset NAME`): a preset is a configuration under the file's
 * (`--config` values win), resolved and validated like any study.yaml. `--print-config --preset
 * paper` prints it in full.
 */
import { NnmotifsError } from "../core/errors.js";
import type { StudyConfigInput } from "./config.js";

/** MNIST-format data when the config names none: Debian's `dataset-fashion-mnist` package. */
export const DEFAULT_MNIST = "idx:/usr/share/datasets/fashion-mnist";

export interface StudyPreset {
  readonly description: string;
  /** The configuration it starts from. */
  readonly config: StudyConfigInput;
  /** Apply `--quick` on top (the quick preset). */
  readonly quick?: boolean;
}

export const STUDY_PRESETS = {
  default: {
    description: "the default study (npm start): 5 seeds of [30, 30] on tree and clusters",
    config: {},
  },
  quick: {
    description: "a smoke version of the default study (as --quick)",
    config: {},
    quick: true,
  },
  paper: {
    description:
      "the paper's grid: tree and clusters with [20, 10], [20, 20], [30, 30] at c = 0.55, and 784-50-50-20-10 on MNIST-format data at c = 0.1 (batch 128, 10 epochs); sizes 4 and 5, switch and layered nulls, 3 seeds",
    config: {
      seeds: 3,
      data: [
        "tree",
        "clusters",
        { set: DEFAULT_MNIST, hidden: [50, 50, 20], batch: 128, epochs: 10, cutoff: 0.1 },
      ],
      network: {
        hidden: [
          [20, 10],
          [20, 20],
          [30, 30],
        ],
      },
      graphs: { binning: "paper", cutoff: 0.55 },
      // k = 5 on the MNIST graphs does not fit exactly in the budget: above 2·10⁶ subgraphs per
      // network RAND-ESU samples about that many (the census records the sampling).
      motifs: { sizes: [4, 5], nulls: ["switch", "layered"], maxExactSubgraphs: 2e6 },
      topology: { sizes: [4] },
      sensitivity: { cutoffs: [] },
      density: { sizes: [4], replicates: "first" },
      snapshots: [0, 1, 2, 5, 10, 20],
      trajectory: { sizes: [4], randomNetworks: 30 },
    },
  },
} as const satisfies Record<string, StudyPreset>;

export type StudyPresetName = keyof typeof STUDY_PRESETS;

export const STUDY_PRESET_NAMES = Object.keys(STUDY_PRESETS) as StudyPresetName[];

export function studyPreset(name: string): StudyPreset {
  if (!Object.hasOwn(STUDY_PRESETS, name)) {
    throw new NnmotifsError(
      `unknown preset "${name}". Should be one of ${STUDY_PRESET_NAMES.join(", ")}.`,
    );
  }
  return STUDY_PRESETS[name as StudyPresetName];
}

/** The config with every MNIST-format entry that names DEFAULT_MNIST moved to `dir` (--mnist). */
export function withMnist(config: StudyConfigInput, dir: string): StudyConfigInput {
  const set = `idx:${dir}`;
  const data = (config.data ?? []).map((entry) =>
    entry === DEFAULT_MNIST
      ? set
      : typeof entry === "object" && entry.set === DEFAULT_MNIST
        ? { ...entry, set }
        : entry,
  );
  return { ...config, data };
}
