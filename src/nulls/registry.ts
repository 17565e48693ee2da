/**
 * Every null model by name. The census, the CLI (`--null`, its help) and the study config read
 * the names from here, so adding a null is one file and one line in `BUILT_IN_NULLS`.
 *
 * Nulls can also be registered at run time (`registerNullModel`), e.g. by a plug-in or a test.
 * Worker threads have their own copy of this module: a null registered at run time reaches them
 * only when it was registered with `module`, the URL of a module that registers it when imported
 * (usually its own `import.meta.url`); a worker that does not know a name imports that module
 * first. Without `module`, the census runs such a null in-process (one thread).
 */
import { NnmotifsError } from "../core/errors.js";
import { layeredNull } from "./layered.js";
import type { NullModel } from "./null-model.js";
import { switchNull } from "./switch.js";

const BUILT_IN_NULLS = {
  switch: switchNull,
  layered: layeredNull,
} as const satisfies { readonly [name: string]: NullModel };

export type BuiltInNullName = keyof typeof BUILT_IN_NULLS;

/** A null model's name: a built-in one, or any name registered at run time. */
export type NullModelName = BuiltInNullName | (string & NonNullable<unknown>);

/** The built-in names, in registry order (what a study config accepts). */
export const NULL_MODEL_NAMES = Object.keys(BUILT_IN_NULLS) as readonly BuiltInNullName[];

/** The default null of the census. */
export const DEFAULT_NULL_MODEL: BuiltInNullName = "switch";

interface Entry {
  readonly model: NullModel;
  /** URL of a module that registers the model when imported, for worker threads; null if none. */
  readonly module: string | null;
}

const registry = new Map<string, Entry>(
  Object.entries(BUILT_IN_NULLS).map(([name, model]) => [name, { model, module: null }]),
);

export interface RegisterNullOptions {
  /** A module (file URL) that registers this null when imported: lets worker threads use it. */
  readonly module?: string | URL;
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
  const module = options.module === undefined ? null : String(options.module);
  registry.set(name, { model, module });
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
 * How a worker thread finds `name`: null for a built-in null (every thread has it), the module
 * URL for one registered with `module`, undefined for one that exists in this thread only.
 */
export function nullModelModule(name: string): string | null | undefined {
  const entry = registry.get(name);
  if (entry === undefined || BUILT_IN_NAMES.has(name)) return null;
  return entry.module ?? undefined;
}

const BUILT_IN_NAMES: ReadonlySet<string> = new Set(NULL_MODEL_NAMES);

/** `name: description` lines for help texts. */
export function describeNullModels(): string[] {
  return [...registry].map(([name, { model }]) => `${name}: ${model.description}`);
}
