/**
 * Output formats of a census (`nnmotifs census --format`, and the study's census/*.csv): a readable
 * table, the JSON document of the issue (item 7), a flat CSV (one row per class), and a
 * FANMOD-1.1-style CSV for existing scripts.
 *
 * Each format is a generator of text pieces (`censusChunks`), so a census of any size (k = 8:
 * 6.7·10⁵ classes) is written by streaming rows (core/atomic-write.ts's writeChunksAtomic), never
 * as one giant string; `formatCensus` joins the pieces for small results.
 */
import { censusJson, uncolouredClassId, type CensusResult } from "./census.js";
import { needsNetworkContext, nullModel } from "../nulls/registry.js";

export const CENSUS_FORMATS = ["table", "json", "csv", "fanmod"] as const;
export type CensusFormat = (typeof CENSUS_FORMATS)[number];

/** A census as stored (`censusJson`: no machine-dependent `run`). */
export type CensusJson = Omit<CensusResult, "run">;

/** A census fresh from `census` or read back from its JSON: every format takes either. */
export type CensusDocument = CensusResult | CensusJson;

export interface FormatContext {
  /** The graph file as the user named it (FANMOD's "Network name"). */
  readonly file: string;
  readonly version: string;
}

export function formatCensus(
  result: CensusDocument,
  format: CensusFormat,
  ctx: FormatContext,
): string {
  return [...censusChunks(result, format, ctx)].join("");
}

/** The text of `formatCensus` in pieces (a row or a few lines each), in order. */
export function censusChunks(
  result: CensusDocument,
  format: CensusFormat,
  ctx: FormatContext,
): Iterable<string> {
  const formatters: { readonly [F in CensusFormat]: () => Iterable<string> } = {
    table: () => tableChunks(result, ctx),
    json: () => jsonChunks("run" in result ? censusJson(result) : result, 2),
    csv: () => csvChunks(result),
    fanmod: () => fanmodChunks(result, ctx),
  };
  return formatters[format]();
}

/** Motifs stringified at a time (a chunk of ~60 kB). */
export const MOTIFS_PER_CHUNK = 64;

/** Stands for the motifs array in the stringified rest of the document. */
const MOTIFS_MARK = "__nnmotifs_motifs_streamed_here__";

/**
 * `JSON.stringify(doc, null, indent) + "\n"`, byte for byte, with the motifs array written one
 * element at a time.
 */
export function* jsonChunks(doc: CensusJson, indent: number): Generator<string> {
  const head = JSON.stringify({ ...doc, motifs: MOTIFS_MARK }, null, indent);
  const at = head.indexOf(`"${MOTIFS_MARK}"`);
  if (at < 0) throw new Error("jsonChunks: no motifs field");
  yield head.slice(0, at);
  if (doc.motifs.length === 0) yield "[]";
  else {
    // JSON.stringify's layout: each element on its own line, two levels deep. A run of elements
    // stringified inside two arrays is laid out at that depth already; only the arrays' brackets
    // are cut off. (Stringifying each element and indenting its lines with a regular expression
    // allocated ~300 MB for 67 000 classes.)
    const nl = indent > 0 ? "\n" : "";
    const opening = `[${nl}${" ".repeat(indent)}[${nl}`.length;
    const closing = `${nl}${" ".repeat(indent)}]${nl}]`.length;
    yield "[";
    for (let from = 0; from < doc.motifs.length; from += MOTIFS_PER_CHUNK) {
      const run = JSON.stringify([doc.motifs.slice(from, from + MOTIFS_PER_CHUNK)], null, indent);
      yield `${from === 0 ? "" : ","}${nl}${run.slice(opening, run.length - closing)}`;
    }
    yield `${nl}${" ".repeat(indent)}]`;
  }
  yield head.slice(at + MOTIFS_MARK.length + 2) + "\n";
}

