/**
 * FANMOD edge lists: one edge per line, `src trg` or `src trg colour`, whitespace separated.
 *
 * Node ids are non-negative integers; the graph has `max id + 1` nodes (FANMOD counts ids from 0,
 * so the anchor graphs report 95 nodes) unless the ids are sparse (one edge `0 2000000000`): then
 * they are mapped to 0..n-1 and the graph keeps the file's ids in `nodeIds` (see `denseNodeIds`).
 *
 * Node names: when any id in the file is not a plain integer (`alice bob`, `geneA geneB 2`), every
 * id token of the file is a name — a mix of `7` and `geneA` treats `7` as a name too, since a
 * file rarely means two id spaces — and names get ids 0..n-1 in order of first appearance, kept in
 * `meta.nodeNames` (which the instance and per-node outputs print). Any non-blank token without
 * `#` is a name. Integer ids above MAX_NODE_ID in an all-integer file stay an error (a typo more
 * likely than a name). Colours are 1..7; a two-column file is uncoloured and
 * every edge gets colour 1. Blank lines and `#` comments are skipped. Everything else a user can
 * get wrong (malformed lines, a mix of 2 and 3 columns, self-loops, the same ordered pair twice,
 * bad colours) is an NnmotifsError naming the file and the 1-based line.
 */
import { NnmotifsError } from "../core/errors.js";
import { MAX_COLOUR, denseNodeIds, fileNodeId, type Digraph } from "./digraph.js";

/** Largest node id accepted: ids are stored in an Int32Array and nodeCount = max id + 1. */
export const MAX_NODE_ID = 2 ** 31 - 2;

const INTEGER = /^\d+$/;

export function parseFanmodEdgeList(text: string, file?: string): Digraph {
  const src: number[] = [];
  const trg: number[] = [];
  const colour: number[] = [];
  const seen = new Map<number, number>(); // pair key → line of first occurrence (for the message)
  const seenBig = new Map<string, number>(); // fallback key when ids are too large for exact numbers
  let columns = 0;
  let columnsLine = 0;
  let maxId = -1;
  const lines = text.split(/\r?\n/);
  const names = hasNodeNames(lines) ? new Map<string, number>() : undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const where = { file, line };
    const hash = lines[index].indexOf("#");
    const content = (hash >= 0 ? lines[index].slice(0, hash) : lines[index]).trim();
    if (content === "") continue;
    const fields = content.split(/\s+/);
    if (fields.length !== 2 && fields.length !== 3) {
      throw new NnmotifsError(
        `malformed edge "${content}": ${fields.length} fields. Should be "src trg" or "src trg colour".`,
        where,
      );
    }
    if (columns === 0) {
      columns = fields.length;
      columnsLine = line;
    } else if (fields.length !== columns) {
      throw new NnmotifsError(
        `edge has ${fields.length} columns but line ${columnsLine} has ${columns}. ` +
          `Should be all "src trg" or all "src trg colour".`,
        where,
      );
    }
    const s = names ? nameId(names, fields[0]) : parseId(fields[0], "source", where);
    const t = names ? nameId(names, fields[1]) : parseId(fields[1], "target", where);
    if (s === t) {
      throw new NnmotifsError(
        `self-loop ${fields[0]} → ${fields[1]}. Self-loops are not allowed.`,
        where,
      );
    }
    let c = 1;
    if (columns === 3) {
      const raw = fields[2];
      c = INTEGER.test(raw) ? Number(raw) : NaN;
      if (!(c >= 1 && c <= MAX_COLOUR)) {
        throw new NnmotifsError(
          `invalid colour "${raw}". Should be an integer 1..${MAX_COLOUR}.`,
          where,
        );
      }
    }
    // s, t ≤ 2^31: s * 2^31 + t is exact below 2^53 only while s < 2^22; else use a string key.
    const previous = s < 2 ** 22 ? seen.get(s * 2 ** 31 + t) : seenBig.get(`${s} ${t}`);
    if (previous !== undefined) {
      throw new NnmotifsError(
        `duplicate edge ${fields[0]} → ${fields[1]} (first on line ${previous}). Each ordered pair may appear once.`,
        where,
      );
    }
    if (s < 2 ** 22) seen.set(s * 2 ** 31 + t, line);
    else seenBig.set(`${s} ${t}`, line);
    src.push(s);
    trg.push(t);
    colour.push(c);
    if (s > maxId) maxId = s;
    if (t > maxId) maxId = t;
  }
  if (names) {
    return {
      nodeCount: names.size,
      edgeSrc: Int32Array.from(src),
      edgeTrg: Int32Array.from(trg),
      edgeColour: Uint8Array.from(colour),
      meta: { nodeNames: [...names.keys()] },
    };
  }
  const nodes = denseNodeIds(src, trg, maxId + 1);
  return {
    nodeCount: nodes.nodeCount,
    edgeSrc: nodes.edgeSrc,
    edgeTrg: nodes.edgeTrg,
    edgeColour: Uint8Array.from(colour),
    ...(nodes.nodeIds !== undefined ? { nodeIds: nodes.nodeIds } : {}),
  };
}

/** True when some edge line has an id that is not a plain integer: then all ids are names. */
function hasNodeNames(lines: readonly string[]): boolean {
  for (const raw of lines) {
    const hash = raw.indexOf("#");
    const fields = (hash >= 0 ? raw.slice(0, hash) : raw).trim().split(/\s+/);
    // Lines of the wrong width are reported in the main pass, with their line number.
    if (fields.length !== 2 && fields.length !== 3) continue;
    if (!INTEGER.test(fields[0]) || !INTEGER.test(fields[1])) return true;
  }
  return false;
}

/** The id of a node name: the next free one on its first appearance. */
function nameId(names: Map<string, number>, name: string): number {
  let id = names.get(name);
  if (id === undefined) {
    id = names.size;
    names.set(name, id);
  }
  return id;
}

function parseId(raw: string, role: string, where: { file?: string; line: number }): number {
  const id = INTEGER.test(raw) ? Number(raw) : NaN;
  if (!(id <= MAX_NODE_ID)) {
    throw new NnmotifsError(
      `invalid ${role} node id "${raw}". Should be an integer 0..${MAX_NODE_ID}.`,
      where,
    );
  }
  return id;
}

/**
 * `src trg colour` lines, one per edge, in the graph's edge order, ending with a newline; the
 * file's own ids when the graph has them (`nodeIds`).
 */
export function formatFanmodEdgeList(g: Digraph): string {
  const out: string[] = new Array(g.edgeSrc.length);
  for (let e = 0; e < g.edgeSrc.length; e++) {
    out[e] = `${fileNodeId(g, g.edgeSrc[e])} ${fileNodeId(g, g.edgeTrg[e])} ${g.edgeColour[e]}`;
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}
