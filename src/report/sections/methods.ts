/**
 * Methods (issue 7 item 9): the statistics as the study computed them (formulas, the BH family,
 * mfinder's guards, what "constrained" means, concentration-Z vs count-Z) with references, then
 * the networks, the configuration, the timings and the versions.
 */
import { SIGNIFICANCE, familyOf } from "../../analysis/significance.js";
import type { StudyResults } from "../../analysis/study-results.js";
import { isNullModelName, nullModel } from "../../nulls/registry.js";
import { escapeHtml, num, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

/** Nested configuration objects as dotted keys ("training.epochs"); arrays stay whole. */
export function flattenConfig(
  value: Readonly<Record<string, unknown>>,
  prefix = "",
): { key: string; value: string }[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? flattenConfig(v as Record<string, unknown>, `${prefix}${k}.`)
      : [{ key: `${prefix}${k}`, value: JSON.stringify(v) ?? "" }],
  );
}

export const REFERENCES: readonly string[] = [
  "Benjamini Y, Hochberg Y (1995). Controlling the false discovery rate: a practical and powerful approach to multiple testing. J R Stat Soc B 57:289–300.",
  "Milo R, Shen-Orr S, Itzkovitz S, Kashtan N, Chklovskii D, Alon U (2002). Network motifs: simple building blocks of complex networks. Science 298:824–827.",
  "Milo R, Itzkovitz S, Kashtan N, Levitt R, Shen-Orr S, Ayzenshtat I, Sheffer M, Alon U (2004). Superfamilies of evolved and designed networks. Science 303:1538–1542.",
  "Phipson B, Smyth GK (2010). Permutation p-values should never be zero: calculating exact p-values when permutations are randomly drawn. Stat Appl Genet Mol Biol 9:39.",
  "Wernicke S, Rasche F (2006). FANMOD: a tool for fast network motif detection. Bioinformatics 22:1152–1153.",
];

