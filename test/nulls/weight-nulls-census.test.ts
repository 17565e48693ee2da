/**
 * census(g, {nullModel: "shuffle" | "reinit", nullContext}): the same bits for any thread count,
 * and `nnmotifs census` with these nulls: models and weighted graph JSON in, one-line errors for
 * inputs without weights.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { networkNullContext } from "../../src/graph/network-context.js";
import "../../src/graph/reinit-null.js";
import { formatGraph } from "../../src/graph/read-graph.js";
import { formatNativeModel } from "../../src/model/native-model.js";
import { initialNetwork } from "../../src/nn/mlp.js";
import { census, censusJson } from "../../src/stats/census.js";
import { REPO_ROOT } from "../anchor.js";
import { binnedNetwork } from "./network-fixtures.js";

const root = mkdtempSync(join(tmpdir(), "nnmotifs-weight-nulls-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("census under the shuffle and reinit nulls", () => {
  const { graph } = binnedNetwork([12, 10, 8, 4], "normal", 7);
  const nullContext = networkNullContext(graph);

  for (const nul of ["shuffle", "reinit"] as const) {
    it(`${nul}: identical census JSON for 1 and 2 threads`, async () => {
      const options = { size: 3, networks: 12, nullModel: nul, nullContext, seed: 3 };
      const one = await census(graph, { ...options, threads: 1 });
      const two = await census(graph, { ...options, threads: 2 });
      expect(two.run.threads).toBe(2);
      expect(censusJson(two)).toEqual(censusJson(one));
      expect(one.random.null).toBe(nul);
      expect(one.random.triesMade).toBe(0);
      expect(one.motifs.some((m) => m.randomMean !== null && m.randomSd! > 0)).toBe(true);
    }, 120_000);
  }

  it("shuffle uncoloured: the census ignores colours but the null keeps the binning's edges", async () => {
    const r = await census(graph, {
      size: 3,
      networks: 6,
      nullModel: "shuffle",
      nullContext,
      colours: false,
      threads: 1,
    });
    expect(r.colours).toBe(1);
    // Uncoloured keys: the random networks' colours must not split them (else their counts are 0).
    expect(r.motifs.map((m) => m.key).every((k) => /^[01]+$/.test(k))).toBe(true);
    expect(r.motifs.every((m) => (m.randomCountMean ?? 0) > 0)).toBe(true);
  });
});

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nnmotifs census FILE --null shuffle|reinit", () => {
  const net = initialNetwork([10, 8, 4], "glorot", 2);
  const model = join(root, "init.model.json");
  writeFileSync(
    model,
    formatNativeModel(net, { epoch: 0, training: { init: "glorot", layerSizes: [10, 8, 4] } }),
  );
  const bare = join(root, "bare.model.json");
  writeFileSync(bare, formatNativeModel(net));
  const { graph } = binnedNetwork([10, 8, 4], "glorot", 2);
  const graphJson = join(root, "net.graph.json");
  writeFileSync(graphJson, formatGraph(graph, "json"));
  const edgeList = join(root, "net.fanmod.txt");
  writeFileSync(edgeList, formatGraph(graph, "fanmod"));
  const quick = ["-k", "3", "-r", "5", "--threads", "1", "-f", "json", "-q"];

  it("a native model that records its init scheme, under reinit; a graph JSON under shuffle", () => {
    const r = cli("census", model, "--null", "reinit", ...quick);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { random: { null: string } }).random.null).toBe("reinit");
    const s = cli("census", graphJson, "--null", "shuffle", ...quick);
    expect(s.status).toBe(0);
    expect((JSON.parse(s.stdout) as { random: { null: string } }).random.null).toBe("shuffle");
  });

  it("`nnmotifs graph` of a native model keeps its init scheme, so its graph JSON runs under reinit", () => {
    const out = join(root, "graphs");
    expect(cli("graph", model, "--format", "json", "--out", out, "-q").status).toBe(0);
    const r = cli("census", join(out, "init.graph.json"), "--null", "reinit", ...quick);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a plain edge list: exit 2, one line naming the file and what to give instead", () => {
    const r = cli("census", edgeList, "--null", "shuffle", ...quick);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /net\.fanmod\.txt: the shuffle null needs a network: the graph has no edge weights\. Give a model file/,
    );
  });

  it("a model without its scheme under reinit asks for --init-scheme; with it, it runs", () => {
    const r = cli("census", bare, "--null", "reinit", ...quick);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/bare\.model\.json: the reinit null needs .* Give --init-scheme/);
    expect(
      cli("census", bare, "--null", "reinit", "--init-scheme", "glorot", ...quick).status,
    ).toBe(0);
    expect(
      cli("census", bare, "--null", "reinit", "--init-scheme", "xavier", ...quick).stderr,
    ).toMatch(/invalid --init-scheme "xavier"\. Should be one of: normal/);
  });
});
