/**
 * Motif trajectories (issue 9 item 2, SPEC §10.2): Z of the named topologies at each training
 * snapshot with bands across seeds beside the validation accuracy, and per trajectory when the
 * motif first moves from epoch 0 and whether that precedes the gain in accuracy. Absent without
 * snapshots.
 */
import { ACCURACY_GAIN_SHARE } from "../../analysis/ensemble/motif-onset.js";
import { ENSEMBLE_KEY_TOPOLOGIES } from "../../analysis/ensemble/ensemble-findings.js";
import type { TrajectoryPoint } from "../../analysis/ensemble/trajectories.js";
import type { Figure } from "../figure-spec.js";
import { escapeHtml, num, sentenceList, shortTopology, text } from "../html.js";
import { trajectoryFigure } from "../trajectory-figure.js";
import {
  architectures,
  cappedTable,
  initsOf,
  findingsOf,
  intervalCell,
  METHOD_NOTE,
  sizesOf,
} from "./ensemble-parts.js";
import type { ReportSection } from "./section.js";

/** The topologies drawn at a size: the key ones when present, else up to four named ones. */
function drawnTopologies(points: readonly TrajectoryPoint[], size: number): string[] {
  const names = [...new Set(points.filter((p) => p.size === size).map((p) => p.topologyName))];
  const key = names.filter((n) => ENSEMBLE_KEY_TOPOLOGIES.includes(n));
  return key.length > 0 ? key : names.slice(0, 4);
}

export const trajectoriesSection: ReportSection = {
  id: "trajectories",
  title: "Motif trajectories through training",
  numbered: true,
  findings: [],
  include: ({ ensemble }) => (ensemble?.analysis.trajectoryPoints.length ?? 0) > 0,
  figures: ({ ensemble }) => {
    if (!ensemble) return [];
    const inits = initsOf(ensemble);
    const points = ensemble.analysis.trajectoryPoints;
    const out: Figure[] = [];
    for (const a of architectures(ensemble)) {
      for (const size of sizesOf(points, a)) {
        const own = points.filter((p) => p.architecture === a);
        out.push(trajectoryFigure(points, a, size, drawnTopologies(own, size), inits));
      }
    }
    return out;
  },
  body: ({ ensemble, figuresHtml, maxCensusRows }) => {
    if (!ensemble) return "";
    const t = ensemble.analysis.tables;
    const share = `${Math.round(100 * ACCURACY_GAIN_SHARE)} %`;
    const rule =
      "Onset: the first snapshot epoch whose change in Z since epoch 0 (paired by seed) has a " +
      "t-interval excluding 0 — the motif moved after the previous snapshot and by that epoch. " +
      `Accuracy epoch: the first epoch at which the mean validation accuracy reaches its epoch-1 ` +
      `value plus ${share} of its gain up to the last epoch. The order is stated only when both ` +
      "exist and the snapshots separate them. ";
    return (
      `<p class="table-note">${escapeHtml(rule + METHOD_NOTE)}</p>` +
      sentenceList(findingsOf(ensemble, ["ensemble-onset"]).map((f) => f.sentence)) +
      figuresHtml +
      cappedTable(
        t.motifOnsets,
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          {
            title: "onset epoch",
            cell: (r) => (r.onsetEpoch === null ? text("none") : num(r.onsetEpoch, 0)),
          },
          {
            title: "change [95% CI]",
            cell: (r) =>
              intervalCell({ mean: r.onsetChange, lo: r.onsetLo, hi: r.onsetHi, seeds: r.seeds }),
          },
          {
            title: `${share} accuracy epoch`,
            cell: (r) => (r.accuracyEpoch === null ? text("none") : num(r.accuracyEpoch, 0)),
          },
          { title: "order", cell: (r) => text(r.order ?? "–") },
          { title: "seeds", cell: (r) => num(r.seeds, 0) },
        ],
        "When each named topology's Z first moves from epoch 0.",
        "motif-onsets",
        maxCensusRows,
      ) +
      cappedTable(
        t.trajectories.filter((r) => ENSEMBLE_KEY_TOPOLOGIES.includes(r.topologyName)),
        [
          { title: "arch", cell: (r) => text(r.architecture) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "null", cell: (r) => text(r.nullModel) },
          { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
          { title: "epoch", cell: (r) => num(r.epoch, 0) },
          {
            title: "Z [95% CI]",
            cell: (r) => intervalCell({ mean: r.zMean, lo: r.zLo, hi: r.zHi, seeds: r.seeds }),
          },
          {
            title: "since epoch 0",
            cell: (r) =>
              intervalCell({
                mean: r.sinceStartMean,
                lo: r.sinceStartLo,
                hi: r.sinceStartHi,
                seeds: r.seeds,
              }),
          },
          { title: "val acc", cell: (r) => num(r.valAccuracyMean, 3) },
        ],
        "The diamond's and bi-fan's trajectories (every topology and the per-seed values in the CSVs).",
        "trajectories",
        maxCensusRows,
      )
    );
  },
};
