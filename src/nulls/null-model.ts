/**
 * The contract of a null model (SPEC §6): what the census gives a null, and what it gets back.
 *
 *   NullInput (graph, layers, extra context) ─► prepare(input, options) ─► ReplicateGenerator
 *   ReplicateGenerator(Rng(seed, i), i) ─► NullReplicate (random network i, the null's own statistics)
 *
 * `prepare` runs once per original graph (per worker thread); the generator then makes random
 * network i from its own `Rng(seed, i)`, so a replicate depends only on (input, options, seed, i)
 * and results are bit-identical for any split of the replicates over threads or machines. The
 * generator must not keep state between replicates that changes what it returns.
 *
 * Nulls that need more than the graph read it from `context`: the weight shuffle of SPEC §6.3
 * needs each layer's weights and the bin edges, the re-initialisation of §6.4 the architecture and
 * the initialisation scheme. The census passes `context` through untouched; it must be plain
 * structured-clone data (numbers, strings, arrays, typed arrays, plain objects) because worker
 * threads receive a copy of it.
 */
import type { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";

/** Extra input of a null beyond the graph, keyed by names the null itself documents. */
export type NullContext = Readonly<Record<string, unknown>>;

export interface NullInput {
  /** The original graph (with colours dropped already when the census ignores them). */
  readonly graph: Digraph;
  /** Each node's layer when the graph has, or was given, layers; otherwise null. */
  readonly layers: Int32Array | null;
  /** What the null needs beyond the graph (see the module comment); null when none was given. */
  readonly context: NullContext | null;
}

/** The switching parameters of the census (SPEC §6.1); nulls that do not switch ignore them. */
export interface NullOptions {
  /** Rounds over all units (FANMOD's "exchanges per edge"). */
  readonly exchanges: number;
  /** Tries per unit and round (FANMOD's "tries per edge"). */
  readonly tries: number;
}

/** What a switching null reports about one random network (FANMOD prints the sums). */
export interface SwitchingStatistics {
  readonly tries: number;
  readonly successes: number;
}

/** One random network, with the null's statistics beside it (not inside the census result). */
export interface NullReplicate {
  readonly graph: Digraph;
  /** Present for switching nulls; the census counts 0 tries and successes without it. */
  readonly switching?: SwitchingStatistics;
}

/** Random network `replicate` from its own stream `rng` (= new Rng(seed, replicate)). */
export type ReplicateGenerator = (rng: Rng, replicate: number) => NullReplicate;

export interface NullModel {
  /** One line for `nnmotifs census --help` and the report. */
  readonly description: string;
  /** Whether `prepare` needs `input.layers` (the census then resolves them, or fails clearly). */
  readonly needsLayers: boolean;
  /**
   * Whether `prepare` reads a network context (graph/network-context.ts: layer sizes, every
   * kernel weight, the colour rule, the init scheme): callers that have the network (the study's
   * census step, `nnmotifs census MODEL`) build it and pass it as `context`. Absent: false.
   */
  readonly needsNetwork?: boolean;
  /** One line on what `context` must hold (absent: nothing). */
  readonly contextDescription?: string;
  /** Prepare for one original graph (throws an NnmotifsError when the input does not fit). */
  prepare(input: NullInput, options: NullOptions): ReplicateGenerator;
}
