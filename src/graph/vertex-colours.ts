/**
 * Vertex colours from the input (FANMOD's vertex-coloured mode): a file of `node colour` lines
 * (node ids as in the graph, colours 0..255; `#` comments), or a node attribute of a GML/GraphML
 * file (`meta.nodeColours`, filled by the readers from a `colour`/`color`/`type` attribute).
 * Every node needs a colour: a missing one is an error naming it, not a silent 0.
 */
import { NnmotifsError } from "../core/errors.js";

export const MAX_VERTEX_COLOUR = 255;

export function parseVertexColours(text: string, nodeCount: number, file?: string): Int32Array {
  const colours = new Int32Array(nodeCount).fill(-1);
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i].replace(/#.*/, "").trim();
    if (content === "") continue;
    const where = { file, line: i + 1 };
    const fields = content.split(/\s+/);
    const [node, colour] = fields.map((f) => (/^\d+$/.test(f) ? Number(f) : NaN));
    if (fields.length !== 2 || !(node < nodeCount) || !(colour <= MAX_VERTEX_COLOUR)) {
      throw new NnmotifsError(
        `malformed vertex colour "${content}". Should be "node colour" with node 0..${nodeCount - 1} ` +
          `and colour 0..${MAX_VERTEX_COLOUR}.`,
        where,
      );
    }
    if (colours[node] !== -1) {
      throw new NnmotifsError(`node ${node} is given a colour twice.`, where);
    }
    colours[node] = colour;
  }
  const missing = colours.indexOf(-1);
  if (missing !== -1) {
    const count = colours.reduce((n, c) => n + (c === -1 ? 1 : 0), 0);
    throw new NnmotifsError(
      `no colour for node ${missing}${count > 1 ? ` (and ${count - 1} more)` : ""}. Every node needs one.`,
      { file },
    );
  }
  return colours;
}