/** C's %.{digits}g: `digits` significant digits, trailing zeros dropped, exponent when tiny/huge. */
export function formatG(x: number, digits = 5): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  const exponent = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(digits)))));
  if (exponent < -4 || exponent >= digits) {
    const [mantissa, exp] = x.toExponential(digits - 1).split("e");
    const e = Number(exp);
    return `${trimZeros(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return trimZeros(x.toFixed(Math.max(0, digits - 1 - exponent)));
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

const orEmpty = (x: number | null, digits = 6): string => (x === null ? "" : formatG(x, digits));

function* csvChunks(r: CensusDocument): Generator<string> {
  const header = [
    "adjacency",
    "vertex_colours",
    "count",
    "frequency",
    "random_mean",
    "random_sd",
    "z",
    "p_over",
    "p_under",
    "q_over",
    "random_count_mean",
    "random_count_sd",
    "z_count",
    "sp",
    "q_under",
    "share_over",
    "share_under",
    "constrained",
    "significant",
    // Sampled censuses only (exact ones keep the columns they always had).
    ...(r.sampled ? ["relative_error"] : []),
  ];
  yield header.join(",") + "\n";
  for (const m of r.motifs) {
    yield (
      [
        m.adjacency.join("/"),
        m.vertexColours ? m.vertexColours.join("/") : "",
        String(m.count),
        formatG(m.frequency, 10),
        orEmpty(m.randomMean, 10),
        orEmpty(m.randomSd, 10),
        orEmpty(m.z, 10),
        orEmpty(m.pOver, 10),
        orEmpty(m.pUnder, 10),
        orEmpty(m.qOver, 10),
        orEmpty(m.randomCountMean, 10),
        orEmpty(m.randomCountSd, 10),
        orEmpty(m.zCount, 10),
        orEmpty(m.sp, 10),
        orEmpty(m.qUnder, 10),
        orEmpty(m.shareOver, 10),
        orEmpty(m.shareUnder, 10),
        m.constrained ? "true" : "false",
        m.significant ?? "",
        ...(r.sampled ? [m.relativeError === undefined ? "" : formatG(m.relativeError, 10)] : []),
      ].join(",") + "\n"
    );
  }
}

function* tableChunks(r: CensusDocument, ctx: FormatContext): Generator<string> {
  const out: string[] = [];
  out.push(
    `${ctx.file}: ${r.nodes} nodes, ${r.edges} edges (${r.mutualPairs} mutual pairs), ${r.colours} edge colour${r.colours === 1 ? "" : "s"}`,
  );
  out.push(
    `size ${r.size}: ${r.subgraphs} subgraphs${r.sampled ? " (estimated by RAND-ESU sampling)" : ""}, ${r.motifs.length} classes`,
  );
  if (r.sampled) {
    const P = (r.sample ?? []).reduce((a, p) => a * p, 1);
    out.push(
      `sampled: each subgraph counted with probability P = ${formatG(P, 3)}; ±rel is a count's relative standard error √((1 − P)/(count·P)), a lower bound (subgraphs sharing a sampled prefix are kept or dropped together)`,
    );
  }
  const rn = r.random;
  if (rn.networks > 0) {
    const rate = rn.triesMade > 0 ? ((100 * rn.successes) / rn.triesMade).toFixed(1) : "–";
    out.push(
      // The nulls that redraw or rearrange weights (shuffle, reinit) do not switch.
      needsNetworkContext(rn.null)
        ? `${rn.networks} random networks, null "${rn.null}" (weights redrawn or rearranged, no switching), seed ${rn.seed}`
        : `${rn.networks} random networks, null "${rn.null}", ${rn.exchanges} exchanges and ${rn.tries} tries per edge, seed ${rn.seed}: ${rn.triesMade} tries, ${rn.successes} successful (${rate}%)`,
    );
  }
  if (rn.networks > 0) {
    const st = r.statistics;
    out.push(
      `p = (b+1)/(N+1) on counts; BH over family "${st.family}" (${st.hypotheses} p-values, both tails), alpha ${st.alpha}, count ≥ ${st.minCount}, |count − mean| ≥ ${st.minRelativeChange}·mean: ${st.significantOver} over, ${st.significantUnder} under, ${st.constrained} fixed by the null`,
    );
    if (st.warning !== null) out.push(`warning: ${st.warning}`);
  }
  out.push("");
  const head = [
    "adjacency",
    "count",
    "freq%",
    "rand%",
    "sd",
    "Z",
    "pOver",
    "pUnder",
    "qOver",
    "qUnder",
    "Zcount",
    "SP",
    "call",
    ...(r.sampled ? ["±rel"] : []),
  ];
  const cells = (m: CensusDocument["motifs"][number]): string[] => [
    m.adjacency.join(" ") + (m.vertexColours ? ` /${m.vertexColours.join(",")}` : ""),
    String(m.count),
    formatG(100 * m.frequency, 5),
    m.randomMean === null ? "" : formatG(100 * m.randomMean, 5),
    orEmpty(m.randomSd, 5),
    m.z === null ? (rn.networks > 0 ? "undef" : "") : formatG(m.z, 5),
    orEmpty(m.pOver, 3),
    orEmpty(m.pUnder, 3),
    orEmpty(m.qOver, 3),
    orEmpty(m.qUnder, 3),
    m.zCount === null ? (rn.networks > 0 ? "undef" : "") : formatG(m.zCount, 5),
    orEmpty(m.sp, 3),
    m.constrained ? "fixed" : (m.significant ?? ""),
    ...(r.sampled ? [m.relativeError === undefined ? "" : formatG(m.relativeError, 2)] : []),
  ];
  // Two passes over the classes (widths, then rows) instead of holding every row's cells; a loop,
  // not Math.max(...column): spreading 10⁵+ rows (k ≥ 7) overflows the call stack.
  const widths = head.map((h) => h.length);
  for (const m of r.motifs) {
    const row = cells(m);
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length);
  }
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ");
  out.push(line(head));
  yield out.join("\n") + "\n";
  for (const m of r.motifs) yield line(cells(m)) + "\n";
}

