export {
  StudyConfigSchema,
  STUDY_DEFAULTS,
  QUICK_PRESET,
  loadStudyConfig,
  parseStudyConfig,
  resolveStudyConfig,
  formatStudyConfig,
  studyJsonSchema,
  writeStudyJsonSchema,
  replicateSeeds,
  architectureLabel,
  type StudyConfig,
  type StudyConfigInput,
  type LoadConfigOptions,
} from "./config.js";
export { StepCache, hashOf, hashFile, stableStringify, type StepRecord } from "./cache.js";
export {
  readManifest,
  MANIFEST_FILE,
  STAGES,
  type Manifest,
  type ManifestStep,
  type Stage,
} from "./manifest.js";
export { LAYOUT, datasetSlugs, type StudyDataset } from "./layout.js";
export { stepSeed } from "./step.js";
export { runStudy, type RunStudyOptions, type StudyEvent, type StudyOutcome } from "./run-study.js";
export {
  buildPlan,
  studyReplicates,
  type Replicate,
  type StudyPlan,
  type StepSpec,
  type StepInput,
} from "./plan.js";
export {
  STUDY_PRESETS,
  STUDY_PRESET_NAMES,
  DEFAULT_MNIST,
  studyPreset,
  type StudyPreset,
  type StudyPresetName,
} from "./presets.js";
export { LocalFolderStore, type StudyStore, type StoreLock } from "./store.js";
export {
  LocalExecutor,
  runStep,
  type StudyExecutor,
  type ExecuteOptions,
  type ExecutionResult,
} from "./executor.js";
export { describePlan, type PlannedStep } from "./run-study.js";
