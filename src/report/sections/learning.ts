/** Learning efficacy (SPEC §8; issue 7 item 7): learning curves, epochs to target, curve areas. */
import { TARGET_VAL_ACCURACY } from "../../analysis/learning-efficacy.js";
import { learningCurvesFigure } from "../learning-curves-figure.js";
import { num, sentenceList, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

const TARGET = `${Math.round(100 * TARGET_VAL_ACCURACY)}%`;

export const learningSection: ReportSection = {
  id: "learning",
  title: "Learning efficacy",
  numbered: true,
  findings: ["learning"],
  figures: ({ results, analysis }) =>
    analysis.tables.learningCurves.length > 0
      ? [learningCurvesFigure(analysis.tables.learningCurves, results.inits)]
      : [],
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    table(
      analysis.tables.learningEfficacy,
      [
        { title: "data set", cell: (r) => text(r.dataset) },
        { title: "init", cell: (r) => text(r.init) },
        { title: "epochs", cell: (r) => num(r.epochs, 0) },
        {
          title: `epochs to ${TARGET} val acc`,
          cell: (r) => (r.epochsTo95 === null ? text("never") : num(r.epochsTo95, 0)),
        },
        {
          title: "epochs to 100%",
          cell: (r) => (r.epochsTo100 === null ? text("never") : num(r.epochsTo100, 0)),
        },
        { title: "final val acc", cell: (r) => num(r.finalValAccuracy, 3) },
        { title: "area under val acc", cell: (r) => num(r.valAccuracyArea) },
        { title: "area under loss", cell: (r) => num(r.lossArea) },
        { title: "area under val loss", cell: (r) => num(r.valLossArea) },
        { title: "test acc", cell: (r) => num(r.testAccuracy, 3) },
        { title: "seconds", cell: (r) => num(r.seconds, 1) },
      ],
      "Learning efficacy per data set and initialisation (never = not reached within the epochs " +
        "trained). Areas are sums over epochs (unit steps); the area under the validation " +
        "accuracy divided by the epochs is the mean validation accuracy.",
    ),
};
