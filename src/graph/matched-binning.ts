/**
 * Matched density (SPEC §7 "Density", issue 7 item 5): colour a network so that each layer keeps
 * exactly as many edges of each colour as a reference network does. The reference keeps its paper
 * colours; the other network's colours come from its own weight ranks within the layer:
 *
 *   colour 1 (strong negative): the n₁ most negative weights,
 *   colour 3 (strong positive): the n₃ most positive weights,
 *   colour 2 (mild):            the next n₂ weights by |w| among the rest,
 *
 * where n_c is the reference layer's count of colour c. So the two graphs differ in which weights
 * are kept and how they are arranged, never in how many edges of each colour a layer has: a
 * difference in Z between them is not a difference in density. Ties in rank keep the SPEC §4.1
 * edge order (stable sort).
 */

/** Per layer (the source node's layer) and colour: the reference's kept-edge count. */
export function countsByLayerAndColour(
  colours: Uint8Array,
  sourceLayer: Int32Array | undefined,
): Map<number, Map<number, number>> {
  const counts = new Map<number, Map<number, number>>();
  for (let e = 0; e < colours.length; e++) {
    if (colours[e] === 0) continue;
    const layer = sourceLayer?.[e] ?? 0;
    let row = counts.get(layer);
    if (row === undefined) counts.set(layer, (row = new Map()));
    row.set(colours[e], (row.get(colours[e]) ?? 0) + 1);
  }
  return counts;
}

/**
 * Colours for `weights` with, per layer, the counts `target` (from countsByLayerAndColour of the
 * reference). A layer needs at least as many edges as the target keeps (equal architectures do).
 */
export function matchedColours(
  weights: Float64Array,
  sourceLayer: Int32Array | undefined,
  target: ReadonlyMap<number, ReadonlyMap<number, number>>,
): Uint8Array {
  const colours = new Uint8Array(weights.length);
  const byLayer = new Map<number, number[]>();
  for (let e = 0; e < weights.length; e++) {
    const layer = sourceLayer?.[e] ?? 0;
    let list = byLayer.get(layer);
    if (list === undefined) byLayer.set(layer, (list = []));
    list.push(e);
  }
  for (const [layer, edges] of byLayer) {
    const want = target.get(layer);
    if (want === undefined) continue;
    const n1 = want.get(1) ?? 0;
    const n2 = want.get(2) ?? 0;
    const n3 = want.get(3) ?? 0;
    if (n1 + n2 + n3 > edges.length) {
      throw new RangeError(
        `matchedColours: layer ${layer} has ${edges.length} edges, the reference keeps ${n1 + n2 + n3}`,
      );
    }
    const ascending = [...edges].sort((x, y) => weights[x] - weights[y]);
    for (let r = 0; r < n1; r++) colours[ascending[r]] = 1;
    for (let r = 0; r < n3; r++) colours[ascending[ascending.length - 1 - r]] = 3;
    const rest = ascending
      .slice(n1, ascending.length - n3)
      .sort((x, y) => Math.abs(weights[y]) - Math.abs(weights[x]) || x - y);
    for (let r = 0; r < n2; r++) colours[rest[r]] = 2;
  }
  return colours;
}
