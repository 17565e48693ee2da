/**
 * The model formats nnmotifs reads, in the order `loadNetwork` tries them. Adding a format is one
 * file in this folder exporting a `ModelFormat` and one line here. (nnmotifs graph JSON read as a
 * model is contributed from graph/, which may import model/ but not the reverse.)
 */
import { ModelFormatRegistry } from "./format-registry.js";
import { kerasH5Format } from "./keras-h5.js";
import { keras3Format } from "./keras3.js";
import { nativeModelFormat } from "./native-model.js";
import { onnxFormat } from "./onnx-model.js";
import { safetensorsFormat } from "./safetensors.js";
import { tfjsModelFormat } from "./tfjs-model.js";

export const MODEL_FORMATS = new ModelFormatRegistry([
  kerasH5Format,
  keras3Format,
  safetensorsFormat,
  onnxFormat,
  tfjsModelFormat,
  nativeModelFormat,
]);
