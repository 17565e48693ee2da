/**
 * `node <V8 or process-wide flags> nnmotifs census …` with worker threads: the workers inherit
 * the process's options. Passing `process.execArgv` to them explicitly made Node refuse such
 * flags (`--max-old-space-size`, `--stack-size`, `--expose-gc`) with an internal error and a stack
 * trace. Run `npm run build` first when running this file alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { REPO_ROOT } from "../anchor.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const dir = mkdtempSync(join(tmpdir(), "nnmotifs-node-flags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const graph = join(dir, "g.txt");
// Anchor-sized (95 nodes, 550 edges): k = 5 with 12 networks counts on two workers (the test
// fails with the old explicit execArgv).
writeFileSync(graph, formatFanmodEdgeList(randomEdgeGraph(95, 550, 3)));
const main = join(REPO_ROOT, "dist", "cli", "main.js");

function census(nodeFlags: string[], out: string): ReturnType<typeof spawnSync> {
  return spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      main,
      "census",
      graph,
      "-k",
      "5",
      "-r",
      "40",
      "--threads",
      "2",
      "-f",
      "json",
    ].concat(["--out", out]),
    { encoding: "utf8", timeout: 60_000 },
  );
}

describe("nnmotifs census under node flags", () => {
  it("counts on workers with V8 and process-wide flags, with the same result", () => {
    const plain = census([], join(dir, "plain.json"));
    expect(plain.status, String(plain.stderr)).toBe(0);
    const flags = ["--max-old-space-size=2048", "--stack-size=2000", "--expose-gc"];
    const flagged = census(flags, join(dir, "flagged.json"));
    expect(String(flagged.stderr)).not.toMatch(
      /internal error|ERR_WORKER_INVALID_EXEC_ARGV|\n\s+at /,
    );
    expect(flagged.status, String(flagged.stderr)).toBe(0);
    expect(readFileSync(join(dir, "flagged.json"), "utf8")).toBe(
      readFileSync(join(dir, "plain.json"), "utf8"),
    );
  }, 120_000);
});
