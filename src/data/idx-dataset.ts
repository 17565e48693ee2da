/**
 * MNIST-format IDX files (SPEC §2.3), gzipped or not. An IDX file is a 4-byte magic number
 * (0, 0, type, number of dimensions), the dimensions as big-endian uint32, then the data; MNIST uses
 * type 0x08 (unsigned bytes): images are 3-D (n, rows, cols), labels 1-D (n).
 *
 * A directory holds `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`
 * and `t10k-labels-idx1-ubyte`, each optionally with `.gz` (Debian's `dataset-fashion-mnist` installs
 * the gzipped ones in /usr/share/datasets/fashion-mnist). Pixels are scaled to [0, 1].
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { NnmotifsError } from "../core/errors.js";
import { checkInputDirectory, formatBytes, readInputBytes } from "../core/input-file.js";
import type { Dataset } from "./dataset.js";

export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

const UBYTE = 0x08;

/** Largest IDX array read, gunzipped (Fashion-MNIST's training images are 47 MB): 256 MiB. */
export const MAX_IDX_BYTES = 2 ** 28;

/** Decode IDX bytes (already gunzipped or not: gzip is detected by its magic number). */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  let buf = bytes;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: MAX_IDX_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new NnmotifsError(
          `gzip data unpacks to more than ${formatBytes(MAX_IDX_BYTES)}, more than an IDX file may have`,
          { file },
        );
      }
      throw new NnmotifsError(`corrupt gzip data (${(error as Error).message})`, { file });
    }
  }
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) {
    throw new NnmotifsError("not an IDX file: wrong magic number (expected 00 00 <type> <dims>)", {
      file,
    });
  }
  if (buf[2] !== UBYTE) {
    throw new NnmotifsError(
      `unsupported: IDX data type 0x${buf[2].toString(16)}; only 0x08 (unsigned bytes) is read`,
      {
        file,
      },
    );
  }
  const nDims = buf[3];
  if (nDims < 1 || buf.length < 4 + 4 * nDims) {
    throw new NnmotifsError(`truncated IDX header (${nDims} dimensions)`, { file });
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let k = 0; k < nDims; k++) {
    const d = view.getUint32(4 + 4 * k, false);
    dims.push(d);
    size *= d;
  }
  const start = 4 + 4 * nDims;
  if (size === 0) {
    throw new NnmotifsError(
      `empty IDX array: dimensions ${dims.join("×")} hold no values (a dimension is 0)`,
      { file },
    );
  }
  if (buf.length - start < size) {
    throw new NnmotifsError(
      `truncated IDX data: ${buf.length - start} bytes, expected ${size} for ${dims.join("×")}`,
      {
        file,
      },
    );
  }
  return { dims, data: buf.subarray(start, start + size) };
}

/** Read one IDX file (`.gz` or plain). */
export function readIdxFile(file: string): IdxArray {
  return parseIdx(readInputBytes(file, { what: "IDX" }), file);
}

/** Encode an IDX ubyte array (tests and fixtures). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = UBYTE;
  out[3] = dims.length;
  dims.forEach((d, k) => view.setUint32(4 + 4 * k, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

/** Images and labels as a Dataset (pixels / 255), optionally only the first `limit` samples. */
export function idxImagesToDataset(
  images: IdxArray,
  labels: IdxArray,
  names: { images: string; labels: string; name: string },
  limit?: number,
  nClasses = 10,
): Dataset {
  if (images.dims.length < 2) {
    throw new NnmotifsError(
      `expected an image array (n, rows, cols), found dimensions ${images.dims.join("×")}`,
      {
        file: names.images,
      },
    );
  }
  if (labels.dims.length !== 1) {
    throw new NnmotifsError(
      `expected a 1-D label array, found dimensions ${labels.dims.join("×")}`,
      { file: names.labels },
    );
  }
  if (labels.dims[0] !== images.dims[0]) {
    throw new NnmotifsError(
      `${labels.dims[0]} labels for ${images.dims[0]} images in ${names.images}`,
      {
        file: names.labels,
      },
    );
  }
  const n = Math.min(images.dims[0], limit ?? Infinity);
  const nFeatures = images.dims.slice(1).reduce((a, b) => a * b, 1);
  const x = new Float32Array(n * nFeatures);
  for (let i = 0; i < x.length; i++) x[i] = images.data[i] / 255;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = labels.data[i];
    if (label >= nClasses) {
      throw new NnmotifsError(`label ${label} of sample ${i} is out of range 0..${nClasses - 1}`, {
        file: names.labels,
      });
    }
    y[i] = label;
  }
  return { name: names.name, x, y, nFeatures, nClasses };
}

export interface IdxDirectoryOptions {
  /** Use only the first `trainLimit` training samples. */
  trainLimit?: number;
  /** Use only the first `testLimit` test samples. */
  testLimit?: number;
}

/** Locate `<stem>` or `<stem>.gz` (or MNIST's original `train-images.idx3-ubyte` spelling). */
function locate(dir: string, stem: string): string {
  const candidates = [
    stem,
    `${stem}.gz`,
    stem.replace(/-idx/, ".idx"),
    `${stem.replace(/-idx/, ".idx")}.gz`,
  ];
  for (const c of candidates) {
    const path = join(dir, c);
    if (existsSync(path)) return path;
  }
  throw new NnmotifsError(
    `missing ${stem}(.gz): an IDX directory needs train-images, train-labels, t10k-images, t10k-labels`,
    {
      file: dir,
    },
  );
}

/**
 * Read an MNIST-format directory: the training files as the data set, the `t10k` files as its
 * predefined test set (`dataset.test`).
 */
export function readIdxDirectory(dir: string, options: IdxDirectoryOptions = {}): Dataset {
  checkInputDirectory(dir, "IDX data set");
  const part = (prefix: string, limit: number | undefined): Dataset => {
    const imagesFile = locate(dir, `${prefix}-images-idx3-ubyte`);
    const labelsFile = locate(dir, `${prefix}-labels-idx1-ubyte`);
    return idxImagesToDataset(
      readIdxFile(imagesFile),
      readIdxFile(labelsFile),
      { images: imagesFile, labels: labelsFile, name: `${dir}:${prefix}` },
      limit,
    );
  };
  const train = part("train", options.trainLimit);
  const test = part("t10k", options.testLimit);
  if (test.nFeatures !== train.nFeatures) {
    throw new NnmotifsError(
      `test images have ${test.nFeatures} pixels, training images ${train.nFeatures}`,
      { file: dir },
    );
  }
  return { ...train, name: dir, test };
}
