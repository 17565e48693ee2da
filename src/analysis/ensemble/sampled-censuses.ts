/**
 * Sampled censuses and their error (issue 9 item 3). Above `motifs.maxExactSubgraphs` a census
 * counts with RAND-ESU (Wernicke 2006): each depth d of the ESU tree is entered with probability
 * p_d, so every k-subgraph is counted with probability P = Π p_d and a class's estimated count is
 * its sampled count s divided by P. The error stated: under independent inclusion the estimate's
 * relative standard error is √((1 − P)/s) (binomial thinning of the class's n = s/P subgraphs).
 * Subgraphs that share a sampled ESU prefix are kept or dropped together, so the true error is
 * somewhat larger; the sentence says so. The random networks are sampled with the same
 * probabilities, so their Z compares like with like (their spread includes the sampling noise).
 */
import { median } from "../median.js";
import { sampledRelativeError } from "../../stats/sampling-error.js";
import type { CensusRecord } from "../study-results.js";
import type { FindingSection } from "../findings.js";
import type { EnsembleResults } from "./replicates.js";

/** One sampled census of one replicate. */
export interface SampledCensusRow {
  readonly architecture: string;
  readonly seed: number;
  readonly graphId: string;
  readonly size: number;
  readonly nullModel: string;
  /** Which census of the replicate: the coloured one, the uncoloured one, a snapshot's, … */
  readonly role: "coloured" | "uncoloured" | "matched" | "sweep" | "snapshot";
  /** The per-depth probabilities, "1 1 0.03 0.03". */
  readonly probabilities: string;
  /** P: the expected share of the k-subgraphs counted. */
  readonly share: number;
  /** Estimated k-subgraphs of the graph, and how many of them were counted (estimate × P). */
  readonly subgraphs: number;
  readonly counted: number;
  /** Classes that occur in the original (estimated count > 0). */
  readonly classes: number;
  /** √((1 − P)/s) of the class with the median count, and of the rarest class seen. */
  readonly medianClassRelSE: number | null;
  readonly rarestClassRelSE: number | null;
}

export { sampledRelativeError };

function rowOf(
  base: { architecture: string; seed: number; role: SampledCensusRow["role"] },
  c: CensusRecord,
): SampledCensusRow | null {
  if (c.sample === undefined || c.sample.length === 0) return null;
  const share = c.sample.reduce((a, p) => a * p, 1);
  const counts = c.motifs
    .map((m) => m.count)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return {
    ...base,
    graphId: c.graphId,
    size: c.size,
    nullModel: c.nullModel,
    probabilities: c.sample.join(" "),
    share,
    subgraphs: c.subgraphs,
    counted: c.subgraphs * share,
    classes: counts.length,
    medianClassRelSE: sampledRelativeError(median(counts) ?? 0, share),
    rarestClassRelSE: sampledRelativeError(counts[0] ?? 0, share),
  };
}

/** Every sampled census of the study, replicate by replicate. */
export function sampledCensuses(ensemble: EnsembleResults): SampledCensusRow[] {
  const out: SampledCensusRow[] = [];
  for (const r of ensemble.replicates) {
    const key = { architecture: r.architecture, seed: r.seed };
    const add = (role: SampledCensusRow["role"], list: readonly CensusRecord[]) => {
      for (const c of list) {
        const row = rowOf({ ...key, role }, c);
        if (row !== null) out.push(row);
      }
    };
    add("coloured", r.results.censuses);
    add("uncoloured", r.results.topologyCensuses ?? []);
    add(
      "matched",
      (r.results.matched ?? []).flatMap((m) => m.censuses),
    );
    add(
      "sweep",
      (r.results.sensitivity ?? []).flatMap((s) => s.censuses),
    );
    add(
      "snapshot",
      r.snapshots.map((s) => s.census),
    );
  }
  return out;
}

/** Per architecture and size: how many censuses were sampled, how deeply, and the error. */
export interface EnsembleSamplingFinding {
  readonly kind: "ensemble-sampling";
  readonly id: string;
  readonly section: FindingSection;
  readonly null: null;
  readonly size: number;
  readonly topology: null;
  readonly statistic: string;
  /** The median class's relative standard error, median over the sampled censuses. */
  readonly value: number | null;
  readonly networks: number;
  readonly significant: null;
  readonly family: null;
  readonly alpha: null;
  readonly architecture: string;
  readonly seeds: number;
  /** Censuses of that architecture and size, and how many of them were sampled. */
  readonly censuses: number;
  readonly sampled: number;
  /** Range of P over the sampled censuses, and the median number of subgraphs counted. */
  readonly shareLo: number;
  readonly shareHi: number;
  readonly countedMedian: number;
  readonly subgraphsMedian: number;
  /** Range over the sampled censuses of the median class's and the rarest class's error. */
  readonly medianClassRelSE: { readonly lo: number; readonly hi: number } | null;
  readonly rarestClassRelSEHi: number | null;
}

