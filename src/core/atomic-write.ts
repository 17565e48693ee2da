/**
 * Atomic file output: write to a temporary name in the same folder, then rename. A run killed at
 * any moment leaves either the old file or the new one, never a truncated one.
 *
 * A write that fails for a reason the user can fix (the disk is full, the target is a directory,
 * no permission) becomes one NnmotifsError naming the target — never the temporary file — and
 * the temporary file is removed, so nothing half-written stays behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, open, rename, rm, writeFile, type FileHandle } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { NnmotifsError } from "./errors.js";

let counter = 0;
function temporaryName(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter}`);
}

/** Error codes that mean "the user's file system said no", reported without a stack trace. */
const USER_FS_ERRORS = new Set([
  "ENOSPC",
  "EDQUOT",
  "EISDIR",
  "ENOTDIR",
  "EACCES",
  "EPERM",
  "EROFS",
  "EEXIST",
  "ENOTEMPTY",
  "ENAMETOOLONG",
  "EFBIG",
]);

/** The user-facing error for a failed write of `path` (other errors are returned unchanged). */
export function writeError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (error instanceof NnmotifsError || code === undefined || !USER_FS_ERRORS.has(code)) {
    return error;
  }
  const folder = dirname(path);
  const reasons: Record<string, string> = {
    ENOSPC: `no space left on the device of ${folder} while writing ${path}. Free some space and run again.`,
    EDQUOT: `disk quota exceeded on ${folder} while writing ${path}. Free some space and run again.`,
    EFBIG: `file too large for the file system of ${folder} while writing ${path}.`,
    EISDIR: `cannot write ${path}: it is a directory. Give a file name.`,
    ENOTEMPTY: `cannot write ${path}: it is a directory. Give a file name.`,
    EEXIST: `cannot write ${path}: a part of its folder path is a file.`,
    ENOTDIR: `cannot write ${path}: a part of its folder path is a file, not a folder.`,
    EACCES: `cannot write ${path}: permission denied.`,
    EPERM: `cannot write ${path}: permission denied.`,
    EROFS: `cannot write ${path}: the file system is read-only.`,
    ENAMETOOLONG: `cannot write ${path}: the name is too long.`,
  };
  return new NnmotifsError(reasons[code], {}, 2, error);
}

export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw writeError(error, path);
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryName(path);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw writeError(error, path);
  }
}

export function writeJsonAtomicSync(path: string, value: unknown): void {
  writeFileAtomicSync(path, JSON.stringify(value, null, 2) + "\n");
}

/** Bytes gathered before each write of a streamed file. */
const STREAM_BUFFER_CHARS = 1 << 20;

/**
 * Write `chunks` to `path` atomically without holding the whole text: the pieces go to a temporary
 * file in ~1 MiB writes, then it is renamed. For outputs of any size (census tables with 10⁶ rows);
 * the same failure handling as writeFileAtomic.
 */
export async function writeChunksAtomic(
  path: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const tmp = temporaryName(path);
  let handle: FileHandle | null = null;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(tmp, "w");
    let buffer: string[] = [];
    let size = 0;
    for await (const chunk of chunks) {
      buffer.push(chunk);
      size += chunk.length;
      if (size >= STREAM_BUFFER_CHARS) {
        await handle.writeFile(buffer.join(""));
        buffer = [];
        size = 0;
      }
    }
    if (size > 0) await handle.writeFile(buffer.join(""));
    await handle.close();
    handle = null;
    await rename(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true });
    throw writeError(error, path);
  }
}