/**
 * FANMOD 1.1's result CSV: its header block (the run time only when known), then per class the uncoloured class id (the
 * uncoloured canonical matrix read as a binary number — nnmotifs' own canonical form, so ids need
 * not equal FANMOD's), k matrix rows, frequency in percent, mean random frequency in percent, SD as
 * a fraction (FANMOD's units), Z ("undefined" when undefined) and FANMOD's p (= shareOver, the share of
 * random concentrations strictly above the original's — not the permutation pOver); 5 significant
 * digits.
 */
function* fanmodChunks(r: CensusDocument, ctx: FormatContext): Generator<string> {
  const rn = r.random;
  const out: string[] = [
    `FANMOD 1.1 subgraph enumeration (format written by nnmotifs ${ctx.version})`,
    "-------------------------------",
    "",
    `Network name: ${ctx.file}`,
    "Network type: Directed",
    `Number of nodes: ${r.nodes}`,
    `Number of edges: ${r.edges - r.mutualPairs}`,
    `Number of single edges: ${r.edges - 2 * r.mutualPairs}`,
    `Number of mutual edges: ${r.mutualPairs}`,
    `Number of edge colors: ${r.colours}`,
    "",
    `Algorithm: ${r.sampled ? "sampling" : "enumeration"}`,
    `Subgraph size: ${r.size}`,
    "",
    `Generated ${rn.networks} random networks`,
    ...(needsNetworkContext(rn.null)
      ? [`   by the ${rn.null} null: ${nullModel(rn.null).description}.`]
      : [
          "   with locally constant number of bidirectional edges,",
          ...(rn.null === "layered" ? ["   keeping every edge between its pair of layers,"] : []),
          r.colours > 1 ? "   exchanging only edges with the same color," : "   uncolored,",
          `   ${rn.exchanges} exchanges per edge and ${rn.tries} tries per edge.`,
        ]),
    "",
    `${r.subgraphs} subgraphs were enumerated in the original network.`,
    `${rn.subgraphs} subgraphs were enumerated in the random networks.`,
    `${r.subgraphs + rn.subgraphs} subgraphs were enumerated in all networks.`,
    "",
    `For the random networks: ${rn.triesMade} tries were made, ${rn.successes} were successful.`,
    ...("run" in r
      ? [`Randomization and enumeration took ${r.run.seconds.total.toFixed(3)} seconds.`]
      : []),
    "",
    "",
    "Result overview:",
    "",
    "ID,Adj-Matrix,Frequency,Mean-Freq,Standard-Dev,Z-Score,p-Value",
    ",,[Original],[Random],[Random]",
    "",
  ];
  // Lines joined by "\n" with none after the last (FANMOD's files end so).
  yield out.join("\n");
  for (const m of r.motifs) {
    const id = uncolouredClassId(m.adjacency);
    const z = m.z === null ? "undefined" : formatG(m.z);
    const block = [
      [
        String(id),
        m.adjacency[0],
        `${formatG(100 * m.frequency)}%`,
        `${formatG(100 * (m.randomMean ?? 0))}%`,
        formatG(m.randomSd ?? 0),
        z,
        formatG(m.shareOver ?? 0),
      ].join(","),
    ];
    for (const row of m.adjacency.slice(1)) block.push(`,${row}`);
    block.push("");
    yield "\n" + block.join("\n");
  }
}
