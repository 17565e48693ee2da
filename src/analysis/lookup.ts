/**
 * Lookups the weight tables (weight-*.ts) still import; the rest of the analyses use
 * `networkLabel` from study-results.ts. Remove this file when the weight tables stop importing it.
 */
import { networkLabel } from "./study-results.js";
import type { GraphRecord, StudyResults } from "./study-results.js";

export { networkLabel };

/** The initial graph of an init scheme, or undefined. */
export function initialGraph(results: StudyResults, init: string): GraphRecord | undefined {
  return results.graphs.find((g) => g.init === init && g.stage === "initial");
}
