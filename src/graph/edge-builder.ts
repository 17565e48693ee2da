/**
 * Builds a Digraph from the edges of a published network file (GML, GraphML, Pajek), mending what
 * real data have and a census cannot take — with a warning, not a refusal: self-loops are dropped,
 * parallel arcs merged (the first one's colour and weight kept), and an undirected edge becomes a
 * mutual pair. `minWeight` keeps only edges of at least that weight, before merging (Milo et al.
 * 2002 keep the C. elegans synapses of weight ≥ 5 so).
 */
import { NnmotifsError } from "../core/errors.js";
import { log } from "../core/log.js";
import { MAX_COLOUR, type Digraph } from "./digraph.js";

export interface NetworkReadOptions {
  /** Keep only edges whose weight is ≥ this (edges without a weight count as weight 1). */
  readonly minWeight?: number;
}

export class EdgeBuilder {
  private readonly src: number[] = [];
  private readonly trg: number[] = [];
  private readonly colour: number[] = [];
  private readonly weight: number[] = [];
  private readonly seen = new Set<number>();
  private weighted = false;
  private selfLoops = 0;
  private parallel = 0;
  private belowWeight = 0;
  private readonly minWeight: number;

  constructor(
    private readonly nodeNames: readonly string[],
    private readonly format: string,
    private readonly file: string | undefined,
    private readonly options: NetworkReadOptions = {},
  ) {
    this.minWeight = options.minWeight ?? -Infinity;
  }

  /** Add the edge s → t (both directions when `undirected`); `line` names the spot in messages. */
  add(
    s: number,
    t: number,
    colour: number,
    weight: number | undefined,
    undirected: boolean,
    line?: number,
  ): void {
    if (!Number.isInteger(colour) || colour < 1 || colour > MAX_COLOUR) {
      throw new NnmotifsError(
        `edge colour "${String(colour)}". Should be an integer 1..${MAX_COLOUR}.`,
        { file: this.file, line },
      );
    }
    if (weight !== undefined && !Number.isFinite(weight)) {
      throw new NnmotifsError(`edge weight "${String(weight)}" is not a finite number.`, {
        file: this.file,
        line,
      });
    }
    if (weight !== undefined) this.weighted = true;
    if ((weight ?? 1) < this.minWeight) {
      this.belowWeight++;
      return;
    }
    if (s === t) {
      this.selfLoops++;
      return;
    }
    this.push(s, t, colour, weight ?? 1);
    if (undirected) this.push(t, s, colour, weight ?? 1);
  }

  private push(s: number, t: number, c: number, w: number): void {
    const pair = s * this.nodeNames.length + t;
    if (this.seen.has(pair)) {
      this.parallel++;
      return;
    }
    this.seen.add(pair);
    this.src.push(s);
    this.trg.push(t);
    this.colour.push(c);
    this.weight.push(w);
  }

  build(extraMeta: Record<string, unknown> = {}): Digraph {
    const at = this.file ?? this.format;
    if (this.selfLoops > 0)
      log().warn(`${at}: ${this.selfLoops} self-loops dropped (a census has none).`);
    if (this.parallel > 0) {
      log().warn(
        `${at}: ${this.parallel} parallel arcs merged into one (the first one's colour kept).`,
      );
    }
    return {
      nodeCount: this.nodeNames.length,
      edgeSrc: Int32Array.from(this.src),
      edgeTrg: Int32Array.from(this.trg),
      edgeColour: Uint8Array.from(this.colour),
      ...(this.weighted ? { edgeWeight: Float64Array.from(this.weight) } : {}),
      meta: {
        format: this.format,
        nodeNames: this.nodeNames,
        ...(this.options.minWeight !== undefined
          ? { minWeight: this.minWeight, belowWeight: this.belowWeight }
          : {}),
        ...extraMeta,
      },
    };
  }
}
