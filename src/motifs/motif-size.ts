/**
 * The subgraph sizes k nnmotifs counts: one constant, read by every door (the census, the CLI's
 * `--size`, the study config) so that they cannot drift apart.
 */
import { NnmotifsError } from "../core/errors.js";

export const MOTIF_SIZE_RANGE = {
  /** k = 2 counts single edges and mutual pairs by colour. */
  min: 2,
  /** The largest k the engine accepts; its work grows steeply with k (k = 8 is rarely feasible). */
  max: 8,
  /** The supported core: what the study runs and the tests cover (k = 7, 8 work but are slow). */
  supported: { min: 3, max: 6 },
} as const;

/** Throw "[where: ]invalid `size` k. Should be an integer 2..8." unless k is in the range. */
export function checkMotifSize(size: number, where?: string): void {
  const { min, max } = MOTIF_SIZE_RANGE;
  if (!Number.isInteger(size) || size < min || size > max) {
    const at = where === undefined ? "" : `${where}: `;
    throw new NnmotifsError(`${at}invalid \`size\` ${size}. Should be an integer ${min}..${max}.`);
  }
}
