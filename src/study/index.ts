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
