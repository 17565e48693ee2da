/** Null models (SPEC §6): the contract, the built-in nulls and the registry that names them. */
export type {
  NullContext,
  NullInput,
  NullModel,
  NullOptions,
  NullReplicate,
  ReplicateGenerator,
  SwitchingStatistics,
} from "./null-model.js";
export {
  prepareSwitching,
  switchGraph,
  colourKindKey,
  switchNull,
  SWITCH_DEFAULTS,
  type GroupKey,
  type SwitchOptions,
  type SwitchResult,
  type Switching,
} from "./switch.js";
export { shuffleLayerWeights, shuffleNull } from "./weight-shuffle.js";
export { prepareLayeredSwitching, layeredSwitchGraph, layeredKey, layeredNull } from "./layered.js";
export {
  registerNullModel,
  nullModel,
  nullModelNames,
  isNullModelName,
  describeNullModels,
  needsNetworkContext,
  NULL_MODEL_NAMES,
  DEFAULT_NULL_MODEL,
  type BuiltInNullName,
  type NullModelName,
  type RegisterNullOptions,
} from "./registry.js";
