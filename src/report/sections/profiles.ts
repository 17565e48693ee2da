/** Significance profiles by initialisation and by data set (SPEC §7, §8). */
import type { Figure } from "../figure-spec.js";
import { escapeHtml } from "../html.js";
import { motifPictogram } from "../motif-pictogram.js";
import { profileTopologies, significanceProfileFigure } from "../significance-profile-figure.js";
import type { ReportSection } from "./section.js";

export const profilesSection: ReportSection = {
  id: "profiles",
  title: "Significance profiles",
  numbered: true,
  findings: [],
  figures: ({ results, analysis }) => {
    const rows = analysis.tables.significanceProfiles;
    const { inits, datasets, nullModels } = results;
    const out: Figure[] = [];
    for (const size of results.sizes) {
      if (!rows.some((r) => r.size === size)) continue;
      for (const by of ["init", "dataset"] as const) {
        for (const value of ["z", "sp"] as const) {
          out.push(
            significanceProfileFigure(rows, { size, by, value, inits, datasets, nullModels }),
          );
        }
      }
    }
    return out;
  },
  body: ({ results, analysis, figuresHtml }) => {
    // The figures number unnamed topologies (#1, #2, …) so their axes stay legible; this draws them.
    const keys = results.sizes.map((size) => {
      const unnamed = profileTopologies(analysis.tables.significanceProfiles, size).filter(
        (t) => !t.named,
      );
      if (unnamed.length === 0) return "";
      const items = unnamed.map(
        (t) =>
          `<span class="legend-item" title="${escapeHtml(t.topology)}">${escapeHtml(t.label)} ` +
          `${motifPictogram(t.topology, { size: 40, link: false })}</span>`,
      );
      return `<h3>Unnamed ${size}-node topologies</h3><div class="topology-key">${items.join("")}</div>`;
    });
    return figuresHtml + keys.join("");
  },
};
