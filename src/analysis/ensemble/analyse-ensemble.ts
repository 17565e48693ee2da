/**
 * The across-seed analyses of a study (issue 9): every quantity of the one-seed analyses that
 * involves Z, SP, ΔZ, edge counts or learning curves, as a mean with its 95 % interval across the
 * replicates of an architecture, with paired tests across seeds (stats/confidence.ts).
 *
 * (Contract stub: the ensemble engineer fills the tables and findings; the study runner calls
 * analyseEnsemble and writeEnsembleTables, the report passes the result to its sections.)
 */
import type { Finding } from "../findings.js";
import type { EnsembleResults } from "./replicates.js";

/** Every across-seed table; each becomes `tables/ensemble/<kebab-name>.csv`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EnsembleTables {}

export interface EnsembleAnalysis {
  readonly tables: EnsembleTables;
  /** Across-seed findings as typed records, most important first. */
  readonly findings: readonly Finding[];
}

export function analyseEnsemble(ensemble: EnsembleResults): EnsembleAnalysis {
  void ensemble;
  return { tables: {}, findings: [] };
}

/** Writes one CSV per ensemble table into `dir` atomically; returns the paths written. */
export async function writeEnsembleTables(
  analysis: EnsembleAnalysis,
  dir: string,
): Promise<string[]> {
  const { objectsToCsv, writeFileAtomic } = await import("../../core/index.js");
  const { join } = await import("node:path");
  const paths: string[] = [];
  for (const [name, rows] of Object.entries(analysis.tables) as [string, object[]][]) {
    const path = join(dir, `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`);
    await writeFileAtomic(path, objectsToCsv(rows));
    paths.push(path);
  }
  return paths;
}
