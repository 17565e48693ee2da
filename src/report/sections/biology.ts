/**
 * Comparison with biological networks (SPEC §10.3, issue 9 item 6): the study graphs' topology-level
 * significance profiles against each reference network's, and the correlation table with its
 * intervals (Fisher-z per graph with one seed; Student-t across seeds with several). Absent when
 * the study counted no reference network.
 */
import {
  PROFILE_STATISTIC,
  type BiologyEnsembleRow,
  type BiologyRow,
} from "../../analysis/biological-comparison.js";
import {
  networkLabel,
  type ReferenceCensus,
  type StudyResults,
} from "../../analysis/study-results.js";
import {
  biologyProfileFigure,
  biologyProfilePoints,
  type ProfiledGraph,
} from "../biology-figure.js";
import { escapeHtml, num, sentenceList, table, text } from "../html.js";
import type { ReportSection, SectionInput } from "./section.js";

function referencesOf(input: SectionInput): readonly ReferenceCensus[] {
  return (
    input.ensemble?.results.references ??
    input.ensemble?.results.replicates.find((r) => r.results.references !== undefined)?.results
      .references ??
    input.results.references ??
    []
  );
}

/** Every replicate's results (one when there is no ensemble). */
function allResults(input: SectionInput): readonly StudyResults[] {
  const reps = input.ensemble?.results.replicates ?? [];
  return reps.length > 0 ? reps.map((r) => r.results) : [input.results];
}

function profiledGraphs(results: readonly StudyResults[]): ProfiledGraph[] {
  return results.flatMap((r) => {
    const graphs = new Map(r.graphs.map((g) => [g.id, g]));
    return (r.topologyCensuses ?? []).flatMap((census) => {
      const g = graphs.get(census.graphId);
      return g === undefined ? [] : [{ network: networkLabel(g), census }];
    });
  });
}

function interval(lo: number, hi: number): string {
  return Number.isNaN(lo) || Number.isNaN(hi) ? "n/a" : `[${lo.toFixed(2)}, ${hi.toFixed(2)}]`;
}

function perGraphTable(rows: readonly BiologyRow[]): string {
  return table(
    rows,
    [
      { title: "reference", cell: (r) => text(r.reference) },
      { title: "size", cell: (r) => num(r.size, 0) },
      { title: "null", cell: (r) => text(r.nullModel) },
      { title: "network", cell: (r) => text(r.network) },
      { title: "init", cell: (r) => text(r.init) },
      { title: "shared topologies", cell: (r) => num(r.topologies, 0) },
      { title: "r", cell: (r) => num(Number.isNaN(r.r) ? null : r.r) },
      { title: "95 % interval (Fisher z)", cell: (r) => text(interval(r.lo, r.hi)) },
    ],
    "Pearson r of each graph's SP with the reference's, over the topologies defined in both.",
  );
}

function ensembleTable(rows: readonly BiologyEnsembleRow[]): string {
  return table(
    rows,
    [
      { title: "reference", cell: (r) => text(r.reference) },
      { title: "size", cell: (r) => num(r.size, 0) },
      { title: "null", cell: (r) => text(r.nullModel) },
      { title: "architecture", cell: (r) => text(r.architecture) },
      { title: "init", cell: (r) => text(r.init) },
      { title: "network", cell: (r) => text(r.network) },
      { title: "seeds", cell: (r) => num(r.seeds.length, 0) },
      { title: "mean r", cell: (r) => num(r.r.mean) },
      { title: "95 % interval (t)", cell: (r) => text(interval(r.r.lo, r.r.hi)) },
      {
        title: "change from initial",
        cell: (r) =>
          text(
            r.change === null
              ? ""
              : `${r.change.mean.toFixed(2)} ${interval(r.change.lo, r.change.hi)}`,
          ),
      },
      {
        title: "per seed",
        cell: (r) => text(r.perSeed.map((x) => x.toFixed(2)).join(", ")),
      },
    ],
    "Mean across seeds of each seed's Pearson r; the change is paired by seed (trained − initial).",
  );
}

export const biologySection: ReportSection = {
  id: "biology",
  title: "Comparison with biological networks",
  numbered: true,
  findings: ["biology"],
  include: (input) => referencesOf(input).length > 0,
  figures: (input) => {
    const references = referencesOf(input);
    const graphs = profiledGraphs(allResults(input));
    const sizes = [...new Set(references.map((r) => r.census.size))].sort((a, b) => a - b);
    return sizes.flatMap((size) => {
      const points = biologyProfilePoints(graphs, references, size);
      if (points.length === 0) return [];
      const nullModel = references.find((r) => r.census.size === size)?.census.nullModel ?? "";
      return [biologyProfileFigure(points, { size, datasets: input.results.datasets, nullModel })];
    });
  },
  body: (context) => {
    const references = referencesOf(context);
    const described = references
      .filter((r, i) => references.findIndex((x) => x.network === r.network) === i)
      .map(
        (r) =>
          `${escapeHtml(r.network)} (${escapeHtml(r.description)}; ${r.nodes} nodes, ${r.arcs} arcs)`,
      );
    const intro =
      `<p>Each graph of the study and each reference network is counted without colours under ` +
      `the same null, with the same number of random networks. A profile is SP = Z / √ΣZ² with ` +
      `Z on counts (${PROFILE_STATISTIC}); r is Pearson's over the topologies whose Z is defined ` +
      `in both (a census lists the classes found in its graph). Reference networks: ` +
      `${described.join("; ")}.</p>`;
    const ensemble = context.ensemble;
    if (ensemble !== undefined && ensemble.results.replicates.length > 1) {
      // The across-seed records of findings.json (analyse-ensemble.ts).
      const sentences = ensemble.analysis.findings
        .filter((f) => f.kind === "biology-ensemble")
        .map((f) => f.sentence);
      return (
        intro +
        sentenceList(sentences) +
        context.figuresHtml +
        ensembleTable(ensemble.analysis.biology)
      );
    }
    return (
      intro +
      sentenceList(context.findings.map((f) => f.sentence)) +
      context.figuresHtml +
      perGraphTable(context.analysis.tables.biologicalComparison)
    );
  },
};
