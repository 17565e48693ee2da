/**
 * Every file a user names is checked here before a parser sees it: it exists, it is a file (not a
 * directory) or a directory where one belongs, it can be read, and it is not larger than the reader
 * can hold. Outputs are checked before any work starts: the target is not a directory and its
 * folder can be created and written. Each failure is one NnmotifsError naming the path and the
 * problem, so the CLI prints one line and exits 2 instead of a Node stack trace.
 */
import { accessSync, constants, readFileSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { NnmotifsError } from "./errors.js";

/**
 * Largest input file read whole (bytes). Node strings stop at 2^29 − 24 characters and a graph,
 * CSV or YAML file of this size already describes more than a census can enumerate.
 */
export const MAX_INPUT_BYTES = 512 * 2 ** 20;

/** Largest study configuration (YAML) read: a real one is a few kilobytes. */
export const MAX_CONFIG_BYTES = 2 ** 20;

export interface InputFileOptions {
  /** What the file should be, for messages: "graph", "model", "CSV data set", … */
  readonly what: string;
  /** Refuse larger files (default MAX_INPUT_BYTES). */
  readonly maxBytes?: number;
}

/** A short human size: 512 MiB, 3.2 GiB, 900 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function statOrFail(path: string, what: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new NnmotifsError(describeFsError(error, `the ${what}`), { file: path });
  }
}

/** Check that `path` is a readable file of at most `maxBytes`; returns its size in bytes. */
export function checkInputFile(path: string, options: InputFileOptions): number {
  const { what } = options;
  if (path.trim() === "") throw new NnmotifsError(`empty file name given for the ${what}.`);
  const stats = statOrFail(path, what);
  if (stats.isDirectory()) {
    throw new NnmotifsError(`is a directory, not a file (expected the ${what}).`, { file: path });
  }
  if (!stats.isFile() && !stats.isFIFO() && !stats.isCharacterDevice()) {
    throw new NnmotifsError(`is not a regular file (expected the ${what}).`, { file: path });
  }
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new NnmotifsError(`cannot be read: permission denied (the ${what}).`, {
      file: path,
    });
  }
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  if (stats.isFile() && stats.size > max) {
    throw new NnmotifsError(
      `is ${formatBytes(stats.size)}, more than the ${formatBytes(max)} allowed for the ${what}.`,
      { file: path },
    );
  }
  return stats.size;
}

/** Check that `path` is a readable directory (an IDX data set folder, a TF.js model folder…). */
export function checkInputDirectory(path: string, what: string): void {
  const stats = statOrFail(path, what);
  if (!stats.isDirectory()) {
    throw new NnmotifsError(`is a file, not a folder (expected the ${what} folder).`, {
      file: path,
    });
  }
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
  } catch {
    throw new NnmotifsError(`cannot be read: permission denied (the ${what}).`, {
      file: path,
    });
  }
}

/** Read a checked input file as UTF-8 text. */
export function readInputText(path: string, options: InputFileOptions): string {
  checkInputFile(path, options);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new NnmotifsError(describeFsError(error, `the ${options.what}`), { file: path });
  }
}

/** Read a checked input file as bytes. */
export function readInputBytes(path: string, options: InputFileOptions): Buffer {
  checkInputFile(path, options);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new NnmotifsError(describeFsError(error, `the ${options.what}`), { file: path });
  }
}

/** The nearest existing ancestor of `path` (itself when it exists). */
function nearestExisting(path: string): { path: string; stats: Stats } {
  let current = resolve(path);
  for (;;) {
    try {
      return { path: current, stats: statSync(current) };
    } catch {
      const parent = dirname(current);
      if (parent === current)
        throw new NnmotifsError("no existing folder on the path", { file: path });
      current = parent;
    }
  }
}

function checkWritableFolder(target: string, folder: string): void {
  const found = nearestExisting(folder);
  if (!found.stats.isDirectory()) {
    throw new NnmotifsError(`cannot be written: ${found.path} is a file, not a folder.`, {
      file: target,
    });
  }
  try {
    accessSync(found.path, constants.W_OK | constants.X_OK);
  } catch {
    throw new NnmotifsError(`cannot be written: no permission to write in ${found.path}.`, {
      file: target,
    });
  }
}

/** Check, before any work, that a file can be written at `path` (`--out FILE`). */
export function checkOutputFile(path: string): void {
  if (path.trim() === "") throw new NnmotifsError("empty output file name.");
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory() || /[/\\]$/.test(path)) {
    throw new NnmotifsError("is a directory. Should be the name of the output file.", {
      file: path,
    });
  }
  checkWritableFolder(path, dirname(resolve(path)));
}

/** Check, before any work, that `dir` is (or can be created as) a writable folder (`--out DIR`). */
export function checkOutputDirectory(dir: string): void {
  if (dir.trim() === "") throw new NnmotifsError("empty output folder name.");
  checkWritableFolder(dir, resolve(dir));
}

/** "cannot read the graph: no such file or directory." — a one-line reason, without Node's prefix. */
export function describeFsError(error: unknown, subject: string): string {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: "no such file or directory",
    EISDIR: "it is a directory",
    ENOTDIR: "a part of the path is a file, not a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EMFILE: "too many open files",
    ENFILE: "too many open files",
    ELOOP: "too many symbolic links",
    ENAMETOOLONG: "the name is too long",
  };
  const reason =
    (e?.code !== undefined ? reasons[e.code] : undefined) ??
    String(e?.message ?? error).replace(/^[A-Z]+: /, "");
  return `cannot read ${subject}: ${reason}.`;
}
