export type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";
export {
  formatNativeModel,
  parseNativeModel,
  NATIVE_MODEL_FORMAT,
  NATIVE_MODEL_VERSION,
  type NativeModel,
  type NativeModelExtra,
} from "./native-model.js";