/** Censuses per architecture and size, sampled or not (the denominator of the finding). */
function censusCount(ensemble: EnsembleResults, architecture: string, size: number): number {
  let n = 0;
  for (const r of ensemble.replicates) {
    if (r.architecture !== architecture) continue;
    const all = [
      ...r.results.censuses,
      ...(r.results.topologyCensuses ?? []),
      ...(r.results.matched ?? []).flatMap((m) => m.censuses),
      ...(r.results.sensitivity ?? []).flatMap((s) => s.censuses),
      ...r.snapshots.map((s) => s.census),
    ];
    n += all.filter((c) => c.size === size).length;
  }
  return n;
}

export function samplingFindingRecords(
  ensemble: EnsembleResults,
  rows: readonly SampledCensusRow[],
): EnsembleSamplingFinding[] {
  const groups = new Map<string, SampledCensusRow[]>();
  for (const r of rows) {
    const k = `${r.architecture}\u0000${r.size}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: EnsembleSamplingFinding[] = [];
  for (const list of groups.values()) {
    const { architecture, size } = list[0];
    const errors = list.map((r) => r.medianClassRelSE).filter((e): e is number => e !== null);
    const rarest = list.map((r) => r.rarestClassRelSE).filter((e): e is number => e !== null);
    const shares = list.map((r) => r.share);
    out.push({
      kind: "ensemble-sampling",
      id: `ensemble-sampling-${architecture}-${size}`,
      section: "seeds",
      null: null,
      size,
      topology: null,
      statistic:
        "relative standard error √((1 − P)/s) of the median class's estimated count, median over the sampled censuses",
      value: errors.length > 0 ? median(errors) : null,
      networks: list.length,
      significant: null,
      family: null,
      alpha: null,
      architecture,
      seeds: new Set(list.map((r) => r.seed)).size,
      censuses: censusCount(ensemble, architecture, size),
      sampled: list.length,
      shareLo: Math.min(...shares),
      shareHi: Math.max(...shares),
      countedMedian: median(list.map((r) => r.counted)) ?? 0,
      subgraphsMedian: median(list.map((r) => r.subgraphs)) ?? 0,
      medianClassRelSE:
        errors.length > 0 ? { lo: Math.min(...errors), hi: Math.max(...errors) } : null,
      rarestClassRelSEHi: rarest.length > 0 ? Math.max(...rarest) : null,
    });
  }
  return out;
}

function percent(x: number): string {
  const p = 100 * x;
  return `${p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p.toPrecision(2)} %`;
}

function count(x: number): string {
  return x >= 1e6 ? x.toExponential(2).replace("e+", "·10^") : String(Math.round(x));
}

/** The sentence, from the record's fields only. */
export function samplingSentence(f: EnsembleSamplingFinding): string {
  const share =
    f.shareLo === f.shareHi ? percent(f.shareLo) : `${percent(f.shareLo)} to ${percent(f.shareHi)}`;
  const error =
    f.medianClassRelSE === null || f.value === null
      ? "no class was seen, so no error can be given"
      : `the median class's estimated count has a relative standard error of about ` +
        `${percent(f.value)} (${percent(f.medianClassRelSE.lo)} to ${percent(f.medianClassRelSE.hi)} ` +
        `over the sampled censuses), the rarest class's at most ${percent(f.rarestClassRelSEHi ?? NaN)}`;
  return (
    `${f.sampled} of ${f.censuses} ${f.size}-node censuses of the ${f.architecture} networks were ` +
    `sampled (RAND-ESU, more than motifs.maxExactSubgraphs subgraphs): ${share} of the subgraphs ` +
    `counted, a median ${count(f.countedMedian)} of an estimated ${count(f.subgraphsMedian)} per ` +
    `network; ${error} — √((1 − P)/s) for s subgraphs seen, which assumes independent inclusion ` +
    `(subgraphs sharing a sampled prefix make it larger). The random networks are sampled alike.`
  );
}
