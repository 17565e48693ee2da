/**
 * The contract of one model file format: how to recognise a file by its content, and how to read
 * it into a DenseNetwork. Each format is one file in this folder exporting one `ModelFormat`; the
 * registry (formats.ts) lists them, and `loadNetwork` asks each in turn whether a file is its own.
 *
 * Recognition is by content (magic bytes, JSON shape), never by extension alone: a Keras .h5 saved
 * as `model.weights` or a safetensors file without its extension still loads.
 */
import type { DenseNetwork } from "./network.js";

/** What a reader may be told besides the file; a format lists the ones it honours in `options`. */
export interface ModelReadOptions {
  /**
   * The weight layers to read, in order, by name (`nnmotifs graph --layers fc1,fc2`): for formats
   * whose files do not record the layer order themselves (safetensors).
   */
  readonly layers?: readonly string[];
}

/** The file as the registry hands it to `detect` and `read`: bytes once, JSON parsed at most once. */
export interface ModelProbe {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The file parsed as JSON, or undefined when it is not a JSON object (parsed lazily, once). */
  json(): unknown;
}

export interface ModelFormat {
  /** Registry key, also what `detectModelKind` returns: "keras-h5", "tfjs", … */
  readonly name: string;
  /** Short human name for help texts and "nnmotifs reads …" messages: "Keras .h5". */
  readonly title: string;
  /** JSON formats say what a JSON file needs to be theirs, for the "JSON that is not a model" message. */
  readonly jsonShape?: string;
  /** The `ModelReadOptions` keys this reader honours; others given by the user are an error. */
  readonly options?: readonly (keyof ModelReadOptions)[];
  /** True when the file is of this format. Cheap: look at magic bytes or the JSON's top level. */
  detect(probe: ModelProbe): boolean;
  /** Read the network; throw NnmotifsError (naming `probe.path`) for anything malformed. */
  read(probe: ModelProbe, options: ModelReadOptions): DenseNetwork | Promise<DenseNetwork>;
}
