import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/analyse-study.js";
import { motifName } from "../../src/analysis/motif-names.js";
import { graphOfRecord } from "../../src/analysis/participation.js";
import { instanceAnchor, instanceDrawings } from "../../src/report/instance-drawing.js";
import { motifPictogram } from "../../src/report/motif-pictogram.js";
import { reportHtml } from "../../src/report/html-report.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const results = makeSyntheticStudy(1);
const analysis = analyseStudy(results);
const html = reportHtml(results, analysis, []);

/** The induced k×k rows of a node set (uncoloured): what the census would classify. */
function inducedRows(graphId: string, nodes: number[]): string[] {
  const record = results.graphs.find((g) => g.id === graphId);
  if (record === undefined) throw new Error(`no graph ${graphId}`);
  const g = graphOfRecord(record);
  const index = new Map(nodes.map((v, i) => [v, i]));
  const m = nodes.map(() => nodes.map(() => 0));
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = index.get(g.edgeSrc[e]);
    const t = index.get(g.edgeTrg[e]);
    if (s !== undefined && t !== undefined) m[s][t] = 1;
  }
  return m.map((r) => r.join(""));
}

describe("instance drawings in the report", () => {
  it("gives every pictogram link a target in the HTML", () => {
    const links = [...html.matchAll(/href="#(instance-[a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links).toContain(instanceAnchor("diamond"));
    expect(links).toContain(instanceAnchor("bi-fan"));
    for (const id of new Set(links)) expect(html).toContain(`id="${id}"`);
  });

  it("highlights node sets that are instances of the figure's topology", () => {
    const figures = [
      ...html.matchAll(
        /<figure class="instance" id="([^"]+)" data-graph="([^"]+)" data-nodes="([^"]+)">(.*?)<\/figure>/g,
      ),
    ];
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const [, id, graphId, list, body] of figures) {
      const nodes = list.split(",").map(Number);
      const name = motifName(inducedRows(graphId, nodes));
      expect(name).not.toBeNull();
      expect(instanceAnchor(name as string)).toBe(id);
      const drawn = [...body.matchAll(/class="instance-node" data-node="(\d+)"/g)].map((m) =>
        Number(m[1]),
      );
      expect(drawn).toEqual(nodes);
      expect(results.graphs.find((g) => g.id === graphId)?.stage).toBe("trained");
    }
  });

  it("draws each network once and stays small", () => {
    const section = instanceDrawings(results, analysis);
    const networks = new Set([...section.matchAll(/data-graph="([^"]+)"/g)].map((m) => m[1]));
    expect((section.match(/<g id="instance-network-/g) ?? []).length).toBe(networks.size);
    expect(section.length).toBeLessThan(60_000 * networks.size + 20_000);
  });

  it("links only named topologies' pictograms, and not when asked not to", () => {
    expect(motifPictogram("0110000100010000")).toMatch(/^<a href="#instance-diamond"/);
    expect(motifPictogram("0110000100010000", { link: false })).toMatch(/^<svg/);
    expect(motifPictogram("0111101111011110")).toMatch(/^<svg/);
  });
});
