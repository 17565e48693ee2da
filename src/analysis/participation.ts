/**
 * Per-layer motif participation (issue 10, item 3): in each network of the study, how much each
 * layer's units take part in the diamond and the bi-fan (4 nodes; `size` and `topologies` are
 * options). Per-node counts come from `nodeParticipation` with `topology: true` (every coloured
 * variant of the topology counts); a layer's row sums its units' counts and says which share of
 * its units take part at all.
 */
import type { Digraph } from "../graph/digraph.js";
import { canonicalKeyOfMatrix } from "../motifs/canonical-label.js";
import { nodeParticipation } from "../motifs/instances.js";
import { NAMED_TOPOLOGIES, fromEdges } from "./motif-names.js";
import { networkLabel, type GraphRecord, type StudyResults } from "./study-results.js";

export interface ParticipationRow {
  readonly graphId: string;
  readonly init: string;
  readonly network: string;
  readonly stage: string;
  readonly size: number;
  readonly topology: string;
  /** 0 = inputs. */
  readonly layer: number;
  readonly units: number;
  /** Sum over the layer's units of the number of the topology's subgraphs each belongs to. */
  readonly participation: number;
  /** Units with participation > 0, over `units`. */
  readonly share: number;
}

export interface ParticipationOptions {
  /** Motif size (default 4). */
  readonly size?: number;
  /** Named topologies of that size (default diamond and bi-fan; all named ones of another size). */
  readonly topologies?: readonly string[];
}

export const PARTICIPATION_DEFAULTS = { size: 4, topologies: ["diamond", "bi-fan"] } as const;

/**
 * The coloured digraph of a study graph: units numbered layer by layer, the kernel weights in
 * SPEC §4.1 order, a weight kept as an edge of its colour when its colour is > 0.
 */
export function graphOfRecord(g: GraphRecord): Digraph {
  const nodeLayer = new Int32Array(g.layerSizes.reduce((a, b) => a + b, 0));
  const src: number[] = [];
  const trg: number[] = [];
  const colour: number[] = [];
  let offset = 0;
  let e = 0;
  for (let l = 0; l + 1 < g.layerSizes.length; l++) {
    const nIn = g.layerSizes[l];
    const nOut = g.layerSizes[l + 1];
    nodeLayer.fill(l + 1, offset + nIn, offset + nIn + nOut);
    for (let i = 0; i < nIn; i++) {
      for (let j = 0; j < nOut; j++, e++) {
        const c = g.weightColours[e] ?? 0;
        if (c <= 0) continue;
        src.push(offset + i);
        trg.push(offset + nIn + j);
        colour.push(c);
      }
    }
    offset += nIn;
  }
  return {
    nodeCount: nodeLayer.length,
    edgeSrc: Int32Array.from(src),
    edgeTrg: Int32Array.from(trg),
    edgeColour: Uint8Array.from(colour),
    nodeLayer,
  };
}

/** The motif engine's uncoloured canonical key of a named topology. */
export function engineTopologyKey(name: string): { key: string; k: number } {
  const t = NAMED_TOPOLOGIES.find((x) => x.name === name);
  if (t === undefined) throw new RangeError(`engineTopologyKey: unknown topology "${name}"`);
  return { key: canonicalKeyOfMatrix(fromEdges(t.k, t.edges).flat(), t.k, null), k: t.k };
}

function topologiesOf(options: ParticipationOptions, size: number): string[] {
  const of = (names: readonly string[]) =>
    names.filter((n) => NAMED_TOPOLOGIES.some((t) => t.name === n && t.k === size));
  const chosen = of(options.topologies ?? PARTICIPATION_DEFAULTS.topologies);
  if (chosen.length > 0 || options.topologies !== undefined) return chosen;
  return NAMED_TOPOLOGIES.filter((t) => t.k === size).map((t) => t.name);
}

export function layerParticipation(
  results: StudyResults,
  options: ParticipationOptions = {},
): ParticipationRow[] {
  const size = options.size ?? PARTICIPATION_DEFAULTS.size;
  const topologies = topologiesOf(options, size);
  const rows: ParticipationRow[] = [];
  if (topologies.length === 0) return rows;
  for (const record of results.graphs) {
    if (record.weightColours.length === 0) continue;
    const g = graphOfRecord(record);
    const counts = nodeParticipation(g, { size, topology: true });
    for (const topology of topologies) {
      const column = counts.get(engineTopologyKey(topology).key);
      let first = 0;
      record.layerSizes.forEach((units, layer) => {
        let participation = 0;
        let taking = 0;
        for (let v = first; v < first + units; v++) {
          const c = column?.[v] ?? 0;
          participation += c;
          if (c > 0) taking++;
        }
        rows.push({
          graphId: record.id,
          init: record.init,
          network: networkLabel(record),
          stage: record.stage,
          size,
          topology,
          layer,
          units,
          participation,
          share: units > 0 ? taking / units : 0,
        });
        first += units;
      });
    }
  }
  return rows;
}
