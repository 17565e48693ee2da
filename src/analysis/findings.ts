/**
 * The study's findings as typed records (issue 7 item 8): every claim the report makes is one
 * `Finding`, with the numbers it rests on, and its `sentence` is generated from those fields
 * alone, so a claim cannot outrun its numbers. The study writes them as `findings.json`
 * (findings-json.ts); the report's text and first screen are built from them.
 */
import {
  biologyEnsembleSentence,
  biologySentence,
  type BiologyEnsembleFinding,
  type BiologyFinding,
} from "./biological-findings.js";
import {
  ensembleFindingSentence,
  type EnsembleFindingRecord,
} from "./ensemble/ensemble-findings.js";
import { cutoffSensitivityFinding, type CutoffSensitivityRow } from "./cutoff-sensitivity.js";
import { learningRanking, type LearningEfficacyRow } from "./learning-efficacy.js";
import type { MatchedDensityRow } from "./matched-density.js";
import { median } from "./median.js";
import { namedTopologyKey } from "./motif-names.js";
import type { CensusClassRow } from "./census-classes.js";
import { referenceNull, type NullComparisonRow } from "./null-comparison.js";
import { SIGNIFICANCE, familyOf } from "./significance.js";
import type { StudyResults } from "./study-results.js";
import type { TopologyLevelRow } from "./topology-level.js";
import type { TopologyVariantRow } from "./topology-variants.js";
import type { ZPairRow } from "./z-changes.js";
import {
  weightedEnsembleSentence,
  weightedFindingSentence,
  type WeightedEnsembleFinding,
  type WeightedFinding,
} from "./weighted-findings.js";

/** Where in the report a finding belongs. */
export type FindingSection =
  | "motifs"
  | "nulls"
  | "changes"
  | "learning"
  | "weights"
  | "census"
  | "sensitivity"
  | "density"
  | "weighted"
  | "biology"
  // The across-seed sections (analysis/ensemble/ensemble-findings.ts).
  | "seeds"
  | "trajectories"
  | "null-separation";

/** What every finding states. */
export interface FindingFields {
  /** Stable within a study: kind, null, size, topology… ("topology-4-diamond-layered"). */
  readonly id: string;
  readonly section: FindingSection;
  readonly null: string | null;
  readonly size: number | null;
  /** The topology's name when the claim is about one topology. */
  readonly topology: string | null;
  /** What `value` measures, in words. */
  readonly statistic: string;
  readonly value: number | null;
  /** Networks (or runs) the value is computed over, and how many of them are significant. */
  readonly networks: number | null;
  readonly significant: number | null;
  /** The multiple-testing family and alpha of the significance counts, when there are any. */
  readonly family: string | null;
  readonly alpha: number | null;
}

/**
 * One named topology under one null (diamond, bi-fan), optionally beside the reference null.
 * "topology-level": from the uncoloured census (the topology's own Z and decision, the headline);
 * "topology": its most significant coloured variant (max Z), a biased selection over `variants`.
 */
export interface TopologyFinding extends FindingFields {
  readonly kind: "topology";
  /** Most coloured variants of the topology in one census (the "topology" kind), else null. */
  readonly variants?: number | null;
  readonly topologyKey: string;
  /** The same statistic in the initial (untrained) networks. */
  readonly before: number | null;
  /** The reference null's numbers, when `null` is another null (the comparison is the claim). */
  readonly reference: {
    readonly null: string;
    readonly value: number | null;
    readonly before: number | null;
    readonly significant: number;
  } | null;
}

/** The headline per topology: the same fields, from the uncoloured census. */
export interface TopologyLevelFinding extends Omit<TopologyFinding, "kind"> {
  readonly kind: "topology-level";
}

/** Per null and size, without colours: (topology, trained network) pairs significant. */
export interface TopologyPairsFinding extends FindingFields {
  readonly kind: "topology-pairs";
  /** (topology, trained network) pairs tested. */
  readonly pairs: number;
  /** Topologies significant in more than half of the trained networks. */
  readonly mostly: readonly string[];
}

