/** Text and attribute values for XML writers (GraphML, GEXF): the five predefined entities. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;",
  );
}

/** Node names carried by readers of published formats (`meta.nodeNames`), or the ids. */
export function nodeNames(g: { nodeCount: number; meta?: Record<string, unknown> }): string[] {
  const names = g.meta?.nodeNames;
  if (Array.isArray(names) && names.length === g.nodeCount) return names.map(String);
  return Array.from({ length: g.nodeCount }, (_, v) => String(v));
}
