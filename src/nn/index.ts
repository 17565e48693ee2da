export type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";
export {
  formatNativeModel,
  parseNativeModel,
  NATIVE_MODEL_FORMAT,
  NATIVE_MODEL_VERSION,
  type NativeModel,
  type NativeModelExtra,
} from "./native-model.js";
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
export { readKerasH5, hasHdf5Signature } from "./keras-h5.js";
export { readTfjsModel, parseTfjsModel, isTfjsModelJson } from "./tfjs-model.js";
export { ACTIVATIONS, denseNetworkFromKeras, type StoredTensor } from "./keras-sequential.js";
export { loadNetwork, detectModelKind, type ModelKind } from "./load-network.js";