/** Density control: median ΔZ of a named topology at paper binning and at matched density. */
export interface DensityFinding extends FindingFields {
  readonly kind: "density";
  /** Median over the trained networks of Z(trained) − Z(initial, paper binning). */
  readonly deltaZPaper: number | null;
  /** Median of Z(trained) − Z(initial at the trained network's density). */
  readonly deltaZMatched: number | null;
  /** deltaZMatched / deltaZPaper (`value`), null when the paper ΔZ is 0 or missing. */
  readonly median: {
    readonly initialEdges: number | null;
    readonly matchedEdges: number | null;
    readonly trainedEdges: number | null;
  };
}

/** A named topology that no census of its size has. */
export interface TopologyAbsentFinding extends FindingFields {
  readonly kind: "topology-absent";
}

/** Which topologies significant under the reference null stay significant under another. */
export interface NullSurvivalFinding extends FindingFields {
  readonly kind: "null-survival";
  readonly referenceNull: string;
  /** Topologies significant in most trained networks under the reference null. */
  readonly significantReference: readonly string[];
  /** Of those, significant in most trained networks under `null` too, and not. */
  readonly stay: readonly string[];
  readonly lost: readonly string[];
}

/** Every class of a size has an undefined Z under a null (its random networks do not vary). */
export interface ZUndefinedFinding extends FindingFields {
  readonly kind: "z-undefined";
  readonly referenceNull: string | null;
  readonly significantReference: readonly string[];
}

/** Classes whose count the null fixes: listed, never significant. */
export interface ConstrainedFinding extends FindingFields {
  readonly kind: "constrained";
  /** The topologies of those classes. */
  readonly topologies: readonly string[];
}

/** Median ΔZ of the coloured classes under one null. */
export interface DeltaZFinding extends FindingFields {
  readonly kind: "delta-z";
}

/** Learning efficacy on one data set: epochs to the target accuracy, ties and never reached. */
export interface LearningFinding extends FindingFields {
  readonly kind: "learning";
  readonly dataset: string;
  readonly target: number;
  readonly epochs: number;
  readonly fastest: readonly string[];
  readonly reached: readonly { readonly init: string; readonly epochs: number }[];
  readonly neverReached: readonly string[];
  readonly valAccuracyArea: readonly { readonly init: string; readonly area: number }[];
}

/** The share of an initial network's weights the binning keeps as edges. */
export interface KeptEdgesFinding extends FindingFields {
  readonly kind: "kept-edges";
  readonly init: string;
}

/** The selection bias of "most significant variant". */
export interface SelectionFinding extends FindingFields {
  readonly kind: "selection";
}

/** The cut-off sweep (SPEC §4.3), its sentence from cutoff-sensitivity.ts. */
export interface CutoffFinding extends FindingFields {
  readonly kind: "cutoff";
  readonly summary: string;
}

type FindingRecord =
  | TopologyFinding
  | TopologyLevelFinding
  | TopologyPairsFinding
  | DensityFinding
  | TopologyAbsentFinding
  | NullSurvivalFinding
  | ZUndefinedFinding
  | ConstrainedFinding
  | DeltaZFinding
  | LearningFinding
  | KeptEdgesFinding
  | SelectionFinding
  | CutoffFinding
  | WeightedFinding
  | WeightedEnsembleFinding
  | BiologyFinding
  | BiologyEnsembleFinding
  | EnsembleFindingRecord;

/** A finding: its fields and the sentence generated from them. */
export type Finding = FindingRecord & { readonly sentence: string };

/** The tables the findings are computed from. */
export interface FindingInputs {
  readonly censusClasses: readonly CensusClassRow[];
  readonly topologyVariants: readonly TopologyVariantRow[];
  readonly nullComparison: readonly NullComparisonRow[];
  readonly zPairs: readonly ZPairRow[];
  readonly learningEfficacy: readonly LearningEfficacyRow[];
  readonly cutoffSensitivity: readonly CutoffSensitivityRow[];
  /** The uncoloured censuses (topology level); empty when off. */
  readonly topologyLevel?: readonly TopologyLevelRow[];
  /** Initial vs trained at paper and matched density; empty when off. */
  readonly matchedDensity?: readonly MatchedDensityRow[];
}

