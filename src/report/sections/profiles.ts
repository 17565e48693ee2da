/** Significance profiles by initialisation and by data set (SPEC §7, §8). */
import type { Figure } from "../figure-spec.js";
import { significanceProfileFigure } from "../significance-profile-figure.js";
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
  body: ({ figuresHtml }) => figuresHtml,
};
