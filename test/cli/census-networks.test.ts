/**
 * `nnmotifs census` on the shipped networks and the engine-for-any-network options (issue 10):
 * @names, GML with --min-weight, --undirected, --vertex-colours FILE, --instances, --per-node, and
 * `nnmotifs graph --format`. Spawns the built CLI (`npm run build` first when run alone).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HAVE_ANCHOR, REPO_ROOT, anchorFile } from "../anchor.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-networks-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nnmotifs census @network and network formats", () => {
  it("@celegans -k 4 --instances bi-fan lists Milo's 127 bi-fans as node sets", () => {
    const r = run(["census", "@celegans", "-k", "4", "--instances", "bi-fan", "-f", "json", "-q"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { count: number; truncated: boolean; nodeSets: number[][] };
    expect(doc).toMatchObject({ count: 127, truncated: false });
    expect(new Set(doc.nodeSets.map((s) => s.join(","))).size).toBe(127);
  });

  it("the GML source with --min-weight 5 gives the census of @celegans", () => {
    const gml = join(REPO_ROOT, "networks", "sources", "celegansneural.gml.gz");
    const a = run(["census", gml, "--min-weight", "5", "-k", "3", "-r", "0", "-f", "json", "-q"]);
    const b = run(["census", "@celegans", "-k", "3", "-r", "0", "-f", "json", "-q"]);
    expect(a.status).toBe(0);
    const classes = (t: string) =>
      (JSON.parse(t) as { motifs: { key: string; count: number }[] }).motifs.map((m) => [
        m.key,
        m.count,
      ]);
    expect(classes(a.stdout)).toEqual(classes(b.stdout));
  });

  it("--per-node counts sum to k × the census count of each class", () => {
    const census = JSON.parse(
      run(["census", "@serengeti-foodweb", "-k", "3", "-r", "0", "-f", "json", "-q"]).stdout,
    ) as {
      motifs: { key: string; count: number }[];
    };
    const per = JSON.parse(
      run(["census", "@serengeti-foodweb", "-k", "3", "--per-node", "-f", "json", "-q"]).stdout,
    ) as {
      classes: string[];
      nodes: { counts: number[] }[];
    };
    for (const m of census.motifs) {
      const c = per.classes.indexOf(m.key);
      expect(per.nodes.reduce((s, n) => s + n.counts[c], 0)).toBe(3 * m.count);
    }
  });

  it("--undirected counts undirected classes; --vertex-colours FILE colours the classes", () => {
    const g = join(dir, "path.txt");
    writeFileSync(g, "0 1\n2 1\n2 3\n");
    const u = JSON.parse(
      run(["census", g, "--undirected", "-k", "3", "-r", "0", "-f", "json", "-q"]).stdout,
    ) as {
      motifs: { adjacency: string[]; count: number }[];
    };
    expect(u.motifs).toEqual([
      expect.objectContaining({ adjacency: ["001", "001", "110"], count: 2 }),
    ]);
    const colours = join(dir, "colours.txt");
    writeFileSync(colours, "0 1\n1 2\n2 2\n3 1\n");
    const v = JSON.parse(
      run([
        "census",
        g,
        "--undirected",
        "--vertex-colours",
        colours,
        "-k",
        "3",
        "-r",
        "0",
        "-f",
        "json",
        "-q",
      ]).stdout,
    ) as { motifs: { count: number }[] };
    expect(v.motifs.length).toBe(1); // 0-1-2 and 1-2-3 are colour-for-colour the same path
    const bad = run(["census", g, "--vertex-colours", join(dir, "none.txt"), "-q"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("an unknown @name names the shipped networks (exit 2)", () => {
    const r = run(["census", "@nope", "-q"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no shipped network "@nope"\. Shipped: @celegans/);
  });
});

describe.skipIf(!HAVE_ANCHOR)("nnmotifs graph --format", () => {
  it("writes GraphML, GEXF and DOT beside the FANMOD list; the GraphML has the same census", () => {
    const out = join(dir, "formats");
    const r = run([
      "graph",
      anchorFile("model_tree.h5"),
      "-f",
      "graphml,gexf,dot,fanmod",
      "-o",
      out,
      "-q",
    ]);
    expect(r.status).toBe(0);
    for (const ext of ["graphml", "gexf", "dot", "fanmod.txt"]) {
      expect(existsSync(join(out, `model_tree.${ext}`))).toBe(true);
    }
    expect(existsSync(join(out, "model_tree.graph.json"))).toBe(false);
    const census = (file: string) =>
      JSON.parse(
        run(["census", join(out, file), "-k", "3", "-r", "0", "-f", "json", "-q"]).stdout,
      ) as unknown as {
        motifs: unknown[];
      };
    expect(census("model_tree.graphml").motifs).toEqual(census("model_tree.fanmod.txt").motifs);
    expect(readFileSync(join(out, "model_tree.dot"), "utf8")).toMatch(/^digraph nnmotifs \{/);
    expect(run(["graph", anchorFile("model_tree.h5"), "-f", "svg", "-o", out]).status).toBe(2);
  });
});
