/**
 * Per motif and null, whether the trained networks differ from that null across seeds (issue 9
 * item 4), for every null the study ran: the mean Z with its t-interval, the decision (BH over the
 * stated family) and the exact sign-flip p beside it. Absent without an ensemble.
 */
import { NULL_SEPARATION_FAMILY } from "../../analysis/ensemble/null-separation.js";
import { pText } from "../../analysis/ensemble/ensemble-findings.js";
import { SIGNIFICANCE } from "../../analysis/significance.js";
import type { Figure } from "../figure-spec.js";
import { escapeHtml, num, sentenceList, shortTopology, text } from "../html.js";
import { nullSeparationFigure } from "../null-separation-figure.js";
import {
  architectures,
  cappedTable,
  datasetsOf,
  findingsOf,
  intervalCell,
  METHOD_NOTE,
  sizesOf,
} from "./ensemble-parts.js";
import type { ReportSection } from "./section.js";

export const nullSeparationSection: ReportSection = {
  id: "null-separation",
  title: "Trained networks against each null, across seeds",
  numbered: true,
  findings: [],
  include: ({ ensemble }) => (ensemble?.analysis.tables.nullSeparation.length ?? 0) > 0,
  figures: ({ ensemble }) => {
    if (!ensemble) return [];
    const datasets = datasetsOf(ensemble);
    const rows = ensemble.analysis.tables.nullSeparation;
    const out: Figure[] = [];
    for (const a of architectures(ensemble)) {
      for (const size of sizesOf(rows, a)) {
        if (rows.some((r) => r.architecture === a && r.size === size && r.mean !== null)) {
          out.push(nullSeparationFigure(rows, a, size, datasets));
        }
      }
    }
    return out;
  },
  body: ({ ensemble, figuresHtml, maxCensusRows }) => {
    if (!ensemble) return "";
    const rule =
      "Z measures the distance from the null, so a trained network differs from a null when its " +
      `mean Z across seeds differs from 0: decided by BH q < ${SIGNIFICANCE.alpha} on the ` +
      `one-sample t p (the test the t-interval inverts), family ${NULL_SEPARATION_FAMILY}; the ` +
      "exact sign-flip p, BH-adjusted alike, is the distribution-free check. ";
    return (
      `<p class="table-note">${escapeHtml(rule + METHOD_NOTE)}</p>` +
      sentenceList(findingsOf(ensemble, ["ensemble-null-separation"]).map((f) => f.sentence)) +
      figuresHtml +
      cappedTable(
        ensemble.analysis.tables.nullSeparation,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "Z [95% CI]", cell: (r) => intervalCell(r) },
          { title: "t p", cell: (r) => text(pText(r.pT)) },
          { title: "q", cell: (r) => text(pText(r.q)) },
          { title: "sign-flip p", cell: (r) => text(pText(r.pSignFlip)) },
          { title: "decision", cell: (r) => text(r.decision) },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "Per trained network and named topology.",
        "null-separation",
        maxCensusRows,
      )
    );
  },
};
