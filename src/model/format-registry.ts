/**
 * An ordered, immutable list of model formats: `detect` finds the format of a file by content,
 * `load` reads it. `with(format)` returns a larger registry, which is how code outside model/
 * contributes a format without model/ importing it (graph/graph-model-format.ts does so for
 * nnmotifs graph JSON) and how a test adds a toy format.
 */
import { NnmotifsError, unsupported } from "../core/errors.js";
import { readInputBytes } from "../core/input-file.js";
import { jsonSyntaxError } from "../core/json-syntax.js";
import type { ModelFormat, ModelProbe, ModelReadOptions } from "./model-format.js";
import type { DenseNetwork } from "./network.js";

const NOT_JSON = Symbol("not JSON");

/** True when the first non-blank byte is "{": the file is meant as JSON, valid or not. */
export function startsLikeJsonObject(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
  return bytes[i] === 0x7b;
}

/** Wrap a file's bytes for the formats: JSON is parsed lazily and at most once. */
export function modelProbe(path: string, bytes: Uint8Array): ModelProbe {
  let parsed: unknown = undefined;
  let done = false;
  return {
    path,
    bytes,
    json() {
      if (!done) {
        done = true;
        parsed = NOT_JSON;
        // Only text that starts like a JSON object is parsed: a binary file never is.
        if (startsLikeJsonObject(bytes)) {
          try {
            const doc: unknown = JSON.parse(new TextDecoder().decode(bytes));
            if (typeof doc === "object" && doc !== null && !Array.isArray(doc)) parsed = doc;
          } catch {
            // not JSON: stays NOT_JSON
          }
        }
      }
      return parsed === NOT_JSON ? undefined : parsed;
    },
  };
}

export class ModelFormatRegistry {
  readonly formats: readonly ModelFormat[];

  constructor(formats: readonly ModelFormat[]) {
    const seen = new Set<string>();
    for (const f of formats) {
      if (seen.has(f.name)) throw new Error(`ModelFormatRegistry: format "${f.name}" given twice.`);
      seen.add(f.name);
    }
    this.formats = [...formats];
  }

  /** A registry with `format` appended (detected after the ones already here). */
  with(format: ModelFormat): ModelFormatRegistry {
    return new ModelFormatRegistry([...this.formats, format]);
  }

  get names(): string[] {
    return this.formats.map((f) => f.name);
  }

  /** "Keras .h5, TensorFlow.js model.json, and nnmotifs model JSON", for help and messages. */
  get titles(): string {
    const titles = this.formats.map((f) => f.title);
    if (titles.length <= 2) return titles.join(" and ");
    return `${titles.slice(0, -1).join(", ")}, and ${titles.at(-1)}`;
  }

  /** The first format that recognises the file, or undefined. */
  detect(probe: ModelProbe): ModelFormat | undefined {
    return this.formats.find((f) => f.detect(probe));
  }

  /** Read a model file of any registered format; bad or unknown files throw NnmotifsError. */
  async load(path: string, options: ModelReadOptions = {}): Promise<DenseNetwork> {
    // Checked first: existence, a folder given for a file, readability and size, each one line.
    const probe = modelProbe(path, readInputBytes(path, { what: "model" }));
    const format = this.detect(probe);
    if (format === undefined) throw this.unknown(probe);
    if (options.layers !== undefined && !(format.options ?? []).includes("layers")) {
      throw new NnmotifsError(
        `--layers does not apply to a ${format.title} file: it records its own layer order.`,
        { file: path },
      );
    }
    return format.read(probe, options);
  }

  private unknown(probe: ModelProbe): NnmotifsError {
    const where = { file: probe.path };
    if (startsLikeJsonObject(probe.bytes)) {
      const syntax = jsonSyntaxError(new TextDecoder().decode(probe.bytes));
      if (syntax !== null)
        return new NnmotifsError(syntax.message, { ...where, line: syntax.line });
      const shapes = this.formats.flatMap((f) => (f.jsonShape === undefined ? [] : [f.jsonShape]));
      return new NnmotifsError(
        `JSON that is not a model. Expected ${shapes.join(", or ")}.`,
        where,
      );
    }
    return unsupported(`not a model file. nnmotifs reads ${this.titles}.`, where);
  }
}
