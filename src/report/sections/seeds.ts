/**
 * Across seeds (issue 9 items 1, 7): per architecture, topology-level Z with error bars (initial vs
 * trained), the training ΔZ paired by seed per init and null, edges per colour and learning curves
 * with bands; the findings' sentences first, the per-seed numbers in tables beside the summaries.
 * Absent without an ensemble.
 */
import { POOLED_DATASETS } from "../../analysis/ensemble/delta-z.js";
import { ENSEMBLE_KEY_TOPOLOGIES, pText } from "../../analysis/ensemble/ensemble-findings.js";
import { ensembleDeltaZFigure } from "../ensemble-delta-z-figure.js";
import { ensembleEdgesFigure } from "../ensemble-edges-figure.js";
import { ensembleLearningFigure } from "../ensemble-learning-figure.js";
import { ensembleProfileFigure } from "../ensemble-profile-figure.js";
import { ensembleZFigure } from "../ensemble-z-figure.js";
import type { Figure } from "../figure-spec.js";
import { escapeHtml, num, sentenceList, shortTopology, text } from "../html.js";
import {
  architectures,
  cappedTable,
  datasetsOf,
  initsOf,
  findingsOf,
  intervalCell,
  METHOD_NOTE,
  seedCount,
  sizesOf,
} from "./ensemble-parts.js";
import type { ReportSection } from "./section.js";

export const seedsSection: ReportSection = {
  id: "seeds",
  title: "Across seeds",
  numbered: true,
  findings: [],
  include: ({ ensemble }) => ensemble !== undefined && ensemble.results.replicates.length > 0,
  figures: ({ ensemble }) => {
    if (!ensemble) return [];
    const inits = initsOf(ensemble);
    const datasets = datasetsOf(ensemble);
    const t = ensemble.analysis.tables;
    const out: Figure[] = [];
    for (const a of architectures(ensemble)) {
      for (const size of sizesOf(t.topologyZ, a)) {
        out.push(ensembleZFigure(t.topologyZ, a, size, datasets));
      }
      for (const size of sizesOf(t.deltaZ, a)) {
        out.push(ensembleDeltaZFigure(t.deltaZ, a, size, inits, datasets));
      }
      for (const size of sizesOf(t.significanceProfile, a)) {
        out.push(ensembleProfileFigure(t.significanceProfile, a, size, inits, datasets));
      }
      if (t.edges.some((r) => r.architecture === a)) {
        out.push(ensembleEdgesFigure(t.edges, a, datasets));
      }
      if (ensemble.analysis.learning.some((r) => r.architecture === a)) {
        out.push(ensembleLearningFigure(ensemble.analysis.learning, a, inits));
      }
    }
    return out;
  },
  body: ({ ensemble, figuresHtml, maxCensusRows }) => {
    if (!ensemble) return "";
    const t = ensemble.analysis.tables;
    const seeds = architectures(ensemble)
      .map((a) => `${a}: ${seedCount(ensemble, a)} seeds`)
      .join("; ");
    const key = (name: string) => ENSEMBLE_KEY_TOPOLOGIES.includes(name);
    return (
      `<p class="table-note">${escapeHtml(`Replicates per architecture — ${seeds}. ${METHOD_NOTE}`)}</p>` +
      `<div class="finding">${findingsOf(ensemble, ["ensemble-headline"])
        .map((f) => `<p>${escapeHtml(f.sentence)}</p>`)
        .join("")}</div>` +
      sentenceList(
        findingsOf(ensemble, [
          "ensemble-sampling",
          "ensemble-delta-z",
          "ensemble-init",
          "ensemble-learning",
        ]).map((f) => f.sentence),
      ) +
      figuresHtml +
      cappedTable(
        t.deltaZ,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "Z initial", cell: (r) => num(r.meanInitial) },
          { title: "Z trained", cell: (r) => num(r.meanTrained) },
          { title: "ΔZ [95% CI]", cell: (r) => intervalCell(r) },
          { title: "paired t p", cell: (r) => text(pText(r.pT)) },
          { title: "sign-flip p", cell: (r) => text(pText(r.pSignFlip)) },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        `Training ΔZ per topology, paired across seeds ("${POOLED_DATASETS}": each seed's ` +
          "trained Z averaged over its data sets first).",
        "delta-z",
        maxCensusRows,
      ) +
      cappedTable(
        t.deltaZSeeds.filter((r) => key(r.topologyName)),
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "seed", cell: (r) => num(r.seed, 0) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "Z initial", cell: (r) => num(r.zInitial) },
          { title: "Z trained", cell: (r) => num(r.zTrained) },
          { title: "ΔZ", cell: (r) => num(r.deltaZ) },
        ],
        "The same per seed, for the diamond and the bi-fan.",
        "delta-z-seeds",
        maxCensusRows,
      ) +
      cappedTable(
        t.initComparison,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "B − A", cell: (r) => text(`${r.initB} − ${r.initA}`) },
          { title: "ΔZ difference [95% CI]", cell: (r) => intervalCell(r) },
          { title: "paired t p", cell: (r) => text(pText(r.pT)) },
          { title: "sign-flip p", cell: (r) => text(pText(r.pSignFlip)) },
        ],
        "Between initialisations: ΔZ(init B) − ΔZ(init A), paired by seed.",
        "init-comparison",
        maxCensusRows,
      ) +
      cappedTable(
        t.significanceProfile.filter((r) => r.stage === "trained" || r.network === "initial"),
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "network", cell: (r) => text(r.network) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "SP [95% CI]", cell: (r) => intervalCell(r, 3) },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "Significance profile SP = Z/√ΣZ² per uncoloured census (the norm over every topology " +
          "with a Z), mean across seeds.",
        "significance-profile",
        maxCensusRows,
      ) +
      cappedTable(
        t.variantZ,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "network", cell: (r) => text(r.network) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          {
            title: "max-Z variant [95% CI]",
            cell: (r) =>
              intervalCell({ mean: r.maxZMean, lo: r.maxZLo, hi: r.maxZHi, seeds: r.seeds }),
          },
          {
            title: "typical variant [95% CI]",
            cell: (r) =>
              intervalCell({
                mean: r.typicalZMean,
                lo: r.typicalZLo,
                hi: r.typicalZHi,
                seeds: r.seeds,
              }),
          },
        ],
        "Coloured censuses: Z of each topology's most significant coloured variant (max Z, a " +
          "biased selection made in each seed) and of its most typical one, across seeds.",
        "variant-z",
        maxCensusRows,
      ) +
      cappedTable(
        t.testAccuracySeeds,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "seed", cell: (r) => num(r.seed, 0) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "epochs", cell: (r) => num(r.epochs, 0) },
          { title: "final val acc", cell: (r) => num(r.finalValAccuracy, 3) },
          { title: "test acc", cell: (r) => num(r.testAccuracy, 3) },
        ],
        "Per seed: epochs trained, final validation and test accuracy.",
        "test-accuracy-seeds",
        maxCensusRows,
      )
    );
  },
};
