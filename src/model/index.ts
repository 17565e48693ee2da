export type { Activation, DenseLayerWeights, DenseNetwork } from "./network.js";
export type { ModelFormat, ModelProbe, ModelReadOptions } from "./model-format.js";
export { ModelFormatRegistry, modelProbe } from "./format-registry.js";
export { MODEL_FORMATS } from "./formats.js";
export { kerasH5Format } from "./keras-h5.js";
export { keras3Format } from "./keras3.js";
export { safetensorsFormat } from "./safetensors.js";
export { onnxFormat } from "./onnx-model.js";
export { tfjsModelFormat } from "./tfjs-model.js";
export { nativeModelFormat } from "./native-model.js";
export { loadNetwork, detectModelKind } from "./load-network.js";
export {
  formatNativeModel,
  parseNativeModel,
  NATIVE_MODEL_FORMAT,
  NATIVE_MODEL_VERSION,
  type NativeModel,
  type NativeModelExtra,
} from "./native-model.js";
export { readKerasH5, hasHdf5Signature } from "./keras-h5.js";
export { readTfjsModel, parseTfjsModel, isTfjsModelJson } from "./tfjs-model.js";
export { ACTIVATIONS, denseNetworkFromKeras, type StoredTensor } from "./keras-sequential.js";
