/**
 * Benjamini–Hochberg false-discovery-rate control (1995). Picking the "most significant" of 20–45
 * coloured variants of one topology is a selection; adjusted p-values (q-values) say how many of
 * the motifs called significant are expected to be false discoveries.
 */

/**
 * BH-adjusted p-values, in input order: q_(i) = min over j ≥ i of (m / j) · p_(j), capped at 1,
 * where p_(1) ≤ … ≤ p_(m) are the m non-null p-values. Nulls stay null and do not count in m.
 */
export function benjaminiHochberg(p: ReadonlyArray<number | null>): Array<number | null> {
  const index: number[] = [];
  p.forEach((v, i) => {
    if (v !== null) {
      if (!(v >= 0 && v <= 1))
        throw new RangeError(`benjaminiHochberg: p-value ${v} at ${i}. Should be in [0, 1].`);
      index.push(i);
    }
  });
  const m = index.length;
  index.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const q: Array<number | null> = p.map(() => null);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = index[r];
    running = Math.min(running, ((p[i] as number) * m) / (r + 1));
    q[i] = running;
  }
  return q;
}
