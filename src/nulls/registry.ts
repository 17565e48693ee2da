/**
 * Every null model by name. The census, the CLI (`--null`, its help) and the study config read
 * the names from here, so adding a null is one file and one line in `BUILT_IN_NULLS`.
 *
 * Nulls can also be registered at run time (`registerNullModel`), e.g. by a plug-in or a test.
 * Worker threads have their own copy of this module: a null registered at run time reaches them
 * only when it was registered with `module` and `exportName` (the URL of a module, usually its own
 * `import.meta.url`, and the name under which it exports the model); a worker that does not know
 * the name imports that module and registers the export. Without them, the census runs such a
 * null in-process (one thread).
 *
 * Nulls with `needsNetwork` (shuffle; reinit, registered by graph/reinit-null.ts) read the network
 * from `context`; `needsNetworkContext(name)` tells callers to build it (graph/network-context.ts).
 */
import { NnmotifsError } from "../core/errors.js";
import { layeredNull } from "./layered.js";
import type { NullModel } from "./null-model.js";
import { switchNull } from "./switch.js";
import { shuffleNull } from "./weight-shuffle.js";

// `reinit` (SPEC §6.4) draws networks, which the engine may not: graph/reinit-null.ts registers it.
const BUILT_IN_NULLS = {
  switch: switchNull,
  layered: layeredNull,
  shuffle: shuffleNull,
} as const satisfies { readonly [name: string]: NullModel };

export type BuiltInNullName = keyof typeof BUILT_IN_NULLS;

/** A null model's name: a built-in one, or any name registered at run time. */
export type NullModelName = BuiltInNullName | (string & NonNullable<unknown>);

/** The built-in names, in registry order (what a study config accepts). */
export const NULL_MODEL_NAMES = Object.keys(BUILT_IN_NULLS) as readonly BuiltInNullName[];

/** The default null of the census. */
export const DEFAULT_NULL_MODEL: BuiltInNullName = "switch";

/** Where a worker thread finds a null registered at run time. */
export interface NullModelSource {
  /** URL of the module that exports the model. */
  readonly module: string;
  /** The name of the export. */
  readonly exportName: string;
}

interface Entry {
  readonly model: NullModel;
  /** Where worker threads find it; null for a built-in null or one that stays in this thread. */
  readonly source: NullModelSource | null;
}

const registry = new Map<string, Entry>(
  Object.entries(BUILT_IN_NULLS).map(([name, model]) => [name, { model, source: null }]),
);

export interface RegisterNullOptions {
  /**
   * The module (file URL) that exports this null: lets worker threads use it. Every worker
   * imports it, so it must only define things on import: a module that also runs a census at its
   * top level makes each worker start a census, and its workers more (a script and its null in
   * one file grew to 13 GB in seconds). Keep the null in a module of its own.
   */
  readonly module?: string | URL;
  /** The name of that export. */
  readonly exportName?: string;
}

/**
 * Add a null model under `name`. Registering the same model again under its name is a no-op
 * (a module imported twice); another model under a taken name is an error.
 */
export function registerNullModel(
  name: string,
  model: NullModel,
  options: RegisterNullOptions = {},
): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new NnmotifsError(
      `registerNullModel: invalid name "${name}". Should be lower-case letters, digits and "-", starting with a letter.`,
    );
  }
  const existing = registry.get(name);
  if (existing !== undefined) {
    if (existing.model === model) return;
    throw new NnmotifsError(`registerNullModel: the null model "${name}" is already registered.`);
  }
  if ((options.module === undefined) !== (options.exportName === undefined)) {
    throw new NnmotifsError(
      `registerNullModel: "${name}" needs both \`module\` and \`exportName\`, or neither.`,
    );
  }
  const source =
    options.module === undefined || options.exportName === undefined
      ? null
      : { module: String(options.module), exportName: options.exportName };
  registry.set(name, { model, source });
}

/** Every registered name: the built-in ones first, then those registered at run time. */
export function nullModelNames(): string[] {
  return [...registry.keys()];
}

export function isNullModelName(name: string): name is NullModelName {
  return registry.has(name);
}

/** The null model `name`, or an NnmotifsError that lists the names there are. */
export function nullModel(name: string, what = "null model"): NullModel {
  const entry = registry.get(name);
  if (entry === undefined) {
    throw new NnmotifsError(
      `invalid ${what} "${name}". Should be one of: ${nullModelNames().join(", ")}.`,
    );
  }
  return entry.model;
}

/**
 * How a worker thread finds `name`: null for a built-in null (every thread has it), its source
 * for one registered with `module`, undefined for one that exists in this thread only.
 */
export function nullModelSource(name: string): NullModelSource | null | undefined {
  const entry = registry.get(name);
  if (entry === undefined || Object.hasOwn(BUILT_IN_NULLS, name)) return null;
  return entry.source ?? undefined;
}

/** Whether the null `name` reads a network context (see the module comment). */
export function needsNetworkContext(name: string): boolean {
  return registry.get(name)?.model.needsNetwork ?? false;
}

/** `name: description` lines for help texts. */
export function describeNullModels(): string[] {
  return [...registry].map(([name, { model }]) => `${name}: ${model.description}`);
}
