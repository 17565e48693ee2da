/**
 * The first screen: the claims about the named topologies (each other null beside the reference
 * null) as the headline — from the uncoloured census (topology level) when the study ran it, the
 * coloured variants' records (most significant variant, labelled as biased) then in the box — the other motif and null findings in a box, the rest as a list, and the
 * key-finding figure. Everything is a finding record's sentence (analysis/findings.ts).
 */
import { keyFindingFigure } from "../key-finding-figure.js";
import { escapeHtml, sentenceList } from "../html.js";
import type { Finding } from "../../analysis/findings.js";
import type { ReportSection } from "./section.js";

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
      (f) => f.kind === "ensemble-headline",
    );
    const oneSeed = headline
      .map((f) => `<p class="headline">${escapeHtml(f.sentence)}</p>`)
      .join("");
    return (
      (acrossSeeds.length > 0
        ? acrossSeeds.map((f) => `<p class="headline">${escapeHtml(f.sentence)}</p>`).join("") +
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
