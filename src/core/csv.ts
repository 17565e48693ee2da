/**
 * The one CSV writer of nnmotifs (RFC 4180 quoting): every table the study, the analyses and the
 * CLI write goes through `csvCell`, so a missing or undefined number reads the same everywhere.
 */

/**
 * One cell: null, undefined and non-finite numbers (NaN, ±Infinity) are empty; a value holding a
 * quote, comma, CR or LF is quoted with its quotes doubled.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows of cells as CSV text, every line (the last too) ending in LF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/** Rows of plain objects as CSV, columns from the first row's keys; "" when there is no row. */
export function objectsToCsv(rows: readonly object[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]);
  return toCsv(
    columns,
    rows.map((row) => columns.map((c) => (row as Record<string, unknown>)[c])),
  );
}
