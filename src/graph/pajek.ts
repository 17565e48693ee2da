/**
 * Pajek `.net` files (Batagelj & Mrvar): `*Vertices n` then optional `id "label"` lines (ids 1..n),
 * then sections `*Arcs` (directed: `s t [weight]`), `*Edges` (undirected), `*Arcslist` / `*Edgeslist`
 * (`s t1 t2 …`). Ids are 1-based in the file and 0-based in the graph; labels go to `meta.nodeNames`.
 * Self-loops, parallel arcs and `minWeight`: see edge-builder.ts.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { EdgeBuilder, type NetworkReadOptions } from "./edge-builder.js";

/** Most vertices a Pajek header may declare (the names array is allocated up front). */
const MAX_VERTICES = 50_000_000;

export function parsePajek(text: string, file?: string, options: NetworkReadOptions = {}): Digraph {
  const lines = text.split(/\r?\n/);
  let names: string[] | null = null;
  let edges: EdgeBuilder | null = null;
  let section: "vertices" | "arcs" | "edges" | "arcslist" | "edgeslist" | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i].trim();
    if (content === "" || content.startsWith("%")) continue;
    if (content.startsWith("*")) {
      const [word, arg] = content.slice(1).split(/\s+/);
      const kind = word.toLowerCase();
      if (kind === "vertices") {
        const n = Number(arg);
        if (!Number.isInteger(n) || n < 0 || n > MAX_VERTICES) {
          throw new NnmotifsError(
            `"*Vertices ${arg ?? ""}": should give the number of vertices, 0..${MAX_VERTICES}.`,
            { file, line },
          );
        }
        names = Array.from({ length: n }, (_, v) => String(v + 1));
        section = "vertices";
      } else if (["arcs", "edges", "arcslist", "edgeslist"].includes(kind)) {
        if (names === null) {
          throw new NnmotifsError(`"*${word}" before "*Vertices n".`, { file, line });
        }
        edges ??= new EdgeBuilder(names, "pajek", file, options);
        section = kind as typeof section;
      } else {
        throw new NnmotifsError(`unsupported Pajek section "*${word}".`, { file, line });
      }
      continue;
    }
    if (names === null || section === null) {
      throw new NnmotifsError(`not a Pajek file: expected "*Vertices n" first.`, { file, line });
    }
    const fields = content.match(/"[^"]*"|\S+/g) ?? [];
    const vertex = (raw: string): number => {
      const v = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(v >= 1 && v <= names!.length)) {
        throw new NnmotifsError(`vertex "${raw}": should be 1..${names!.length}.`, { file, line });
      }
      return v - 1;
    };
    if (section === "vertices") {
      const v = vertex(fields[0] ?? "");
      if (fields[1] !== undefined) names[v] = fields[1].replace(/^"|"$/g, "");
      continue;
    }
    const undirected = section === "edges" || section === "edgeslist";
    if (section === "arcs" || section === "edges") {
      if (fields.length < 2) {
        throw new NnmotifsError(
          `malformed line "${content}": should be "source target [weight]".`,
          {
            file,
            line,
          },
        );
      }
      const w = fields[2] === undefined ? undefined : Number(fields[2]);
      edges!.add(vertex(fields[0] ?? ""), vertex(fields[1] ?? ""), 1, w, undirected, line);
    } else {
      const s = vertex(fields[0] ?? "");
      for (const t of fields.slice(1)) edges!.add(s, vertex(t), 1, undefined, undirected, line);
    }
  }
  if (names === null) throw new NnmotifsError(`not a Pajek file: no "*Vertices n" line.`, { file });
  return (edges ?? new EdgeBuilder(names, "pajek", file, options)).build();
}
