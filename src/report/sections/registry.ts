/**
 * The report's sections in page order. Adding a section is one file under report/sections/ and
 * one line here; `withSection` adds one to a copy of a registry (a study-specific report, a test).
 */
import { biologySection } from "./biology.js";
import { censusSection } from "./census.js";
import { changesSection } from "./changes.js";
import { densitySection } from "./density.js";
import { learningSection } from "./learning.js";
import { methodsSection } from "./methods.js";
import { nullSeparationSection } from "./null-separation.js";
import { nullsSection } from "./nulls.js";
import { paperFiguresSection } from "./paper-figures.js";
import { profilesSection } from "./profiles.js";
import { seedsSection } from "./seeds.js";
import type { ReportSection } from "./section.js";
import { sensitivitySection } from "./sensitivity.js";
import { summarySection } from "./summary.js";
import { weightedSection } from "./weighted.js";
import { trajectoriesSection } from "./trajectories.js";
import { weightsSection } from "./weights.js";

export const REPORT_SECTIONS: readonly ReportSection[] = [
  summarySection,
  learningSection,
  weightsSection,
  censusSection,
  changesSection,
  profilesSection,
  nullsSection,
  seedsSection,
  paperFiguresSection,
  nullSeparationSection,
  trajectoriesSection,
  sensitivitySection,
  densitySection,
  weightedSection,
  biologySection,
  methodsSection,
];

/**
 * A copy of `registry` with `section` inserted before the section `before` (default: before
 * "methods", else at the end). Throws when the id is taken or `before` is unknown.
 */
export function withSection(
  registry: readonly ReportSection[],
  section: ReportSection,
  before: string | null = "methods",
): ReportSection[] {
  if (registry.some((s) => s.id === section.id)) {
    throw new RangeError(`withSection: section id "${section.id}" is taken. Should be unique.`);
  }
  const at = before === null ? -1 : registry.findIndex((s) => s.id === before);
  if (before !== null && before !== "methods" && at < 0) {
    throw new RangeError(
      `withSection: unknown section "${before}". Should be one of: ${registry.map((s) => s.id).join(", ")}.`,
    );
  }
  const out = [...registry];
  out.splice(at < 0 ? out.length : at, 0, section);
  return out;
}
