/**
 * Parser of FANMOD 1.1 result files ("*_out.csv"), to compare nnmotifs with FANMOD's published
 * runs and to read people's existing results.
 *
 * Layout: a header of "Key: value" lines and sentences ("N subgraphs were enumerated in the
 * original network."), then "Result overview:", a two-line column header, and one row group per
 * class: "ID,row0,freq%,mean-freq%,sd,z,p" followed by k−1 lines ",row_i". Frequencies are in
 * percent with 5 significant digits (e.g. "8.8409%", "6.3524e-005%"); the standard deviation is a
 * fraction; Z is "undefined" when the random networks show no variance.
 *
 * Orientation (found empirically, test/motifs/golden-fanmod.test.ts): the rows FANMOD prints are
 * the adjacency matrix M itself, M[i][j] = colour of the edge i→j — not its transpose. Read as
 * printed, every class of the six anchor files matches a class of our census with its frequency
 * to the printed digit. Read transposed (every edge reversed), tree_w_s4 has 1 of 235 classes
 * without a match and 190 with a wrong frequency; tree_w_s5: 157 and 3314 of 3551.
 */
import { NnmotifsError } from "../core/errors.js";

export interface FanmodClass {
  /** FANMOD's class id (of the uncoloured class; several coloured classes share one). */
  readonly id: number;
  /** k rows of k digits, as printed: row i = the colours of the edges leaving vertex i. */
  readonly adjacency: string[];
  /** Frequency in the original network, in percent, and its printed text (without "%"). */
  readonly frequencyPercent: number;
  readonly frequencyText: string;
  /** Mean frequency over the random networks, in percent. */
  readonly meanFrequencyPercent: number;
  /** Standard deviation of the random frequencies (a fraction, as FANMOD prints it). */
  readonly standardDeviation: number;
  /** Z-score, null when FANMOD printed "undefined". */
  readonly z: number | null;
  readonly p: number;
  /** 1-based line of the class's first row in the file. */
  readonly line: number;
}

export interface FanmodResults {
  readonly network: string;
  readonly nodes: number;
  readonly edges: number;
  readonly singleEdges: number;
  readonly mutualEdges: number;
  readonly edgeColours: number;
  readonly algorithm: string;
  readonly size: number;
  readonly randomNetworks: number;
  /** "N subgraphs were enumerated in the original network." */
  readonly subgraphs: number;
  readonly randomSubgraphs: number;
  readonly classes: FanmodClass[];
}

/** Number as FANMOD prints it ("1.4185", "6.3524e-005", "0"); null for "undefined". */
function parseNumber(text: string, file: string | undefined, line: number): number | null {
  const t = text.trim();
  if (t === "undefined") return null;
  const x = Number(t);
  if (t === "" || !Number.isFinite(x)) {
    throw new NnmotifsError(`invalid number "${text}" in a FANMOD result file.`, { file, line });
  }
  return x;
}

/** Parse the text of a FANMOD 1.1 result CSV. `file` only names the source in error messages. */
export function parseFanmodResults(text: string, file?: string): FanmodResults {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let subgraphs = NaN;
  let randomSubgraphs = NaN;
  let randomNetworks = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l.startsWith("ID,Adj-Matrix")) break;
    const m = /^(\d+) subgraphs were enumerated in the (original|random) network/.exec(l);
    if (m) {
      if (m[2] === "original") subgraphs = Number(m[1]);
      else randomSubgraphs = Number(m[1]);
      continue;
    }
    const r = /^Generated (\d+) random networks/.exec(l);
    if (r) randomNetworks = Number(r[1]);
    const colon = l.indexOf(": ");
    if (colon > 0) header.set(l.slice(0, colon), l.slice(colon + 2));
  }
  if (i >= lines.length) {
    throw new NnmotifsError(
      'not a FANMOD 1.1 result file: no "ID,Adj-Matrix,…" line. Expected FANMOD\'s CSV output.',
      { file },
    );
  }
  const num = (key: string): number => {
    const v = header.get(key);
    if (v === undefined || !Number.isFinite(Number(v))) {
      throw new NnmotifsError(`FANMOD result file: missing or invalid "${key}:" line.`, { file });
    }
    return Number(v);
  };
  if (!Number.isFinite(subgraphs)) {
    throw new NnmotifsError(
      'FANMOD result file: missing "N subgraphs were enumerated in the original network." line.',
      { file },
    );
  }
  const size = num("Subgraph size");
  const classes: FanmodClass[] = [];
  i += 2; // the column header and its "[Original],[Random]" line
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === "") continue;
    const cells = l.split(",");
    const lineNo = i + 1;
    if (cells.length < 7 || cells[0] === "") {
      throw new NnmotifsError(
        `FANMOD result file: expected a class row "ID,row,freq%,mean%,sd,z,p", found "${l}".`,
        { file, line: lineNo },
      );
    }
    const adjacency = [cells[1]];
    for (let r = 1; r < size; r++) {
      const next = (lines[i + r] ?? "").trim();
      if (!next.startsWith(",")) {
        throw new NnmotifsError(
          `FANMOD result file: class ${cells[0]} has ${r} matrix rows. Should have ${size}.`,
          { file, line: i + r + 1 },
        );
      }
      adjacency.push(next.slice(1));
    }
    for (const row of adjacency) {
      if (row.length !== size || !/^[0-7]+$/.test(row)) {
        throw new NnmotifsError(
          `FANMOD result file: matrix row "${row}" of class ${cells[0]}. Should be ${size} digits 0..7.`,
          { file, line: lineNo },
        );
      }
    }
    const frequencyText = cells[2].replace("%", "");
    classes.push({
      id: Number(cells[0]),
      adjacency,
      frequencyPercent: parseNumber(frequencyText, file, lineNo) ?? NaN,
      frequencyText,
      meanFrequencyPercent: parseNumber(cells[3].replace("%", ""), file, lineNo) ?? NaN,
      standardDeviation: parseNumber(cells[4], file, lineNo) ?? NaN,
      z: parseNumber(cells[5], file, lineNo),
      p: parseNumber(cells[6], file, lineNo) ?? NaN,
      line: lineNo,
    });
    i += size - 1;
  }
  return {
    network: header.get("Network name") ?? "",
    nodes: num("Number of nodes"),
    edges: num("Number of edges"),
    singleEdges: num("Number of single edges"),
    mutualEdges: num("Number of mutual edges"),
    edgeColours: num("Number of edge colors"),
    algorithm: header.get("Algorithm") ?? "",
    size,
    randomNetworks,
    subgraphs,
    randomSubgraphs: Number.isFinite(randomSubgraphs) ? randomSubgraphs : 0,
    classes,
  };
}

/**
 * Does `value` (in percent) round to FANMOD's printed text? FANMOD prints 5 significant digits
 * and drops trailing zeros ("%g"), so the value must lie within half a unit of the 5th
 * significant digit of the printed number (plus a hair, for binary rounding of the halves).
 */
export function matchesPrintedPercent(value: number, printed: string, digits = 5): boolean {
  const x = Number(printed);
  if (x === 0) return value === 0;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(x))) - (digits - 1));
  return Math.abs(value - x) <= unit / 2 + Math.abs(x) * 1e-12;
}