/** The statistics, stated for the census rows this study has. */
function statistics(results: StudyResults): string {
  const N = results.censuses[0]?.randomNetworks ?? null;
  // The census rows of issue 7 carry FANMOD's shares under their own name beside the
  // permutation p-values; older rows have FANMOD's share as pOver.
  const permutation = results.censuses.some((c) => c.motifs.some((m) => "shareOver" in m));
  const pText = permutation
    ? "p<sub>over</sub> = (b<sub>over</sub> + 1) / (N + 1), where b<sub>over</sub> is the number of random networks whose count is ≥ the original's, and p<sub>under</sub> alike with ≤ (Phipson &amp; Smyth 2010): never 0, never below 1/(N + 1). FANMOD's raw shares (strictly greater or smaller, divided by N) are kept as shareOver / shareUnder; nothing is decided on them."
    : "p<sub>over</sub> = share of random networks with a strictly greater frequency (FANMOD's share, which can be 0). The permutation p-value (b + 1)/(N + 1) of Phipson &amp; Smyth (2010), never 0, replaces it once the census writes it.";
  const floor =
    N === null || N === 0
      ? ""
      : 1 / (N + 1) < SIGNIFICANCE.alpha
        ? ` With N = ${N} random networks the smallest p is 1/${N + 1} ≈ ${(1 / (N + 1)).toFixed(4)}.`
        : ` With N = ${N} random networks the smallest p is 1/${N + 1}, not below alpha = ${SIGNIFICANCE.alpha}: no class can be significant.`;
  // Each null as the registry describes it (what it keeps, what it destroys).
  const nulls = results.nullModels.map(
    (name) =>
      `<i>${escapeHtml(name)}</i>${isNullModelName(name) ? `: ${escapeHtml(nullModel(name).description)}` : ""}`,
  );
  const items = [
    `Null models: ${nulls.join("; ")}.`,
    "Concentration Z = (f − mean f<sub>random</sub>) / sd f<sub>random</sub> (f = count / number of k-subgraphs; sd with n − 1), FANMOD's statistic, kept for comparison with FANMOD. No decision is taken on it: the number of k-subgraphs itself varies under the null, so even a class whose count the null fixes gets a varying concentration. Count-Z, the same formula on raw counts (mfinder's convention), is in the census tables beside it.",
    pText + floor,
    `q-values: Benjamini–Hochberg (1995) adjusted p<sub>over</sub> and p<sub>under</sub> over one family, ${escapeHtml(familyOf(results))} (config <code>statistics.family</code>: "census" or "study").`,
    `A class is significantly over-represented when q &lt; alpha = ${SIGNIFICANCE.alpha}, its original count is ≥ ${SIGNIFICANCE.minCount} and |count − mean random count| ≥ ${SIGNIFICANCE.minDeviation} · mean (the guards of mfinder, Milo et al. 2002).`,
    "Constrained (“fixed by the null model's constraints”): a class whose count is the same in the original and in every random network. Its count is a function of what the null preserves (every 3-node class and the 4-node fans under layer-preserving switching); it has no Z, is never significant, and is listed per null.",
    "Topology first: every graph is also counted without colours; the result per topology (its Z, q and decision, and the (topology, trained network) pairs significant per null and size) comes from that uncoloured census. The coloured variants refine it.",
    "Per topology, the most significant variant is the coloured variant with the largest Z (the authors' choice; a selection over 20–45 variants, biased towards rare classes: not a topology-level result), the most typical the one with Z closest to the variants' mean. Its q-value is adjusted over its own census's classes only, not over the selection.",
    "Matched density (SPEC §7): Z grows with the number of edges, and training moves weights out of the excluded band. So every initial-vs-trained comparison is repeated with the initial network re-binned at the trained network's density: per layer and colour it keeps exactly the trained network's number of edges (colour 1: its most negative weights; 3: its most positive; 2: the next largest |w|), while the trained network keeps its paper colours. Both are counted without colours; ΔZ = Z(trained) − Z(initial) at the paper binning and at matched density are reported side by side, with the ratio of their medians.",
    "Significance profiles: SP = Z / √ΣZ² over the topologies of one census (Milo et al. 2004).",
    "Learning efficacy: epochs to the first validation accuracy ≥ the stated target, and the area under the validation-accuracy curve (sum over epochs); inits that tie are reported as a tie, and one that never reaches the target as never reached.",
    "The weight table is the authors' (SPEC §7): mean |w|, population sd of w, and Welch's two-sided t-test p on the signed weights, initial vs trained, over all kernel weights and over the weights kept as edges. Because the weights are paired, the study adds per layer the paired differences Δw: Cohen's d of the pairs (mean Δ / sd Δ), the Kolmogorov–Smirnov distance and the Wasserstein-1 distance between the two weight distributions, and the share of weights that changed colour.",
    "Weight densities: Gaussian KDE with Scott's bandwidth (as scipy's gaussian_kde).",
  ];
  return `<ul class="notes">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

export const methodsSection: ReportSection = {
  id: "methods",
  title: "Methods",
  numbered: true,
  findings: [],
  figures: () => [],
  body: ({ results }) => {
    const config = flattenConfig(results.config);
    const timings = Object.entries(results.timings).map(([k, v]) => ({ key: k, value: v }));
    const versions = Object.entries(results.versions).map(([k, v]) => ({ key: k, value: v }));
    const shapes = new Set(results.graphs.map((g) => g.layerSizes.join("–")));
    const nets =
      shapes.size === 1
        ? `every network ${[...shapes][0]}`
        : results.graphs.map((g) => `${g.id}: ${g.layerSizes.join("–")}`).join("; ");
    return (
      `<p>Networks (units per layer): ${escapeHtml(nets)}. Censuses: ${results.censuses.length} ` +
      `(graphs × sizes ${escapeHtml(results.sizes.join(", "))} × nulls ${escapeHtml(results.nullModels.join(", "))}), ` +
      `${escapeHtml(String(results.censuses[0]?.randomNetworks ?? "–"))} random networks each.</p>` +
      statistics(results) +
      `<h3>References</h3><ul class="notes references">${REFERENCES.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>` +
      `<h3>Configuration</h3>` +
      table(config, [
        { title: "parameter", cell: (r) => text(r.key) },
        {
          title: "value",
          cell: (r) => ({ html: `<code>${escapeHtml(r.value)}</code>`, sort: r.value }),
        },
      ]) +
      `<h3>Timings</h3>` +
      table(timings, [
        { title: "stage", cell: (r) => text(r.key) },
        { title: "seconds", cell: (r) => num(r.value, 1) },
      ]) +
      `<h3>Versions</h3>` +
      table(versions, [
        { title: "component", cell: (r) => text(r.key) },
        { title: "version", cell: (r) => text(r.value) },
      ])
    );
  },
};
