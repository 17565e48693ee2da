/**
 * Census tables of any size (issue 13 item 3): every format is streamed row by row, byte-identical
 * to the one-string formatter, and a 700 000-class census (k = 8 on the anchor graph has 667 862)
 * is written under a 200 MB heap — its JSON is over 400 MB, so it could not be built as one string.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readSync, readdirSync, rmSync, statSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeDigraph } from "../../src/graph/digraph.js";
import { census, censusJson } from "../../src/stats/census.js";
import {
  CENSUS_FORMATS,
  censusChunks,
  formatCensus,
  jsonChunks,
  MOTIFS_PER_CHUNK,
} from "../../src/stats/census-format.js";
import { REPO_ROOT } from "../anchor.js";

const dir = mkdtempSync(join(tmpdir(), "nnmotifs-census-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const g = makeDigraph(6, [
  [0, 2, 1],
  [0, 3, 3],
  [1, 2, 3],
  [1, 3, 1],
  [2, 4, 1],
  [3, 4, 3],
  [3, 5, 2],
  [4, 5, 1],
]);
const ctx = { file: "g.txt", version: "0.0.0" };

function tail(file: string, bytes: number): string {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(bytes);
  readSync(fd, buffer, 0, bytes, statSync(file).size - bytes);
  closeSync(fd);
  return buffer.toString("utf8");
}

describe("streamed census tables", () => {
  it("give exactly JSON.stringify for any indent and for no classes", async () => {
    const doc = censusJson(await census(g, { size: 3, networks: 3, seed: 2, threads: 1 }));
    expect(doc.motifs.length).toBeGreaterThan(1);
    // Runs of MOTIFS_PER_CHUNK motifs: a last run full, and one short.
    const many = (n: number): typeof doc.motifs =>
      Array.from({ length: n }, (_, i) => doc.motifs[i % doc.motifs.length]);
    const docs = [doc, { ...doc, motifs: [] }, { ...doc, motifs: doc.motifs.slice(0, 1) }];
    docs.push({ ...doc, motifs: many(2 * MOTIFS_PER_CHUNK) });
    docs.push({ ...doc, motifs: many(2 * MOTIFS_PER_CHUNK + 3) });
    for (const indent of [0, 1, 2, 4]) {
      for (const d of docs) {
        expect([...jsonChunks(d, indent)].join("")).toBe(JSON.stringify(d, null, indent) + "\n");
      }
    }
    for (const format of CENSUS_FORMATS) {
      const pieces = [...censusChunks(doc, format, ctx)];
      // One piece a row; JSON one piece per run of MOTIFS_PER_CHUNK motifs.
      const rowsPerPiece = format === "json" ? MOTIFS_PER_CHUNK : 1;
      expect(pieces.length).toBeGreaterThan(Math.ceil(doc.motifs.length / rowsPerPiece));
      expect(pieces.join("")).toBe(formatCensus(doc, format, ctx));
    }
  });

  it("write a 700 000-class census as JSON (twice the heap), and a 200 000-class table, under a 200 MB heap", () => {
    for (const [format, classes] of [
      ["json", 700_000],
      ["table", 200_000],
    ] as const) {
      const out = join(dir, `big.${format}`);
      const run = spawnSync(
        process.execPath,
        [
          "--max-old-space-size=200",
          "--import",
          "tsx",
          join(REPO_ROOT, "test", "fixtures", "stream-large-census.ts"),
          String(classes),
          format,
          out,
        ],
        { cwd: REPO_ROOT, encoding: "utf8", timeout: 240_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const { maxRssBytes } = JSON.parse(run.stdout) as { maxRssBytes: number };
      expect(maxRssBytes).toBeLessThan(450 * 2 ** 20);
      const size = statSync(out).size;
      if (format === "json") {
        expect(size).toBeGreaterThan(400e6);
        expect(tail(out, 200)).toMatch(/\n {6}"sp": [\d.]+\n {4}\}\n {2}\]\n\}\n$/);
      } else {
        expect(tail(out, 300).trimEnd().split("\n").length).toBeGreaterThan(2);
      }
      rmSync(out);
    }
    expect(readdirSync(dir)).toEqual([]); // no temporary file left
  });
});
