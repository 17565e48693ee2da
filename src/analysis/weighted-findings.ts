/**
 * Findings of the threshold-free weighted motifs (issue 9 item 5, SPEC §10.1): per size and
 * topology, the trained networks' intensity and coherence Z against the weight-shuffle null,
 * beside the initial networks', per data set. The sentence comes from the record's fields alone
 * (findings.ts) and says that no cut-off is involved.
 */
import type { Finding, FindingFields } from "./findings.js";
import { median } from "./median.js";
import { twoSidedP, type WeightedMotifRow } from "./weighted-motifs.js";

/** The decision level of "beyond the shuffle null": two-sided permutation p, uncorrected. */
export const WEIGHTED_ALPHA = 0.05;
const WEIGHTED_FAMILY = "each network and topology alone (two-sided permutation p, uncorrected)";

/** The topologies that get a finding: every one at k = 3, the diamond and bi-fan at k = 4. */
const FINDING_TOPOLOGIES: Readonly<Record<number, readonly string[] | "all">> = {
  3: "all",
  4: ["diamond", "bi-fan"],
};

/** One data set's trained networks (one per init), by their Z. */
export interface WeightedDatasetZ {
  readonly dataset: string;
  readonly networks: number;
  readonly medianIntensityZ: number | null;
  readonly medianCoherenceZ: number | null;
}

export interface WeightedFinding extends FindingFields {
  readonly kind: "weighted";
  readonly topologyKey: string;
  /** Shuffles per network. */
  readonly randomNetworks: number;
  /** `value` is the trained networks' median intensity Z; this is the initial networks'. */
  readonly before: number | null;
  readonly initialNetworks: number;
  readonly coherenceZ: number | null;
  readonly coherenceBefore: number | null;
  /** Of the `significant` trained networks, those above (Z > 0) and below the null. */
  readonly above: number;
  readonly below: number;
  /** Trained networks with coherence beyond the null (same rule as `significant`), and above. */
  readonly coherenceSignificant: number;
  readonly coherenceAbove: number;
  /** Median share of ΣI in sign-product +1 subgraphs, in the networks and in their nulls. */
  readonly evenShare: number | null;
  readonly evenShareNull: number | null;
  readonly evenShareZ: number | null;
  readonly byDataset: readonly WeightedDatasetZ[];
}

function fmt(x: number | null, digits = 1): string {
  return x === null ? "n/a" : x.toFixed(digits);
}

/** The sentence of a weighted finding, from its fields only. */
export function weightedFindingSentence(f: WeightedFinding): string {
  const networks = (n: number, what: string) => `${n} ${what} network${n === 1 ? "" : "s"}`;
  // With N shuffles the smallest two-sided p is 2/(N + 1): say so when no p can reach alpha.
  const floor = 2 / (f.randomNetworks + 1);
  const reachable =
    f.alpha !== null && floor >= f.alpha
      ? ` (with ${f.randomNetworks} shuffles no two-sided p can be below ${f.alpha})`
      : "";
  const perDataset = f.byDataset
    .map((d) => `trained on ${d.dataset}, median Z ${fmt(d.medianIntensityZ)}`)
    .join("; ");
  return (
    `No cut-off (the full weighted graph, ${f.size} nodes): the ${f.topology}'s total intensity ` +
    `(Onnela) has median Z ${fmt(f.value)} against the weight-shuffle null in the ` +
    `${networks(f.networks ?? 0, "trained")} (${fmt(f.before)} in the ` +
    `${networks(f.initialNetworks, "initial")}; ${perDataset}), beyond the null in ` +
    `${f.significant ?? 0} of ${f.networks ?? 0} (${f.above} above, ${f.below} below)${reachable}; ` +
    `its mean coherence has median Z ${fmt(f.coherenceZ)} (${fmt(f.coherenceBefore)} initial), ` +
    `beyond the null in ${f.coherenceSignificant} of ${f.networks ?? 0} (${f.coherenceAbove} ` +
    `above); the share of its intensity in subgraphs ` +
    `with an even number of negative edges is ${fmt(f.evenShare, 3)} (shuffles ` +
    `${fmt(f.evenShareNull, 3)}, median Z ${fmt(f.evenShareZ)}) ` +
    `(${f.randomNetworks} shuffles per network; "beyond": ${f.family} < ${f.alpha}).`
  );
}

