/**
 * The first screen: the claims about the named topologies (each other null beside the reference
 * null) as the headline — from the uncoloured census (topology level) when the study ran it, the
 * coloured variants' records (most significant variant, labelled as biased) then in the box — the other motif and null findings in a box, the rest as a list, and the
 * key-finding figure. Everything is a finding record's sentence (analysis/findings.ts).
 */
import { keyFindingFigure } from "../key-finding-figure.js";
import { escapeHtml, sentenceList, table, type Column } from "../html.js";
import type { Finding } from "../../analysis/findings.js";
import {
  intervalText,
  type EnsembleHeadlineFinding,
} from "../../analysis/ensemble/ensemble-findings.js";
import type { ReportSection } from "./section.js";

type Headline = EnsembleHeadlineFinding & { readonly sentence: string };

/**
 * The answer at a glance: one row per architecture × null × key topology, one column per init,
 * each cell the headline record's ΔZ with its interval (bold when the interval excludes 0). The
 * records' sentences follow the table; the cells carry no number they do not.
 */
function answerTable(records: readonly Headline[]): string {
  const inits = [...new Set(records.flatMap((f) => f.perInit.map((p) => p.init)))];
  const columns: Column<Headline>[] = [
    {
      title: "architecture",
      cell: (f) => ({ html: escapeHtml(f.architecture), sort: f.architecture }),
    },
    { title: "null", cell: (f) => ({ html: escapeHtml(f.null ?? ""), sort: f.null }) },
    { title: "topology", cell: (f) => ({ html: escapeHtml(f.topology ?? ""), sort: f.topology }) },
    ...inits.map((init): Column<Headline> => ({
      title: `ΔZ ${init} [95% CI]`,
      cell: (f) => {
        const p = f.perInit.find((x) => x.init === init);
        if (p === undefined) return { html: "–", sort: null };
        const text = escapeHtml(intervalText(p));
        const excludesZero = p.lo !== null && p.hi !== null && (p.lo > 0 || p.hi < 0);
        return { html: excludesZero ? `<b>${text}</b>` : text, sort: p.mean };
      },
    })),
    { title: "seeds", cell: (f) => ({ html: String(f.seeds), sort: f.seeds }) },
  ];
  return table(
    records,
    columns,
    "Training's change of the topology's Z (trained − initial, uncoloured census), mean across " +
      "seeds with its t 95 % interval; bold: the interval excludes 0. Each row is the record " +
      "whose sentence follows.",
  );
}

export const summarySection: ReportSection = {
  id: "summary",
  title: "Main finding",
  numbered: false,
  findings: "all",
  figures: ({ results, analysis }) =>
    analysis.tables.topologyVariants.length > 0
      ? [
          keyFindingFigure(
            analysis.tables.topologyVariants,
            results.inits,
            results.datasets,
            results.nullModels,
          ),
        ]
      : [],
  body: ({ findings, figuresHtml, ensemble }) => {
    // The headline: the named topologies compared across nulls; with one null, their own records.
    // Topology first: from the uncoloured census when the study ran it, else the coloured variants.
    const level = findings.filter((f) => f.kind === "topology-level");
    const topology = level.length > 0 ? level : findings.filter((f) => f.kind === "topology");
    const compared = topology.filter(
      (f) => (f.kind === "topology" || f.kind === "topology-level") && f.reference !== null,
    );
    const headline: readonly Finding[] = compared.length > 0 ? compared : topology.slice(0, 2);
    // The comparison records already state the reference null's numbers.
    const key = findings.filter(
      (f) =>
        !headline.includes(f) &&
        (f.section === "motifs" || f.section === "nulls") &&
        f.kind !== "topology-absent" &&
        !(f.kind === topology[0]?.kind && compared.length > 0),
    );
    const rest = findings.filter((f) => !headline.includes(f) && !key.includes(f));
    // With a seed ensemble the answer is the across-seed ΔZ; the one-replicate headline moves down.
    const acrossSeeds = (ensemble?.analysis.findings ?? []).filter(
      (f): f is Headline => f.kind === "ensemble-headline",
    );
    const oneSeed = headline
      .map((f) => `<p class="headline">${escapeHtml(f.sentence)}</p>`)
      .join("");
    return (
      (acrossSeeds.length > 0
        ? answerTable(acrossSeeds) +
          acrossSeeds.map((f) => `<p>${escapeHtml(f.sentence)}</p>`).join("") +
          `<p class="table-note">One replicate (the first architecture's first seed):</p>` +
          headline.map((f) => `<p>${escapeHtml(f.sentence)}</p>`).join("")
        : oneSeed) +
      `<div class="key"><div>` +
      (key.length
        ? `<div class="finding">${key.map((f) => `<p>${escapeHtml(f.sentence)}</p>`).join("")}</div>`
        : "") +
      sentenceList(rest.map((f) => f.sentence)) +
      `</div><div>${figuresHtml}</div></div>`
    );
  },
};
