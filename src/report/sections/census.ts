/**
 * The motif census (SPEC §5, §7): per size × null, the Z of every coloured class in every network,
 * and per topology its most significant and most typical variant.
 */
import { tableFileName } from "../../analysis/analyse-study.js";
import type { CensusClassRow } from "../../analysis/census-classes.js";
import { SIGNIFICANCE } from "../../analysis/significance.js";
import { escapeHtml, num, sentenceList, shortTopology, table, text, type Column } from "../html.js";
import { motifPictogram, pictogramLegend } from "../motif-pictogram.js";
import { instanceDrawings } from "../instance-drawing.js";
import { participationTable } from "../participation-table.js";
import type { ReportSection, SectionContext } from "./section.js";

const RULE =
  `over-represented with BH q &lt; ${SIGNIFICANCE.alpha} over ${SIGNIFICANCE.family}, ` +
  `count ≥ ${SIGNIFICANCE.minCount} and |count − mean| ≥ ${100 * SIGNIFICANCE.minDeviation}% of the mean`;

function censusTables({ results, analysis, maxCensusRows }: SectionContext): string {
  const parts: string[] = [];
  for (const size of results.sizes) {
    for (const nullModel of results.nullModels) {
      const rows = analysis.tables.censusClasses.filter(
        (r) => r.size === size && r.nullModel === nullModel,
      );
      if (rows.length === 0) continue;
      const byKey = new Map<string, Map<string, CensusClassRow>>();
      for (const r of rows) {
        const m = byKey.get(r.key) ?? new Map<string, CensusClassRow>();
        m.set(r.graphId, r);
        byKey.set(r.key, m);
      }
      const merged = [...byKey.entries()].map(([key, perGraph]) => {
        const zs = [...perGraph.values()]
          .filter((r) => !r.constrained)
          .map((r) => r.z)
          .filter((z): z is number => z !== null);
        const first = perGraph.values().next().value as CensusClassRow;
        return {
          key,
          perGraph,
          topologyName: first.topologyName,
          maxAbsZ: zs.length ? Math.max(...zs.map(Math.abs)) : -1,
        };
      });
      merged.sort((a, b) => b.maxAbsZ - a.maxAbsZ);
      const shown = merged.slice(0, maxCensusRows);
      const columns: Column<(typeof merged)[number]>[] = [
        { title: "motif", cell: (r) => ({ html: motifPictogram(r.key), sort: r.key }) },
        { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
        ...results.graphs.map((g): Column<(typeof merged)[number]> => ({
          title: `Z ${g.id}`,
          cell: (r) => {
            const c = r.perGraph.get(g.id);
            if (c?.constrained) return { html: "fixed", sort: null };
            const cell = num(c?.z ?? null);
            return c?.significant === "over"
              ? { html: `<b>${cell.html}</b>`, sort: cell.sort }
              : cell;
          },
        })),
      ];
      const note =
        merged.length > shown.length
          ? ` The ${shown.length} classes with the largest |Z| of ${merged.length}; all are in <code>tables/${tableFileName("censusClasses")}</code>.`
          : "";
      parts.push(
        `<h3>${size}-node classes, ${escapeHtml(nullModel)} null</h3>` +
          table(
            shown,
            columns,
            `Z of each coloured class in every network; bold: ${RULE}; fixed: the class's count is the same in the original and in every random network (fixed by the null model's constraints).${note}`,
          ),
      );
    }
  }
  return parts.join("\n");
}

function topologyTables({ results, analysis, maxCensusRows }: SectionContext): string {
  const parts: string[] = [];
  const maxRows = 4 * maxCensusRows;
  for (const size of results.sizes) {
    const all = analysis.tables.topologyVariants
      .filter((r) => r.size === size)
      .sort((a, b) => (b.maxZ ?? -Infinity) - (a.maxZ ?? -Infinity));
    if (all.length === 0) continue;
    const rows = all.slice(0, maxRows);
    const note =
      all.length > rows.length
        ? `The ${rows.length} rows with the largest Z of ${all.length}; all are in <code>tables/topology-variants.csv</code>. `
        : "";
    parts.push(
      `<h3>${size}-node topologies: most significant (biased) and most typical variant</h3>` +
        table(
          rows,
          [
            { title: "network", cell: (r) => text(r.graphId) },
            { title: "null", cell: (r) => text(r.nullModel) },
            { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
            { title: "variants", cell: (r) => ({ html: String(r.variants), sort: r.variants }) },
            { title: "fixed", cell: (r) => ({ html: String(r.constrained), sort: r.constrained }) },
            {
              title: `unadjusted p < ${SIGNIFICANCE.alpha}`,
              cell: (r) => ({ html: String(r.significantRaw), sort: r.significantRaw }),
            },
            {
              title: "significant",
              cell: (r) => ({ html: String(r.significantFdr), sort: r.significantFdr }),
            },
            {
              title: "max-Z variant",
              cell: (r) => ({ html: motifPictogram(r.maxMotif), sort: r.maxMotif }),
            },
            { title: "max Z", cell: (r) => num(r.maxZ) },
            { title: "its q", cell: (r) => num(r.maxQ, 3) },
            {
              title: "typical variant",
              cell: (r) => ({ html: motifPictogram(r.typicalMotif), sort: r.typicalMotif }),
            },
            { title: "typical Z", cell: (r) => num(r.typicalZ) },
            { title: "mean Z", cell: (r) => num(r.meanZ) },
          ],
          `${note}Significant: ${RULE}. The max-Z variant is a selection over the variants (biased).`,
        ),
    );
  }
  return parts.join("\n");
}

export const censusSection: ReportSection = {
  id: "census",
  title: "Motif census",
  numbered: true,
  findings: ["census"],
  figures: () => [],
  body: (context) =>
    pictogramLegend(context.results.config.graphs?.binning) +
    `<p class="caution">${escapeHtml(context.analysis.notes.selectionBias)}</p>` +
    sentenceList(context.findings.map((f) => f.sentence)) +
    censusTables(context) +
    topologyTables(context) +
    participationTable(context.analysis.tables.participation) +
    instanceDrawings(context.results, context.analysis),
};