/** The weighted findings of a study's weighted-motif table (without sentences). */
export function weightedFindingRecords(rows: readonly WeightedMotifRow[]): WeightedFinding[] {
  const out: WeightedFinding[] = [];
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  for (const size of sizes) {
    const wanted = FINDING_TOPOLOGIES[size];
    if (wanted === undefined) continue;
    const ofSize = rows.filter((r) => r.size === size);
    const keys = [...new Set(ofSize.map((r) => r.topology))];
    const names = new Map(ofSize.map((r) => [r.topology, r.topologyName]));
    const order =
      wanted === "all" ? keys : wanted.flatMap((name) => keys.filter((k) => names.get(k) === name));
    for (const key of order) {
      const of = ofSize.filter((r) => r.topology === key);
      const trained = of.filter((r) => r.stage === "trained");
      const initial = of.filter((r) => r.stage === "initial");
      if (trained.length === 0) continue;
      // Beyond the null in either tail; `above` keeps those whose upper tail is the smaller one.
      const beyond = (p: (r: WeightedMotifRow) => [number, number], above = false): number =>
        trained.filter((r) => {
          const [over, under] = p(r);
          return twoSidedP(over, under) < WEIGHTED_ALPHA && (!above || over < under);
        }).length;
      const intensityP = (r: WeightedMotifRow): [number, number] => [
        r.intensityPOver,
        r.intensityPUnder,
      ];
      const coherenceP = (r: WeightedMotifRow): [number, number] => [
        r.coherencePOver,
        r.coherencePUnder,
      ];
      const z = (rs: readonly WeightedMotifRow[], f: (r: WeightedMotifRow) => number | null) =>
        median(rs.map((r) => f(r) ?? NaN));
      const datasets = [...new Set(trained.map((r) => r.network))];
      const name = names.get(key) ?? key;
      out.push({
        kind: "weighted",
        id: `weighted-${size}-${name.replace(/[^A-Za-z0-9-]+/g, "_")}`,
        section: "weighted",
        null: "shuffle",
        size,
        topology: name,
        topologyKey: key,
        statistic: "median Z of the total intensity against the weight shuffle, trained networks",
        value: z(trained, (r) => r.intensityZ),
        networks: trained.length,
        significant: beyond(intensityP),
        above: beyond(intensityP, true),
        below: beyond(intensityP) - beyond(intensityP, true),
        family: WEIGHTED_FAMILY,
        alpha: WEIGHTED_ALPHA,
        randomNetworks: Math.max(...of.map((r) => r.randomNetworks)),
        before: z(initial, (r) => r.intensityZ),
        initialNetworks: initial.length,
        coherenceZ: z(trained, (r) => r.coherenceZ),
        coherenceBefore: z(initial, (r) => r.coherenceZ),
        coherenceSignificant: beyond(coherenceP),
        coherenceAbove: beyond(coherenceP, true),
        evenShare: z(trained, (r) => r.evenShare),
        evenShareNull: z(trained, (r) => r.evenShareNullMean),
        evenShareZ: z(trained, (r) => r.evenShareZ),
        byDataset: datasets.map((dataset) => {
          const d = trained.filter((r) => r.network === dataset);
          return {
            dataset,
            networks: d.length,
            medianIntensityZ: z(d, (r) => r.intensityZ),
            medianCoherenceZ: z(d, (r) => r.coherenceZ),
          };
        }),
      });
    }
  }
  return out;
}

/** The weighted findings with their sentences, in size then topology order. */
export function weightedFindings(rows: readonly WeightedMotifRow[]): Finding[] {
  return weightedFindingRecords(rows).map((f) => ({ ...f, sentence: weightedFindingSentence(f) }));
}

/** Across seeds (t-intervals), a Z in the trained and initial networks and their paired change. */
export interface SeedComparison {
  readonly trainedMean: number;
  readonly trainedLo: number;
  readonly trainedHi: number;
  readonly initialMean: number;
  readonly deltaMean: number;
  readonly deltaLo: number;
  readonly deltaHi: number;
  /** Exact sign-flip p of the paired change, never 0. */
  readonly pSignFlip: number;
}

/** Across seeds, one named topology's intensity (and coherence) Z, trained vs initial. */
export interface WeightedEnsembleFinding extends FindingFields {
  readonly kind: "weighted-ensemble";
  readonly architecture: string;
  readonly init: string;
  readonly dataset: string;
  readonly seeds: number;
  readonly level: number;
  /** Mean Z of the total intensity, trained and initial, with intervals; and the paired Δ. */
  readonly intensity: SeedComparison;
  readonly coherence: SeedComparison | null;
}

function fmtFinite(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}

function signed(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${x.toFixed(1)}` : "n/a";
}

function interval(lo: number, hi: number): string {
  return `[${fmtFinite(lo)}, ${fmtFinite(hi)}]`;
}

/** The sentence of an across-seed weighted finding, from its fields only. */
export function weightedEnsembleSentence(f: WeightedEnsembleFinding): string {
  const pct = `${Math.round(100 * f.level)} %`;
  const part = (what: string, s: SeedComparison): string =>
    `${what} Z ${fmtFinite(s.trainedMean)} ${interval(s.trainedLo, s.trainedHi)} trained vs ` +
    `${fmtFinite(s.initialMean)} initial, change ${signed(s.deltaMean)} ${interval(s.deltaLo, s.deltaHi)} ` +
    `(sign-flip p = ${s.pSignFlip.toPrecision(2)})`;
  return (
    `No cut-off (the full weighted graph, ${f.size} nodes, ${f.architecture}, ${f.init} trained on ` +
    `${f.dataset}): against the weight-shuffle null, the ${f.topology}'s ` +
    part("total-intensity", f.intensity) +
    (f.coherence === null ? "" : `; mean-coherence ${part("", f.coherence).trimStart()}`) +
    ` — mean over ${f.seeds} seeds with ${pct} t-intervals.`
  );
}
