/**
 * Output formats of a census (`nnmotifs census --format`, and the study's census/*.csv): a readable
 * table, the JSON document of the issue (item 7), a flat CSV (one row per class), and a
 * FANMOD-1.1-style CSV for existing scripts.
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
  const formatters: { readonly [F in CensusFormat]: () => string } = {
    table: () => formatTable(result, ctx),
    json: () => JSON.stringify("run" in result ? censusJson(result) : result, null, 2) + "\n",
    csv: () => formatCsv(result),
    fanmod: () => formatFanmod(result, ctx),
  };
  return formatters[format]();
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

function formatCsv(r: CensusDocument): string {
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
  ];
  const lines = [header.join(",")];
  for (const m of r.motifs) {
    lines.push(
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
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

function formatTable(r: CensusDocument, ctx: FormatContext): string {
  const out: string[] = [];
  out.push(
    `${ctx.file}: ${r.nodes} nodes, ${r.edges} edges (${r.mutualPairs} mutual pairs), ${r.colours} edge colour${r.colours === 1 ? "" : "s"}`,
  );
  out.push(
    `size ${r.size}: ${r.subgraphs} subgraphs${r.sampled ? " (estimated by RAND-ESU sampling)" : ""}, ${r.motifs.length} classes`,
  );
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
  ];
  const rows = r.motifs.map((m) => [
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
  ]);
  // A loop, not Math.max(...column): spreading 10⁵+ rows (k ≥ 7) overflows the call stack.
  const widths = head.map((h) => h.length);
  for (const row of rows)
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length);
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ");
  out.push(line(head));
  for (const row of rows) out.push(line(row));
  return out.join("\n") + "\n";
}

/**
 * FANMOD 1.1's result CSV: its header block (the run time only when known), then per class the uncoloured class id (the
 * uncoloured canonical matrix read as a binary number — nnmotifs' own canonical form, so ids need
 * not equal FANMOD's), k matrix rows, frequency in percent, mean random frequency in percent, SD as
 * a fraction (FANMOD's units), Z ("undefined" when undefined) and FANMOD's p (= shareOver, the share of
 * random concentrations strictly above the original's — not the permutation pOver); 5 significant
 * digits.
 */
function formatFanmod(r: CensusDocument, ctx: FormatContext): string {
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
  for (const m of r.motifs) {
    const id = uncolouredClassId(m.adjacency);
    const z = m.z === null ? "undefined" : formatG(m.z);
    out.push(
      [
        String(id),
        m.adjacency[0],
        `${formatG(100 * m.frequency)}%`,
        `${formatG(100 * (m.randomMean ?? 0))}%`,
        formatG(m.randomSd ?? 0),
        z,
        formatG(m.shareOver ?? 0),
      ].join(","),
    );
    for (const row of m.adjacency.slice(1)) out.push(`,${row}`);
    out.push("");
  }
  return out.join("\n");
}
