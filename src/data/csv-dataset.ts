/**
 * CSV data sets as the authors wrote them (`datasets/tree.csv`): a header row naming the columns,
 * the feature columns, and a `label` column (the last one in their files) with integer classes
 * 0..nClasses−1. Without a header (first row all numbers) the last column is the label.
 */
import { NnmotifsError } from "../core/errors.js";
import { readInputText } from "../core/input-file.js";
import type { Dataset } from "./dataset.js";

export interface CsvDatasetOptions {
  /** Number of classes; labels must lie in [0, nClasses). Default: largest label + 1. */
  nClasses?: number;
  /** Name of the label column when there is a header. */
  labelColumn?: string;
}

/**
 * Most classes a data set may have: the network gets one output unit per class, so a stray label
 * (100000000) must not make 10⁸ outputs.
 */
export const MAX_CLASSES = 10_000;

/** Read a CSV data set from a file; errors name the file and line. */
export function readCsvDataset(file: string, options: CsvDatasetOptions = {}): Dataset {
  return parseCsvDataset(readInputText(file, { what: "CSV data set" }), file, options);
}

/** Parse CSV text; `file` is used in error messages and as the data set's name. */
export function parseCsvDataset(
  text: string,
  file: string,
  options: CsvDatasetOptions = {},
): Dataset {
  const labelName = options.labelColumn ?? "label";
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  if (first === lines.length)
    throw new NnmotifsError("empty CSV file: expected a header and data rows", { file });
  const head = lines[first].split(",").map((c) => c.trim());
  const hasHeader = head.some((c) => c !== "" && !Number.isFinite(Number(c)));
  const width = head.length;
  let labelCol = width - 1;
  if (hasHeader) {
    labelCol = head.indexOf(labelName);
    if (labelCol < 0) {
      throw new NnmotifsError(
        `no \`${labelName}\` column in the header (columns: features, then ${labelName})`,
        {
          file,
          line: first + 1,
        },
      );
    }
  }
  if (width < 2)
    throw new NnmotifsError("expected at least one feature column and a label column", {
      file,
      line: first + 1,
    });
  const nFeatures = width - 1;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let li = hasHeader ? first + 1 : first; li < lines.length; li++) {
    const line = lines[li];
    if (line.trim() === "") continue;
    const cells = line.split(",");
    if (cells.length !== width) {
      throw new NnmotifsError(
        `row has ${cells.length} columns, expected ${width} (as in the first row)`,
        {
          file,
          line: li + 1,
        },
      );
    }
    for (let c = 0; c < width; c++) {
      const cell = cells[c].trim();
      const v = cell === "" ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw new NnmotifsError(`column ${c + 1}: ${JSON.stringify(cell)} is not a number`, {
          file,
          line: li + 1,
        });
      }
      if (c === labelCol) {
        if (!Number.isInteger(v) || v < 0) {
          throw new NnmotifsError(`label ${cell} should be an integer class 0, 1, 2, …`, {
            file,
            line: li + 1,
          });
        }
        if (v >= MAX_CLASSES && options.nClasses === undefined) {
          throw new NnmotifsError(
            `label ${cell} is too large: classes are numbered 0, 1, 2, … and at most ${MAX_CLASSES} are supported (one output unit each). Renumber the labels 0..K-1.`,
            { file, line: li + 1 },
          );
        }
        if (options.nClasses !== undefined && v >= options.nClasses) {
          throw new NnmotifsError(
            `label ${cell} is out of range: classes are 0..${options.nClasses - 1}`,
            {
              file,
              line: li + 1,
            },
          );
        }
        ys.push(v);
      } else xs.push(v);
    }
  }
  if (ys.length === 0) throw new NnmotifsError("no data rows", { file });
  let nClasses = options.nClasses ?? 0;
  if (options.nClasses === undefined) for (const v of ys) nClasses = Math.max(nClasses, v + 1);
  if (nClasses < 2)
    throw new NnmotifsError(`labels span ${nClasses} class; at least 2 are needed`, { file });
  if (options.nClasses === undefined) {
    // Labels 0 and 5000 would make 5001 output units, 4999 of them never trained: refuse.
    const used = new Set(ys).size;
    if (nClasses > 2 * used + 16) {
      throw new NnmotifsError(
        `labels use ${used} distinct classes but go up to ${nClasses - 1}; the network would get ${nClasses} output units, most never seen. Renumber the labels 0..${used - 1}.`,
        { file },
      );
    }
  }
  return { name: file, x: Float32Array.from(xs), y: Int32Array.from(ys), nFeatures, nClasses };
}
