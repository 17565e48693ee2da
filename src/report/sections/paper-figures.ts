/**
 * The paper's figures across seeds (SPEC §8, issue 9 "each of the paper's figures for every
 * architecture … with CIs"): per architecture, the Z(initial) vs Z(trained) scatter of the
 * coloured classes with the bisector, the most changed classes and the histogram of ΔZ, each from
 * the per-class means and t-intervals across seeds; the authors' weight table as means with
 * intervals and the share of weights kept per colour; and the first seed's weight histograms
 * (a histogram needs no interval). The one-seed sections show the same for the first replicate
 * only. Absent without an ensemble.
 */
import { rankingSeeds } from "../../analysis/ensemble/class-z-changes.js";
import { pText } from "../../analysis/ensemble/ensemble-findings.js";
import { ensembleDeltaZHistogramFigure } from "../ensemble-delta-z-histogram-figure.js";
import { ensembleMostChangedFigure, mostChangedLabel } from "../ensemble-most-changed-figure.js";
import { ensembleWeightsFigure } from "../ensemble-weights-figure.js";
import { ensembleZScatterFigure } from "../ensemble-z-scatter-figure.js";
import { colourNames, type Figure } from "../figure-spec.js";
import { escapeHtml, num, text } from "../html.js";
import { weightHistogramFigure } from "../weight-histogram-figure.js";
import {
  architectures,
  cappedTable,
  datasetsOf,
  initsOf,
  intervalCell,
  METHOD_NOTE,
  seedCount,
  sizesOf,
} from "./ensemble-parts.js";
import type { ReportSection, SectionInput } from "./section.js";

type Ensemble = NonNullable<SectionInput["ensemble"]>;

function nullModelsOf(ensemble: Ensemble): string[] {
  return [...new Set(ensemble.results.replicates.flatMap((r) => r.results.nullModels))];
}

/** "lo–hi" of an interval, or "—" without one. */
function rangeText(lo: number | null, hi: number | null, digits: number): string {
  return lo === null || hi === null ? "—" : `[${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;
}

function meanCell(mean: number | null, lo: number | null, hi: number | null, digits = 4) {
  return {
    html: escapeHtml(mean === null ? "—" : `${mean.toFixed(digits)} ${rangeText(lo, hi, digits)}`),
    sort: mean,
  };
}

export const paperFiguresSection: ReportSection = {
  id: "paper-figures",
  title: "The paper's figures across seeds",
  numbered: true,
  findings: [],
  include: ({ ensemble }) => ensemble !== undefined && ensemble.results.replicates.length > 0,
  figures: ({ ensemble, results }) => {
    if (!ensemble) return [];
    const inits = initsOf(ensemble);
    const datasets = datasetsOf(ensemble);
    const nulls = nullModelsOf(ensemble);
    const t = ensemble.analysis.tables;
    const out: Figure[] = [];
    for (const a of architectures(ensemble)) {
      for (const size of sizesOf(t.classZChanges, a)) {
        out.push(ensembleZScatterFigure(t.classZChanges, a, size, inits, nulls));
      }
      for (const size of sizesOf(t.mostChangedClasses, a)) {
        out.push(
          ensembleMostChangedFigure(
            t.mostChangedClasses,
            a,
            size,
            inits,
            nulls,
            results.config.graphs?.binning,
          ),
        );
      }
      for (const size of sizesOf(t.classZChanges, a)) {
        if (t.classZChanges.some((r) => r.architecture === a && r.size === size && r.mean !== null))
          out.push(ensembleDeltaZHistogramFigure(t.classZChanges, a, size, inits, nulls));
      }
      if (t.weightTable.some((r) => r.architecture === a)) {
        out.push(ensembleWeightsFigure(t.weightTable, a, inits, datasets));
      }
      const h = ensemble.analysis.weightHistograms.find((w) => w.architecture === a);
      if (h && h.histograms.length > 0) {
        const f = weightHistogramFigure(h.histograms, h.bands, results.config.graphs?.binning);
        out.push({
          ...f,
          name: `ensemble-weight-histograms-${a}`,
          title: `${f.title}, ${a} (seed ${h.seed})`,
          caption: `One seed (${h.seed}) of ${a}; a histogram needs no interval. ${f.caption}`,
        });
      }
    }
    return out;
  },
  body: ({ ensemble, results, figuresHtml, maxCensusRows }) => {
    if (!ensemble) return "";
    const names = colourNames(results.config.graphs?.binning);
    const t = ensemble.analysis.tables;
    const seeds = architectures(ensemble)
      .map((a) => `${a}: ${seedCount(ensemble, a)} seeds`)
      .join("; ");
    const most = Math.max(...architectures(ensemble).map((a) => seedCount(ensemble, a)));
    return (
      `<p class="table-note">${escapeHtml(
        `Replicates per architecture — ${seeds}. ${METHOD_NOTE} A class's mean Z before and ` +
          "after training is taken over the seeds where both are defined, so that its height " +
          "above the bisector is its mean ΔZ. The most changed classes are ranked by |mean ΔZ| " +
          `among the classes with a ΔZ in at least ${rankingSeeds(most)} of ${most} seeds (half ` +
          "the seeds, at least 2): a class seen in one seed is a rare class whose Z is large " +
          "by construction.",
      )}</p>` +
      figuresHtml +
      cappedTable(
        t.mostChangedClasses,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "bar", cell: (r) => text(mostChangedLabel(r)) },
          { title: "class", cell: (r) => text(r.motif) },
          { title: "Z initial", cell: (r) => num(r.zInitialMean) },
          { title: "Z trained", cell: (r) => num(r.zTrainedMean) },
          { title: "ΔZ [95% CI]", cell: (r) => intervalCell(r) },
          { title: "sign-flip p", cell: (r) => text(pText(r.pSignFlip)) },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "The most changed classes of the figures above, by rank, with their class keys.",
        "most-changed-classes",
        maxCensusRows,
      ) +
      cappedTable(
        t.weightTable,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "network", cell: (r) => text(r.network) },
          { title: "weights", cell: (r) => text(r.weights) },
          { title: "n", cell: (r) => num(r.n, 0) },
          {
            title: "mean |w| [95% CI]",
            cell: (r) => meanCell(r.meanAbsMean, r.meanAbsLo, r.meanAbsHi),
          },
          { title: "sd of w [95% CI]", cell: (r) => meanCell(r.sdMean, r.sdLo, r.sdHi) },
          {
            title: "median Welch p",
            cell: (r) => text(r.network === "initial" ? "—" : pText(r.pMedian)),
          },
          {
            title: "seeds p < 0.05",
            cell: (r) => text(r.network === "initial" ? "—" : `${r.pBelow05} of ${r.pSeeds}`),
          },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "The authors' weight table across seeds: mean |w| and population sd of w per network, " +
          "over all kernel weights and over the weights kept as edges, mean [95 % t-interval]; " +
          "Welch's p of each seed's trained against its initial weights (independent samples, " +
          "although the weights are paired) is not averaged: its median and the seeds below 0.05.",
        "weight-table",
        maxCensusRows,
      ) +
      cappedTable(
        t.keptShare,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "network", cell: (r) => text(r.network) },
          {
            title: "colour",
            cell: (r) => text(`${r.colour} ${names[r.colour] ?? ""}`.trim()),
          },
          { title: "share of weights [95% CI]", cell: (r) => meanCell(r.mean, r.lo, r.hi, 3) },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "Share of the weights kept as edges of each colour (edges / weights), across seeds.",
        "kept-share",
        maxCensusRows,
      )
    );
  },
};
