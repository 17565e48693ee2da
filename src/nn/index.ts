export {
  INITIALISERS,
  INITIALISER_NAMES,
  isInitialiserName,
  orthogonalKernel,
  truncatedNormal,
  initialBias,
  NORMAL_STDDEV,
  BIAS_STDDEV,
  type Initialiser,
  type InitialiserName,
} from "./initialisers.js";
export {
  initialNetwork,
  buildMlp,
  setMlpWeights,
  readMlp,
  validateLayerSizes,
  type Tf,
} from "./mlp.js";
export { loadTf, type BackendName, type BackendChoice, type LoadedTf } from "./backend.js";
export {
  trainNetwork,
  evaluate,
  TRAIN_DEFAULTS,
  type TrainOptions,
  type TrainingConfig,
  type TrainingResult,
  type EpochRecord,
} from "./train.js";
export { KerasSgd } from "./sgd.js";
