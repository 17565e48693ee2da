/**
 * Seeds of the study's steps: every step derives its own from the study seed and names
 * (`stepSeed(seed, "train", "tree")`), never from its position, so results do not depend on order,
 * executor or threads. The initial network of an init scheme depends only on (seed, init): it is the
 * same for every data set.
 */
import { deriveSeed, mix32 } from "../core/random.js";

/** A 32-bit stream number for a name (FNV-1a, then mixed): seeds are derived from names. */
function stream(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** The seed of a step: the study seed and the step's names, never its position in the run. */
export function stepSeed(seed: number, ...names: string[]): number {
  return deriveSeed(seed, ...names.map(stream));
}
