/**
 * `nnmotifs census` as a user runs it: `node dist/cli/main.js census …` (dist is built by
 * `npm test`'s pretest; run `npm run build` first when running this file alone).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { canonicalKey } from "../../src/motifs/canonical-label.js";
import { parseFanmodResults } from "../../src/motifs/fanmod-results.js";
import { formatG } from "../../src/stats/census-format.js";
import { REPO_ROOT } from "../anchor.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-census-cli-"));

/** Fails the run if the command resolves TensorFlow.js or h5wasm. */
const FORBID_NN = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  "data:text/javascript,export async function resolve(s,c,n){if(/tfjs|h5wasm/.test(s))throw new Error('census loaded '+s);return n(s,c)}",
)})`;

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", FORBID_NN, CLI, "census", ...args], {
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function graphFile(name: string, n: number, m: number, seed: number): string {
  const path = join(dir, name);
  writeFileSync(path, formatFanmodEdgeList(randomEdgeGraph(n, m, seed)));
  return path;
}

let small: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
  small = graphFile("small.txt", 20, 60, 1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("nnmotifs census GRAPH", () => {
  it("| true: a reader that closes the pipe early ends the command quietly (no EPIPE trace)", () => {
    // `true` exits without reading, so every write of the table meets a closed pipe.
    const r = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" "${CLI}" census "${small}" --size 4 --random 0 | true`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });

  it("--format json prints the issue's shape, without loading tfjs or h5wasm", () => {
    const r = run([small, "--size", "3", "--random", "20", "--threads", "2", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ nodes: 20, edges: 60, colours: 3, size: 3 });
    expect(json.random).toMatchObject({
      networks: 20,
      null: "switch",
      exchanges: 3,
      tries: 3,
      seed: 1,
    });
    expect(json.subgraphs).toBeGreaterThan(0);
    let sum = 0;
    for (const m of json.motifs) {
      expect(m.adjacency).toHaveLength(3);
      expect(m.adjacency[0]).toMatch(/^[0-7]{3}$/);
      expect(m.frequency).toBe(m.count / json.subgraphs);
      expect(m.z === null || typeof m.z === "number").toBe(true);
      for (const f of ["randomMean", "randomSd", "pOver", "pUnder", "zCount", "sp"])
        expect(m).toHaveProperty(f);
      sum += m.count;
    }
    expect(sum).toBe(json.subgraphs);
  });

  it("gives the same JSON with 1 and 3 threads", () => {
    const a = run([small, "-k", "3", "-r", "12", "--threads", "1", "-f", "json", "--seed", "4"]);
    const b = run([small, "-k", "3", "-r", "12", "--threads", "3", "-f", "json", "--seed", "4"]);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("--format fanmod is read back by parseFanmodResults with the same classes", () => {
    const json = JSON.parse(
      run([small, "-k", "4", "-r", "10", "--threads", "1", "-f", "json"]).stdout,
    );
    const out = join(dir, "small_out.csv");
    const r = run([small, "-k", "4", "-r", "10", "--threads", "1", "-f", "fanmod", "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const fanmod = parseFanmodResults(readFileSync(out, "utf8"), out);
    expect(fanmod.subgraphs).toBe(json.subgraphs);
    expect(fanmod.size).toBe(4);
    expect(fanmod.classes).toHaveLength(json.motifs.length);
    const byKey = new Map(fanmod.classes.map((c) => [canonicalKey(c.adjacency, 4), c]));
    for (const m of json.motifs) {
      const c = byKey.get(m.key)!;
      expect(c.frequencyPercent).toBeCloseTo(100 * m.frequency, 3);
      if (m.z === null) expect(c.z).toBeNull();
      else expect(c.z).toBeCloseTo(m.z, 3 - Math.ceil(Math.log10(Math.abs(m.z) + 1)));
      expect(c.p).toBeCloseTo(m.shareOver, 6);
    }
    // Atomic write: no temporary file left beside the output.
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("--format table and csv print one line per class after the header", () => {
    const table = run([small, "-r", "5", "--threads", "1"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/20 nodes, 60 edges/);
    expect(table.stdout).toMatch(/adjacency\s+count\s+freq%/);
    const csv = run([small, "-r", "5", "--threads", "1", "-f", "csv"]);
    expect(csv.stdout.split("\n")[0]).toMatch(/^adjacency,vertex_colours,count,frequency/);
  });

  it("runs the layered null with --layers and --vertex-colours layer", () => {
    // Layers 0: 0..9, 1: 10..19, 2: 20..29; edges only from layer l to l+1.
    const rng = new Rng(3);
    const edges: [number, number, number][] = [];
    for (let s = 0; s < 20; s++) {
      const base = 10 * (Math.floor(s / 10) + 1);
      for (let t = base; t < base + 10; t++)
        if (rng.int(3) === 0) edges.push([s, t, 1 + rng.int(2)]);
    }
    const path = join(dir, "layered.txt");
    writeFileSync(path, formatFanmodEdgeList(makeDigraph(30, edges)));
    const r = run([
      path,
      "--null",
      "layered",
      "--layers",
      "10,10,10",
      "--vertex-colours",
      "layer",
      "-r",
      "5",
      "-f",
      "json",
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.random.null).toBe("layered");
    expect(json.random.classesAbsentFromOriginal).toBe(0);
    expect(json.motifs[0].vertexColours).toHaveLength(3);
  });

  it.each([
    [["--size", "1"], /invalid --size "1". Should be an integer 2..8./],
    [["--random", "-3"], /invalid --random/],
    [["--null", "erdos"], /invalid --null "erdos". Should be one of: switch, layered./],
    [["--format", "xml"], /invalid --format "xml". Should be one of: table, json, csv, fanmod./],
    [["--threads", "0"], /invalid --threads "0". Should be an integer 1..256./],
    [
      ["--vertex-colours", "degree"],
      /invalid --vertex-colours "degree". Should be layer, attribute, or a file/,
    ],
    [["--layers", "10,x"], /invalid --layers "10,x". Should be comma-separated positive integers/],
    [["--layers", "5,5"], /sum to 10. Should sum to the number of nodes \(20\)/],
    [["--sample", "1,0.5"], /invalid --sample "1,0.5". Should be 3 comma-separated probabilities/],
    [["--null", "layered"], /not a DAG/],
  ])("rejects %j with exit 2 and a one-line message", (args, message) => {
    const r = run([small, "-r", "2", ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });

  it("--alpha, --min-count and --min-change reach the statistics block; too few networks warn", () => {
    const r = run([
      small,
      "-r",
      "20",
      "--threads",
      "1",
      "-f",
      "json",
      "--alpha",
      "0.1",
      "--min-count",
      "2",
      "--min-change",
      "0.2",
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).statistics).toMatchObject({
      family: "census",
      alpha: 0.1,
      minCount: 2,
      minRelativeChange: 0.2,
      canReachAlpha: true,
      warning: null,
    });
    const few = run([small, "-r", "10", "--threads", "1", "-f", "json"]);
    expect(few.status).toBe(0);
    expect(few.stderr).toMatch(
      /warning: with N = 10 random networks the smallest p-value is 1\/11/,
    );
    expect(JSON.parse(few.stdout).statistics.canReachAlpha).toBe(false);
    const bad = run([small, "-r", "5", "--alpha", "1.5"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/invalid --alpha "1.5". Should be a number in \(0, 1\)/);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--no-colours counts every edge as colour 1", () => {
    const r = run([small, "--no-colours", "-r", "3", "--threads", "1", "-f", "json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.colours).toBe(1);
    for (const m of json.motifs) expect(m.adjacency.join("")).toMatch(/^[01]+$/);
  });

  it("names the file and line of a malformed graph, exit 2", () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "0 1 1\n1 2 9\n");
    const r = run([bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.txt:2/);
    expect(run([join(dir, "missing.txt")]).status).toBe(2);
  });

  it("refuses a census that would take very long and suggests --sample", () => {
    const big = graphFile("big.txt", 80, 500, 2);
    const r = run([big, "-k", "5", "-r", "100000", "--threads", "1"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /would take roughly .* --sample 1,1,1,0\.\d+,0\.\d+ \(RAND-ESU\).*--force/,
    );
  });
});

describe("formatG(x, digits)", () => {
  it("prints like C's %g with FANMOD's 5 significant digits", () => {
    expect(formatG(8.84091036)).toBe("8.8409");
    expect(formatG(0.0018215)).toBe("0.0018215");
    expect(formatG(5.39412e-6)).toBe("5.3941e-06");
    expect(formatG(0.08)).toBe("0.08");
    expect(formatG(9.999996)).toBe("10");
    expect(formatG(123456)).toBe("1.2346e+05");
    expect(formatG(-1.18857)).toBe("-1.1886");
    expect(formatG(0)).toBe("0");
  });
});
