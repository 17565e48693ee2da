/**
 * Where a motif sits in a network (issue 10, item 3): for each named topology the report's
 * pictograms show, an inline SVG of one trained network — layers as columns, inputs on the left,
 * edges thin grey — with the nodes and edges of one instance (the first `findInstances` returns)
 * highlighted. The pictograms link here (`#instance-<name>`, `instanceAnchor`).
 *
 * To keep the report small the network is drawn once per network, in a hidden `<defs>`, and every
 * figure reuses it with `<use>`; a figure adds only its instance's few nodes and edges.
 */
import type { StudyAnalysis } from "../analysis/analyse-study.js";
import { NAMED_TOPOLOGIES } from "../analysis/motif-names.js";
import { engineTopologyKey, graphOfRecord } from "../analysis/participation.js";
import type { GraphRecord, StudyResults } from "../analysis/study-results.js";
import type { Digraph } from "../graph/digraph.js";
import { findInstances } from "../motifs/instances.js";
import { WEIGHT_COLOURS } from "./figure-spec.js";
import { escapeHtml } from "./html.js";

/** The HTML id of a named topology's drawing: "feed-forward loop" → "instance-feed-forward-loop". */
export function instanceAnchor(name: string): string {
  return `instance-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

const WIDTH = 320;
const MAX_HEIGHT = 260;
const PAD = 10;

function f(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Node positions: layer l at column l, its units spread top to bottom. */
function layout(layerSizes: readonly number[]): {
  pos: [number, number][];
  r: number;
  height: number;
} {
  const tallest = Math.max(1, ...layerSizes);
  const step = Math.min(9, (MAX_HEIGHT - 2 * PAD) / Math.max(1, tallest - 1));
  const height = Math.round(2 * PAD + step * (tallest - 1));
  const columns = Math.max(1, layerSizes.length - 1);
  const pos: [number, number][] = [];
  layerSizes.forEach((units, l) => {
    const x = PAD + ((WIDTH - 2 * PAD) * l) / columns;
    const top = (height - step * (units - 1)) / 2;
    for (let i = 0; i < units; i++) pos.push([x, top + step * i]);
  });
  return { pos, r: Math.max(1, Math.min(3, step * 0.35)), height };
}

function baseId(graphId: string): string {
  return `instance-network-${graphId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** The whole network, grey, as a `<g>` for the hidden `<defs>`. */
function networkGroup(record: GraphRecord, g: Digraph): string {
  const { pos, r } = layout(record.layerSizes);
  const segments: string[] = [];
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const [x1, y1] = pos[g.edgeSrc[e]];
    const [x2, y2] = pos[g.edgeTrg[e]];
    segments.push(`M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}`);
  }
  const nodes = pos.map(([x, y]) => `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}"/>`).join("");
  return (
    `<g id="${baseId(record.id)}">` +
    `<path d="${segments.join("")}" stroke="#c8c8c8" stroke-width="0.4" fill="none"/>` +
    `<g fill="#9a9a9a">${nodes}</g></g>`
  );
}

/** One instance drawn over the reused network: its induced edges in their colours, its nodes. */
function instanceSvg(
  record: GraphRecord,
  g: Digraph,
  nodes: readonly number[],
  label: string,
): string {
  const { pos, r, height } = layout(record.layerSizes);
  const inSet = new Set(nodes);
  const parts: string[] = [`<use href="#${baseId(record.id)}"/>`];
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    if (!inSet.has(s) || !inSet.has(t)) continue;
    const colour = WEIGHT_COLOURS[String(g.edgeColour[e])] ?? "#333333";
    const ends = `x1="${f(pos[s][0])}" y1="${f(pos[s][1])}" x2="${f(pos[t][0])}" y2="${f(pos[t][1])}"`;
    // A dark halo under the weight colour: colour 2 is grey like the network's edges.
    parts.push(
      `<line ${ends} stroke="#222222" stroke-width="3.4"/>`,
      `<line class="instance-edge" ${ends} stroke="${colour}" stroke-width="2"/>`,
    );
  }
  for (const v of nodes) {
    parts.push(
      `<circle class="instance-node" data-node="${v}" cx="${f(pos[v][0])}" cy="${f(pos[v][1])}" ` +
        `r="${f(r + 1.5)}" fill="#d62728" stroke="#ffffff" stroke-width="0.8"/>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="instance" width="${WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join("")}</svg>`
  );
}

/** The named topologies the study's census classes (and so the pictograms) show, in name order. */
export function drawnTopologies(results: StudyResults, analysis: StudyAnalysis): string[] {
  const present = new Set(analysis.tables.censusClasses.map((r) => r.topologyName));
  return NAMED_TOPOLOGIES.filter((t) => results.sizes.includes(t.k) && present.has(t.name)).map(
    (t) => t.name,
  );
}

/**
 * The instance drawings of the motifs section: one figure per named topology, each in the first
 * trained network that has an instance (else an initial one), with a note when none has one.
 */
export function instanceDrawings(results: StudyResults, analysis: StudyAnalysis): string {
  const names = drawnTopologies(results, analysis);
  if (names.length === 0) return "";
  const ordered = [
    ...results.graphs.filter((g) => g.stage === "trained"),
    ...results.graphs.filter((g) => g.stage !== "trained"),
  ].filter((g) => g.weightColours.length > 0);
  const graphs = new Map<string, Digraph>();
  const graphOf = (record: GraphRecord): Digraph => {
    let g = graphs.get(record.id);
    if (g === undefined) {
      g = graphOfRecord(record);
      graphs.set(record.id, g);
    }
    return g;
  };
  const used = new Map<string, GraphRecord>();
  const figures: string[] = [];
  for (const name of names) {
    const { key, k } = engineTopologyKey(name);
    let shown = "";
    for (const record of ordered) {
      const g = graphOf(record);
      const found = findInstances(g, key, { size: k, topology: true, limit: 1 });
      if (found.count === 0) continue;
      used.set(record.id, record);
      const nodes = found.nodeSets[0];
      const label = `${name} in ${record.id}: units ${nodes.join(", ")}`;
      shown =
        `<figure class="instance" id="${instanceAnchor(name)}" data-graph="${escapeHtml(record.id)}" ` +
        `data-nodes="${nodes.join(",")}">${instanceSvg(record, g, nodes, label)}` +
        `<figcaption>A ${escapeHtml(name)} (any colours) in ${escapeHtml(record.id)}: units ` +
        `${nodes.join(", ")} (0 = first input), the first instance found.</figcaption></figure>`;
      break;
    }
    figures.push(
      shown ||
        `<figure class="instance" id="${instanceAnchor(name)}"><figcaption>No network of the ` +
          `study has a ${escapeHtml(name)} to draw.</figcaption></figure>`,
    );
  }
  const defs = [...used.values()].map((record) => networkGroup(record, graphOf(record))).join("");
  return (
    `<h3>Where the named motifs sit</h3>` +
    `<p>Each pictogram of a named topology links here: one network, layers as columns (inputs on ` +
    `the left), with the units and edges of one instance highlighted.</p>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" ` +
    `aria-hidden="true"><defs>${defs}</defs></svg>` +
    `<div class="instances" style="display:flex;flex-wrap:wrap;gap:12px">${figures.join("")}</div>`
  );
}
