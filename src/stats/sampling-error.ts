/**
 * The stated error of a RAND-ESU estimate (Wernicke 2006, §3). Each depth d of the ESU tree is
 * entered with probability p_d, so every k-subgraph is counted with probability P = Π p_d and a
 * class's estimated count is its sampled count s divided by P. Under independent inclusion the
 * estimate's relative standard error is √((1 − P)/s) (binomial thinning of the class's s/P
 * subgraphs). Subgraphs that share a sampled ESU prefix are kept or dropped together, so the
 * true error is somewhat larger: this is a lower bound (measured at about 1.4× on random graphs,
 * test/analysis/ensemble/sampled-censuses.test.ts).
 */

/** √((1 − P)/s) for s = estimatedCount · P subgraphs seen; null when none were seen. */
export function sampledRelativeError(estimatedCount: number, share: number): number | null {
  const seen = estimatedCount * share;
  if (!(seen > 0) || !(share > 0)) return null;
  return Math.sqrt(Math.max(0, 1 - share) / seen);
}
