/**
 * GraphML (Brandes et al.), the XML format of Gephi, Cytoscape, networkx and igraph: `<graph
 * edgedefault="directed|undirected">`, `<node id>`, `<edge source target [directed]>`, attributes as
 * `<data key>` declared by `<key id for attr.name>`. Read with fast-xml-parser (no hand-written XML).
 * An edge's `weight`/`value` attribute is its weight, `colour`/`color` (integer 1..7) its colour; a
 * node's `label`/`name` attribute its name in `meta.nodeNames`, `layer` its layer, `colour`/`color`
 * (integers) its vertex colour in `meta.nodeColours`. Only the first `<graph>` is read.
 * Self-loops, parallel arcs and `minWeight`: see edge-builder.ts.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "./digraph.js";
import { EdgeBuilder, type NetworkReadOptions } from "./edge-builder.js";

type Element = Record<string, unknown>;

function list(x: unknown): Element[] {
  return x === undefined ? [] : Array.isArray(x) ? (x as Element[]) : [x as Element];
}

export function parseGraphml(
  text: string,
  file?: string,
  options: NetworkReadOptions = {},
): Digraph {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new NnmotifsError(`not valid XML: ${valid.err.msg}`, { file, line: valid.err.line });
  }
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseAttributeValue: false,
    processEntities: true,
  }).parse(text) as Element;
  const root = doc.graphml as Element | undefined;
  const graph = root === undefined ? undefined : list(root.graph)[0];
  if (graph === undefined) {
    throw new NnmotifsError("not a GraphML file: no <graphml><graph> element.", { file });
  }
  // key id → attribute name, per domain ("node" / "edge").
  const keyName = new Map<string, string>();
  for (const key of list(root!.key)) {
    const name = String(key["@attr.name"] ?? key["@id"]).toLowerCase();
    keyName.set(String(key["@id"]), name);
  }
  const data = (element: Element): Map<string, string> => {
    const out = new Map<string, string>();
    for (const d of list(element.data)) {
      const value = typeof d === "object" ? (d["#text"] ?? "") : d;
      out.set(keyName.get(String(d["@key"])) ?? String(d["@key"]).toLowerCase(), String(value));
    }
    return out;
  };
  const defaultUndirected = graph["@edgedefault"] === "undirected";
  const index = new Map<string, number>();
  const names: string[] = [];
  const layers: number[] = [];
  const colours: number[] = [];
  for (const node of list(graph.node)) {
    const id = String(node["@id"]);
    if (index.has(id)) throw new NnmotifsError(`GraphML node id "${id}" appears twice.`, { file });
    index.set(id, names.length);
    const attrs = data(node);
    names.push(attrs.get("label") ?? attrs.get("name") ?? id);
    layers.push(Number(attrs.get("layer")));
    colours.push(Number(attrs.get("colour") ?? attrs.get("color")));
  }
  const edges = new EdgeBuilder(names, "graphml", file, options);
  for (const edge of list(graph.edge)) {
    const s = index.get(String(edge["@source"]));
    const t = index.get(String(edge["@target"]));
    if (s === undefined || t === undefined) {
      throw new NnmotifsError(
        `GraphML edge ${String(edge["@source"])} → ${String(edge["@target"])} names an undeclared node.`,
        { file },
      );
    }
    const attrs = data(edge);
    const w = attrs.get("weight") ?? attrs.get("value");
    const c = attrs.get("colour") ?? attrs.get("color");
    const undirected =
      edge["@directed"] === undefined ? defaultUndirected : edge["@directed"] === "false";
    edges.add(
      s,
      t,
      c === undefined ? 1 : Number(c),
      w === undefined ? undefined : Number(w),
      undirected,
    );
  }
  const g = edges.build({
    directed: !defaultUndirected,
    ...(colours.length > 0 && colours.every(Number.isInteger) ? { nodeColours: colours } : {}),
  });
  // A layer per node (as nnmotifs writes it) makes the graph usable by the layered null.
  return layers.length > 0 && layers.every((l) => Number.isInteger(l) && l >= 0)
    ? { ...g, nodeLayer: Int32Array.from(layers) }
    : g;
}
