/**
 * The per-layer participation table of the motifs section (analysis/participation.ts): one row
 * per network and topology, one cell per layer with the units' summed participation and the share
 * of the layer's units that take part. The CSV (`tables/participation.csv`) has the same numbers.
 */
import type { ParticipationRow } from "../analysis/participation.js";
import { escapeHtml, table, text, type Column } from "./html.js";

interface Line {
  readonly graphId: string;
  readonly topology: string;
  readonly layers: ParticipationRow[];
}

export function participationTable(rows: readonly ParticipationRow[]): string {
  if (rows.length === 0) return "";
  const lines = new Map<string, Line>();
  for (const r of rows) {
    const id = `${r.graphId}\u0000${r.topology}`;
    const line = lines.get(id) ?? { graphId: r.graphId, topology: r.topology, layers: [] };
    line.layers.push(r);
    lines.set(id, line);
  }
  const layerCount = Math.max(...rows.map((r) => r.layer + 1));
  const columns: Column<Line>[] = [
    { title: "network", cell: (l) => text(l.graphId) },
    { title: "topology", cell: (l) => text(l.topology) },
    ...Array.from({ length: layerCount }, (_, layer): Column<Line> => ({
      title: layer === 0 ? "inputs" : layer === layerCount - 1 ? "outputs" : `layer ${layer}`,
      cell: (l) => {
        const r = l.layers.find((x) => x.layer === layer);
        if (r === undefined) return { html: "", sort: null };
        return {
          html: `${r.participation} (${Math.round(100 * r.share)}%)`,
          sort: r.participation,
        };
      },
    })),
  ];
  const size = rows[0].size;
  return (
    `<h3>Participation per layer, ${size}-node topologies</h3>` +
    table(
      [...lines.values()],
      columns,
      `Per layer: the sum over its units of the ${escapeHtml(String(size))}-node subgraphs of the ` +
        "topology (any colours) each unit belongs to, and in brackets the share of its units that " +
        "belong to at least one; all are in <code>tables/participation.csv</code>.",
    )
  );
}
