/**
 * The slow part of the fuzz corpus (issue 13, item 6): inputs too large or too slow for `npm test`.
 * Each runs the built CLI as a process and prints exit code, seconds, peak RSS and the stderr line.
 *   npm run build && npx tsx bench/fuzz-slow.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { encodeIdx } from "../src/data/idx-dataset.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "nnm-fuzz-slow-"));
const anchor = join(import.meta.dirname, "..", "..", "shared", "anchor", "zambra2020");

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const sparse = Array.from({ length: 200_000 }, (_, e) => `${e * 9973} ${(e + 1) * 9973}`).join(
  "\n",
);
const over = file("over-limit.txt", "");
truncateSync(over, 600 * 2 ** 20); // a sparse 600 MiB file: refused by size before reading
const bomb = file("bomb", gzipSync(new Uint8Array(1.2 * 2 ** 30)));
const idx = join(dir, "mnist");
spawnSync("mkdir", ["-p", idx]);
for (const name of ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"]) {
  spawnSync("cp", [bomb, join(idx, name)]);
}
for (const name of ["train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"]) {
  writeFileSync(join(idx, name), encodeIdx([1], new Uint8Array(1)));
}

const cases: Array<[string, string[]]> = [
  ["600 MiB edge list (refused by size)", ["census", over]],
  [
    "200 000 edges with sparse ids (a path), size 3, 10 networks",
    ["census", file("sparse.txt", sparse), "-r", "10"],
  ],
  [
    "k = 8 on the anchor clus graph (refused: time)",
    ["census", join(anchor, "seed180112-normal", "clus_w_Graph.txt"), "-k", "8"],
  ],
  [
    "k = 7, --max-memory 200M (refused: memory)",
    [
      "census",
      join(anchor, "seed180112-normal", "clus_w_Graph.txt"),
      "-k",
      "7",
      "--max-memory",
      "200M",
    ],
  ],
  [
    "gzip bomb in an IDX folder (refused at 256 MiB)",
    ["train", "-d", `idx:${idx}`, "-o", join(dir, "out")],
  ],
  [
    "train --hidden 200000,200000 (refused: memory)",
    ["train", "-d", "tree", "--hidden", "200000,200000", "-o", join(dir, "out")],
  ],
];
for (const [name, args] of cases) {
  const stats = join(dir, "time.txt");
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %M", "-o", stats, process.execPath, CLI, ...args],
    {
      encoding: "utf8",
    },
  );
  const [seconds, kb] = spawnSync("tail", ["-1", stats], { encoding: "utf8" })
    .stdout.trim()
    .split(" ");
  const line = r.stderr.trim().split("\n").slice(-1)[0] ?? "";
  console.log(
    `${name}: exit ${r.status}, ${seconds} s, ${Math.round(Number(kb) / 1024)} MB peak — ${line.slice(0, 160)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
