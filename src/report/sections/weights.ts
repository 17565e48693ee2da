/** Weights and their colours (SPEC §4, §8): histograms, KDEs, t-tests, edges per colour. */
import { edgesPerColourFigure } from "../edges-per-colour-figure.js";
import { kdeFigure } from "../kde-figure.js";
import { weightHistogramFigure } from "../weight-histogram-figure.js";
import { num, sentenceList, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

export const weightsSection: ReportSection = {
  id: "weights",
  title: "Weights and their colours",
  numbered: true,
  findings: ["weights"],
  figures: ({ results, analysis }) => {
    const t = analysis.tables;
    return [
      ...(t.weightHistograms.length > 0
        ? [weightHistogramFigure(t.weightHistograms, t.colourBands, results.config.graphs?.binning)]
        : []),
      ...(t.weightKdes.length > 0
        ? [kdeFigure(t.weightKdes, results.inits, results.datasets)]
        : []),
      ...(t.edgesPerColour.length > 0
        ? [edgesPerColourFigure(t.edgesPerColour, results.datasets, results.config.graphs?.binning)]
        : []),
    ];
  },
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    `<h3>The authors' weight table: mean |w|, sd and Welch's t-test on the signed weights</h3>` +
    `<p>Per network: mean |w|, population sd of w, and the two-sided Welch p of its signed weights ` +
    `against the initial network's (unequal variances), over all kernel weights and over the ` +
    `weights kept as edges. The weights are paired, so these p-values understate the change; ` +
    `the paired analysis below measures it.</p>` +
    table(analysis.tables.weightTable, [
      { title: "init", cell: (r) => text(r.init) },
      { title: "network", cell: (r) => text(r.network) },
      { title: "weights", cell: (r) => text(r.weights) },
      { title: "n", cell: (r) => num(r.n, 0) },
      { title: "mean |w|", cell: (r) => num(r.meanAbs, 6) },
      { title: "sd", cell: (r) => num(r.sd, 6) },
      { title: "p", cell: (r) => num(r.p, 6) },
    ]) +
    `<h3>Paired changes per layer (Δw = w_trained − w_initial)</h3>` +
    table(analysis.tables.weightPaired, [
      { title: "init", cell: (r) => text(r.init) },
      { title: "network", cell: (r) => text(r.network) },
      { title: "layer", cell: (r) => num(r.layer, 0) },
      { title: "units", cell: (r) => text(`${r.unitsIn}→${r.unitsOut}`) },
      { title: "n", cell: (r) => num(r.n, 0) },
      { title: "mean Δ", cell: (r) => num(r.meanDelta, 5) },
      { title: "sd Δ", cell: (r) => num(r.sdDelta, 5) },
      { title: "Cohen's d", cell: (r) => num(r.cohensD, 3) },
      { title: "KS", cell: (r) => num(r.ks, 3) },
      { title: "W1", cell: (r) => num(r.wasserstein, 5) },
      { title: "changed colour", cell: (r) => num(r.changedColour, 3) },
    ]) +
    `<h3>Edges per colour</h3>` +
    table(analysis.tables.edgesPerColour, [
      { title: "graph", cell: (r) => text(r.graphId) },
      { title: "colour", cell: (r) => text(r.colour) },
      { title: "edges", cell: (r) => num(r.edges, 0) },
      { title: "share of weights", cell: (r) => num(r.share, 3) },
    ]),
};