/** The named topologies of the headline (SPEC §9), with how the sentences introduce them. */
const KEY_TOPOLOGIES: readonly { readonly name: string; readonly description: string }[] = [
  { name: "diamond", description: "the diamond (bi-parallel: a→b, a→c, b→d, c→d)" },
  { name: "bi-fan", description: "the bi-fan (a→c, a→d, b→c, b→d)" },
];

const FAMILY = SIGNIFICANCE.family;
const ALPHA = SIGNIFICANCE.alpha;

function fmt(x: number | null, digits = 1): string {
  return x === null ? "n/a" : x.toFixed(digits);
}

function signed(x: number | null): string {
  return x === null ? "n/a" : `${x >= 0 ? "+" : ""}${x.toFixed(2)}`;
}

function countWord(n: number): string {
  const words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  return words[n] ?? String(n);
}

function capitalise(text: string): string {
  return text.length > 0 ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

/** "a, b and c"; unnamed topologies ("5-node, 6 edges #…") are counted, not spelled out. */
function list(names: readonly string[]): string {
  const named = names.filter((n) => !n.includes("#"));
  const unnamed = names.length - named.length;
  const items =
    unnamed > 0
      ? [...named, `${countWord(unnamed)} unnamed ${unnamed === 1 ? "topology" : "topologies"}`]
      : named;
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function describe(topology: string | null): string {
  return KEY_TOPOLOGIES.find((t) => t.name === topology)?.description ?? `the ${topology}`;
}

/** "switch null: median Z 9.1 in the trained networks (4.0 before training), significant in 6 of 6". */
function topologyClause(
  nullModel: string | null,
  value: number | null,
  before: number | null,
  significant: number,
  networks: number | null,
): string {
  return (
    `${nullModel} null: median Z ${fmt(value)} in the trained networks (${fmt(before)} before ` +
    `training), significant in ${significant} of ${networks ?? 0}`
  );
}

/** The rule behind every "significant" of a sentence (the methods section states it in full). */
function rule(alpha: number | null, family: string | null): string {
  return `BH q < ${alpha ?? ALPHA} over ${family ?? FAMILY}, with mfinder's count guards`;
}

/** The sentence of a finding, from its fields only. */
export function findingSentence(f: FindingRecord): string {
  switch (f.kind) {
    case "biology":
      return biologySentence(f);
    case "biology-ensemble":
      return biologyEnsembleSentence(f);
    case "topology-level":
    case "topology": {
      const own = topologyClause(f.null, f.value, f.before, f.significant ?? 0, f.networks);
      const parts =
        f.reference === null
          ? [own]
          : [
              topologyClause(
                f.reference.null,
                f.reference.value,
                f.reference.before,
                f.reference.significant,
                f.networks,
              ),
              own,
            ];
      const what =
        f.kind === "topology-level"
          ? "as a topology (counted without colours)"
          : `its most significant coloured variant (max Z over up to ${f.variants ?? "n/a"} variants: a biased selection)`;
      return `${capitalise(describe(f.topology))}, ${what} — ${parts.join("; ")} (${rule(f.alpha, f.family)}).`;
    }
    case "topology-pairs":
      return (
        `Counted without colours, under the ${f.null} null ${f.significant} of ${f.pairs} ` +
        `(${f.size}-node topology, trained network) pairs are significant over ${f.networks} ` +
        `trained networks (${rule(f.alpha, f.family)}); significant in most trained networks: ` +
        `${f.mostly.length > 0 ? list(f.mostly) : "none"}.`
      );
    case "density":
      return (
        `Density control, ${f.topology} under the ${f.null} null (uncoloured, ${f.size} nodes, ` +
        `median over ${f.networks} trained networks): ΔZ (trained − initial) ${signed(f.deltaZPaper)} ` +
        `at the paper binning (initial ${fmt(f.median.initialEdges, 0)} edges, trained ` +
        `${fmt(f.median.trainedEdges, 0)}), ${signed(f.deltaZMatched)} at matched density (initial ` +
        `${fmt(f.median.matchedEdges, 0)} edges); matched/paper = ${fmt(f.value, 2)}.`
      );
    case "topology-absent":
      return `${capitalise(describe(f.topology))} does not occur in any census (is size ${f.size} in the study?).`;
    case "null-survival": {
      const k = f.significantReference.length;
      if (k === 0) {
        return `No ${f.size}-node topology is significant under the ${f.referenceNull} null in most trained networks.`;
      }
      const stayText =
        f.stay.length === 0
          ? `none of them stays significant under the ${f.null} null`
          : `${list(f.stay)} ${f.stay.length === 1 ? "stays" : "stay"} significant under the ${f.null} null`;
      const lostText =
        f.lost.length > 0 && f.stay.length > 0
          ? `, ${list(f.lost)} ${f.lost.length === 1 ? "does" : "do"} not`
          : "";
      // No "why": that a topology is not significant under a second null says nothing about learning.
      const why = "";
      return (
        `Under the ${f.referenceNull} null, ${countWord(k)} ${f.size}-node ${k === 1 ? "topology is" : "topologies are"} ` +
        `significant in most of the ${f.networks} trained networks (${list(f.significantReference)}); ` +
        `${stayText}${lostText}${why}.`
      );
    }
    case "z-undefined":
      return (
        `Under the ${f.null} null every random network has the same ${f.size}-node counts ` +
        `(sd = 0), so Z is undefined for all ${f.value} classes: ` +
        (f.significantReference.length > 0
          ? `the counts of ${list(f.significantReference)}, significant under the ${f.referenceNull} null, are fixed by what the ${f.null} null preserves.`
          : `the ${f.size}-node census is fixed by what the ${f.null} null preserves.`)
      );
    case "constrained":
      return (
        `Fixed by the null model's constraints: under the ${f.null} null, ${f.value} coloured ` +
        `${f.size}-node ${f.value === 1 ? "class has" : "classes have"} the same count in the original and in every ` +
        `random network (${list(f.topologies)}); they have no Z and are never significant.`
      );
    case "delta-z":
      return (
        `Training changes a coloured class's Z by a median of ${signed(f.value)} under the ` +
        `${f.null} null (${f.networks} class pairs).`
      );
    case "learning": {
      const pct = `${Math.round(100 * f.target)}% validation accuracy`;
      const areas = f.valAccuracyArea
        .map((a) => `${a.init} ${(a.area / f.epochs).toFixed(3)}`)
        .join(", ");
      const meanAcc = `mean validation accuracy over the epochs: ${areas}`;
      if (f.fastest.length === 0) {
        return `On ${f.dataset} no initialisation reached ${pct} within ${f.epochs} epochs (${meanAcc}).`;
      }
      const others = f.reached
        .filter((r) => !f.fastest.includes(r.init))
        .map((r) => `${r.init} after ${r.epochs}`);
      const never = f.neverReached.length > 0 ? [`never reached by ${list(f.neverReached)}`] : [];
      const rest = [...others, ...never].join("; ");
      const lead =
        f.fastest.length === 1
          ? `${f.fastest[0]} learns fastest`
          : `${list(f.fastest)} tie as the fastest`;
      return (
        `On ${f.dataset}, ${lead}: ${pct} after ${f.value} ${f.value === 1 ? "epoch" : "epochs"}` +
        `${rest ? ` (${rest})` : ""}; ${meanAcc}.`
      );
    }
    case "kept-edges":
      return `Before training the binning keeps ${Math.round(100 * (f.value ?? 0))}% of the ${f.init} network's weights as edges.`;
    case "selection":
      return (
        `Caution: picking the most significant of up to ${f.value} coloured variants of a topology ` +
        "is a selection; the report gives the q-values and the most typical variant too."
      );
    case "cutoff":
      return f.summary;
    case "weighted":
      return weightedFindingSentence(f);
    case "weighted-ensemble":
      return weightedEnsembleSentence(f);
    default:
      return ensembleFindingSentence(f);
  }
}

function withSentence(f: FindingRecord): Finding {
  return { ...f, sentence: findingSentence(f) };
}

/** Every finding of a study, most important first. */
export function studyFindings(results: StudyResults, tables: FindingInputs): Finding[] {
  const out: FindingRecord[] = [];
  const ref = referenceNull(results.nullModels);
  const nulls = results.nullModels;
  const trainedCount = results.graphs.filter((g) => g.stage === "trained").length;
  const common = { family: familyOf(results), alpha: ALPHA };

  // The named topologies under every null, each other null beside the reference null.
  for (const { name } of KEY_TOPOLOGIES) {
    const key = namedTopologyKey(name);
    const size = Math.round(Math.sqrt(key.length));
    const rows = tables.topologyVariants.filter((v) => v.topology === key);
    if (rows.length === 0) {
      out.push({
        kind: "topology-absent",
        id: `topology-absent-${size}-${name}`,
        section: "motifs",
        null: null,
        size,
        topology: name,
        statistic: "censuses with the topology",
        value: 0,
        networks: null,
        significant: null,
        family: null,
        alpha: null,
      });
      continue;
    }
    const measure = (nullModel: string) => {
      const of = (stage: string) =>
        rows.filter((r) => r.nullModel === nullModel && r.stage === stage);
      return {
        value: median(of("trained").map((r) => r.maxZ ?? NaN)),
        before: median(of("initial").map((r) => r.maxZ ?? NaN)),
        significant: of("trained").filter((r) => r.significant).length,
      };
    };
    const refMeasure = ref === null ? null : measure(ref);
    for (const nullModel of nulls) {
      const m = measure(nullModel);
      out.push({
        kind: "topology",
        id: `topology-${size}-${name}-${nullModel}`,
        section: "motifs",
        null: nullModel,
        size,
        topology: name,
        topologyKey: key,
        statistic:
          "median Z of the most significant coloured variant (max Z: biased selection), trained networks",
        variants: Math.max(0, ...rows.map((r) => r.variants)),
        value: m.value,
        before: m.before,
        networks: trainedCount,
        significant: m.significant,
        reference:
          nullModel === ref || refMeasure === null ? null : { null: ref as string, ...refMeasure },
        ...common,
      });
    }
  }

  out.push(...topologyLevelFindings(results, tables.topologyLevel ?? [], trainedCount));
  out.push(...densityFindings(results, tables.matchedDensity ?? []));

  // Which topologies stay significant under the other nulls.
  for (const size of results.sizes) {
    for (const other of nulls.filter((n) => n !== ref)) {
      const rows = tables.nullComparison.filter(
        (r) => r.size === size && r.otherNull === other && r.stage === "trained",
      );
      const byTopology = new Map<string, { name: string; ref: number; other: number; n: number }>();
      for (const r of rows) {
        const t = byTopology.get(r.topology) ?? { name: r.topologyName, ref: 0, other: 0, n: 0 };
        t.n += 1;
        if (r.significantReference) t.ref += 1;
        if (r.significantOther) t.other += 1;
        byTopology.set(r.topology, t);
      }
      const sigRef = [...byTopology.values()].filter((t) => t.ref * 2 > t.n);
      const stay = sigRef.filter((t) => t.other * 2 > t.n).map((t) => t.name);
      const lost = sigRef.filter((t) => t.other * 2 <= t.n).map((t) => t.name);
      const base = { null: other, size, topology: null, ...common };
      const otherClasses = tables.censusClasses.filter(
        (c) => c.size === size && c.nullModel === other && c.stage === "trained",
      );
      if (rows.length > 0 && otherClasses.every((c) => c.z === null || c.constrained)) {
        out.push({
          kind: "z-undefined",
          id: `z-undefined-${size}-${other}`,
          section: "nulls",
          ...base,
          statistic: "classes with undefined Z, trained networks",
          value: new Set(otherClasses.map((c) => c.key)).size,
          networks: trainedCount,
          significant: 0,
          referenceNull: ref,
          significantReference: sigRef.map((t) => t.name),
        });
        continue;
      }
      out.push({
        kind: "null-survival",
        id: `null-survival-${size}-${other}`,
        section: "nulls",
        ...base,
        statistic: "topologies significant in most trained networks under both nulls",
        value: stay.length,
        networks: trainedCount,
        significant: stay.length,
        referenceNull: ref as string,
        significantReference: sigRef.map((t) => t.name),
        stay,
        lost,
      });
    }
  }

  // Classes whose count the null fixes, per null and size.
  for (const nullModel of nulls) {
    for (const size of results.sizes) {
      const rows = tables.censusClasses.filter(
        (c) => c.nullModel === nullModel && c.size === size && c.constrained,
      );
      if (rows.length === 0) continue;
      out.push({
        kind: "constrained",
        id: `constrained-${size}-${nullModel}`,
        section: "nulls",
        null: nullModel,
        size,
        topology: null,
        statistic: "coloured classes whose count the null fixes, in at least one network",
        value: new Set(rows.map((c) => c.key)).size,
        networks: new Set(rows.map((c) => c.graphId)).size,
        significant: 0,
        topologies: [...new Set(rows.map((c) => c.topologyName))].sort(),
        ...common,
      });
    }
  }

  // What training does to Z.
  for (const nullModel of nulls) {
    const deltas = tables.zPairs
      .filter((p) => p.nullModel === nullModel && p.deltaZ !== null)
      .map((p) => p.deltaZ as number);
    const d = median(deltas);
    if (d === null) continue;
    out.push({
      kind: "delta-z",
      id: `delta-z-${nullModel}`,
      section: "changes",
      null: nullModel,
      size: null,
      topology: null,
      statistic: "median ΔZ (trained − initial) of the coloured classes",
      value: d,
      networks: deltas.length,
      significant: null,
      family: null,
      alpha: null,
    });
  }

  // Learning efficacy, per data set: no ranking across data sets, ties are ties.
  for (const r of learningRanking(tables.learningEfficacy, results.datasets)) {
    out.push({
      kind: "learning",
      id: `learning-${r.dataset}`,
      section: "learning",
      null: null,
      size: null,
      topology: null,
      statistic: `fewest epochs to ${Math.round(100 * r.target)}% validation accuracy`,
      value: r.reached[0]?.epochs ?? null,
      networks: r.reached.length + r.neverReached.length,
      significant: null,
      family: null,
      alpha: null,
      ...r,
    });
  }

  // Edges kept by the binning in the initial networks.
  for (const g of results.graphs) {
    if (g.stage !== "initial" || g.weights.length === 0) continue;
    out.push({
      kind: "kept-edges",
      id: `kept-edges-${g.init}`,
      section: "weights",
      null: null,
      size: null,
      topology: null,
      init: g.init,
      statistic: "share of the initial network's weights kept as edges",
      value: g.weightColours.filter((c) => c > 0).length / g.weights.length,
      networks: 1,
      significant: null,
      family: null,
      alpha: null,
    });
  }

  const variants = tables.topologyVariants.map((v) => v.variants);
  if (variants.length > 0) {
    out.push({
      kind: "selection",
      id: "selection",
      section: "census",
      null: null,
      size: null,
      topology: null,
      statistic: "most coloured variants of one topology in one census",
      value: Math.max(...variants),
      networks: null,
      significant: null,
      family: null,
      alpha: null,
    });
  }

  const sweep = cutoffSensitivityFinding(tables.cutoffSensitivity, results.nullModels);
  if (sweep !== null) {
    const cutoffs = new Set(tables.cutoffSensitivity.map((r) => r.cutoff));
    out.push({
      kind: "cutoff",
      id: "cutoff-sensitivity",
      section: "sensitivity",
      null: ref,
      size: 4,
      topology: null,
      statistic: "cut-offs c of the sweep",
      value: cutoffs.size,
      networks: new Set(tables.cutoffSensitivity.map((r) => r.graphId)).size,
      significant: null,
      ...common,
      summary: sweep,
    });
  }
  return out.map(withSentence);
}

/**
 * The topology level (uncoloured censuses): per named topology and null, the median Z and the
 * number of trained networks it is significant in; per null and size, the significant
 * (topology, trained network) pairs.
 */
function topologyLevelFindings(
  results: StudyResults,
  rows: readonly TopologyLevelRow[],
  trainedCount: number,
): FindingRecord[] {
  if (rows.length === 0) return [];
  const out: FindingRecord[] = [];
  const ref = referenceNull(results.nullModels);
  const common = { family: familyOf(results), alpha: ALPHA };
  for (const { name } of KEY_TOPOLOGIES) {
    const key = namedTopologyKey(name);
    const size = Math.round(Math.sqrt(key.length));
    const of = rows.filter((r) => r.topology === key);
    if (of.length === 0) continue;
    const measure = (nullModel: string) => {
      const at = (stage: string) =>
        of.filter((r) => r.nullModel === nullModel && r.stage === stage);
      return {
        value: median(at("trained").map((r) => r.z ?? NaN)),
        before: median(at("initial").map((r) => r.z ?? NaN)),
        significant: at("trained").filter((r) => r.significant === "over").length,
      };
    };
    const refMeasure = ref === null ? null : measure(ref);
    for (const nullModel of results.nullModels) {
      const m = measure(nullModel);
      out.push({
        kind: "topology-level",
        id: `topology-level-${size}-${name}-${nullModel}`,
        section: "motifs",
        null: nullModel,
        size,
        topology: name,
        topologyKey: key,
        statistic: "median Z of the topology (uncoloured census), trained networks",
        variants: null,
        value: m.value,
        before: m.before,
        networks: trainedCount,
        significant: m.significant,
        reference:
          nullModel === ref || refMeasure === null ? null : { null: ref as string, ...refMeasure },
        ...common,
      });
    }
  }
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  for (const nullModel of results.nullModels) {
    for (const size of sizes) {
      const trained = rows.filter(
        (r) => r.nullModel === nullModel && r.size === size && r.stage === "trained",
      );
      if (trained.length === 0) continue;
      const networks = new Set(trained.map((r) => r.graphId)).size;
      const byTopology = new Map<string, { name: string; n: number }>();
      for (const r of trained.filter((x) => x.significant === "over")) {
        const t = byTopology.get(r.topology) ?? { name: r.topologyName, n: 0 };
        t.n += 1;
        byTopology.set(r.topology, t);
      }
      const significant = trained.filter((r) => r.significant === "over").length;
      out.push({
        kind: "topology-pairs",
        id: `topology-pairs-${size}-${nullModel}`,
        section: "motifs",
        null: nullModel,
        size,
        topology: null,
        statistic: "(topology, trained network) pairs significant, uncoloured census",
        value: significant,
        networks,
        significant,
        pairs: trained.length,
        mostly: [...byTopology.values()].filter((t) => t.n * 2 > networks).map((t) => t.name),
        ...common,
      });
    }
  }
  return out;
}

/** Density control: per null, size and named topology, median ΔZ at paper vs matched density. */
function densityFindings(
  results: StudyResults,
  rows: readonly MatchedDensityRow[],
): FindingRecord[] {
  const out: FindingRecord[] = [];
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
  for (const nullModel of results.nullModels) {
    for (const size of sizes) {
      for (const { name } of KEY_TOPOLOGIES) {
        const of = rows.filter(
          (r) => r.nullModel === nullModel && r.size === size && r.topology === name,
        );
        if (of.length === 0) continue;
        const paper = median(of.map((r) => r.deltaZPaper ?? NaN));
        const matched = median(of.map((r) => r.deltaZMatched ?? NaN));
        out.push({
          kind: "density",
          id: `density-${size}-${name}-${nullModel}`,
          section: "density",
          null: nullModel,
          size,
          topology: name,
          statistic: "median ΔZ at matched density / median ΔZ at the paper binning",
          value: paper === null || matched === null || paper === 0 ? null : matched / paper,
          networks: of.length,
          significant: null,
          family: null,
          alpha: null,
          deltaZPaper: paper,
          deltaZMatched: matched,
          median: {
            initialEdges: median(of.map((r) => r.initialEdges)),
            matchedEdges: median(of.map((r) => r.matchedEdges)),
            trainedEdges: median(of.map((r) => r.trainedEdges)),
          },
        });
      }
    }
  }
  return out;
}
