/**
 * Class keys ↔ adjacency matrices. A key (see types.ts) is the k×k matrix written row by row as
 * k*k digits, M[i][j] = colour of edge i→j (0 = none), optionally followed by "/" and the k vertex
 * colours, comma-separated: "0000000020002200" or "000100000/0,1,2".
 */

/** A class key taken apart: size, row-major k×k matrix and the vertex colours (or null). */
export interface ParsedClassKey {
  readonly size: number;
  readonly matrix: Uint8Array;
  readonly vertexColours: number[] | null;
}

export function parseClassKey(key: string): ParsedClassKey {
  const slash = key.indexOf("/");
  const digits = slash < 0 ? key : key.slice(0, slash);
  const size = Math.round(Math.sqrt(digits.length));
  if (size * size !== digits.length || size < 1 || !/^[0-7]+$/.test(digits)) {
    throw new RangeError(
      `parseClassKey: invalid key "${key}". Should be k*k digits 0..7, optionally "/c0,…,c(k-1)".`,
    );
  }
  const matrix = new Uint8Array(size * size);
  for (let i = 0; i < digits.length; i++) matrix[i] = digits.charCodeAt(i) - 48;
  let vertexColours: number[] | null = null;
  if (slash >= 0) {
    vertexColours = key
      .slice(slash + 1)
      .split(",")
      .map((s) => Number(s));
    if (vertexColours.length !== size || vertexColours.some((c) => !Number.isInteger(c))) {
      throw new RangeError(
        `parseClassKey: invalid vertex colours in key "${key}". Should be ${size} integers.`,
      );
    }
  }
  return { size, matrix, vertexColours };
}

/** Write a row-major k×k matrix (entries 0..7) and optional vertex colours as a class key. */
export function formatClassKey(
  matrix: ArrayLike<number>,
  size: number,
  vertexColours?: ArrayLike<number> | null,
): string {
  // One flat string from char codes (a rope built by += would be flattened on every hash).
  const codes = new Array<number>(size * size);
  for (let i = 0; i < size * size; i++) codes[i] = 48 + matrix[i];
  const s = String.fromCharCode.apply(null, codes);
  return vertexColours ? `${s}/${Array.from(vertexColours).join(",")}` : s;
}

/** The class's matrix as k rows of k digits, e.g. ["0000","0000","2000","2200"]. */
export function classAdjacency(key: string): string[] {
  const slash = key.indexOf("/");
  const digits = slash < 0 ? key : key.slice(0, slash);
  const size = Math.round(Math.sqrt(digits.length));
  if (size * size !== digits.length) parseClassKey(key); // throws the descriptive error
  const rows: string[] = [];
  for (let i = 0; i < size; i++) rows.push(digits.slice(i * size, (i + 1) * size));
  return rows;
}

/** The class's vertex colours in canonical order, or null when the census had none. */
export function classVertexColours(key: string): number[] | null {
  return parseClassKey(key).vertexColours;
}

/** Parse k rows of k digits (as printed by FANMOD or `classAdjacency`) into a row-major matrix. */
export function matrixFromRows(rows: readonly string[]): Uint8Array {
  const k = rows.length;
  const m = new Uint8Array(k * k);
  for (let i = 0; i < k; i++) {
    const row = rows[i];
    if (row.length !== k || !/^[0-7]+$/.test(row)) {
      throw new RangeError(
        `matrixFromRows: invalid row ${i} "${row}". Should be ${k} digits 0..7 (one per column).`,
      );
    }
    for (let j = 0; j < k; j++) m[i * k + j] = row.charCodeAt(j) - 48;
  }
  return m;
}
