/**
 * The main findings in plain words (SPEC §9), for the first screen of the report: what happens to
 * the diamond and the bi-fan under each null, which motifs stay significant under the layered null,
 * and which initialisation learns fastest.
 */
import { median } from "./lookup.js";
import { namedTopologyKey } from "./motif-names.js";
import type { AnalysisTables } from "./analyse-study.js";
import { referenceNull } from "./null-comparison.js";
import type { StudyResults } from "./study-results.js";

const DESCRIPTION: Record<string, string> = {
  diamond: "the diamond (bi-parallel: a→b, a→c, b→d, c→d)",
  "bi-fan": "the bi-fan (a→c, a→d, b→c, b→d)",
};

function fmt(x: number | null): string {
  return x === null ? "n/a" : x.toFixed(1);
}

function count(n: number): string {
  const words = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
  ];
  return words[n] ?? String(n);
}

function capitalise(text: string): string {
  return text.length > 0 ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

/** "a, b and c"; unnamed topologies ("5-node, 6 edges #…") are counted, not spelled out. */
function list(names: readonly string[]): string {
  const named = names.filter((n) => !n.includes("#"));
  const unnamed = names.length - named.length;
  const items =
    unnamed > 0
      ? [...named, `${count(unnamed)} unnamed ${unnamed === 1 ? "topology" : "topologies"}`]
      : named;
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Plain-language sentences from the analysis tables. */
export function findingsFromTables(results: StudyResults, tables: AnalysisTables): string[] {
  const out: string[] = [];
  const ref = referenceNull(results.nullModels);
  const nulls = [ref, ...results.nullModels.filter((n) => n !== ref)];
  const trainedCount = results.graphs.filter((g) => g.stage === "trained").length;

  // The headline: diamond and bi-fan, trained networks, first null vs the others.
  const medianZ = (name: string, nullModel: string, stage: string): number | null =>
    median(
      tables.topologyVariants
        .filter(
          (v) =>
            v.topology === namedTopologyKey(name) && v.nullModel === nullModel && v.stage === stage,
        )
        .map((v) => v.maxZ ?? NaN),
    );
  if (nulls.length >= 2) {
    const other = nulls[1];
    const ds = medianZ("diamond", ref, "trained");
    const bs = medianZ("bi-fan", ref, "trained");
    const dl = medianZ("diamond", other, "trained");
    const bl = medianZ("bi-fan", other, "trained");
    const di = medianZ("diamond", ref, "initial");
    const bi = medianZ("bi-fan", ref, "initial");
    if (ds !== null && bs !== null && dl !== null && bl !== null) {
      const ratio = (dl + bl) / (ds + bs);
      const verdict =
        ds + bs <= 0
          ? "neither is over-represented under the switching null"
          : ratio < 0.5
            ? "most of their apparent significance comes from the layered architecture, not from learning"
            : "much of their significance survives a null model that keeps the layers";
      const significantUnder = (name: string): number =>
        tables.topologyVariants.filter(
          (v) =>
            v.topology === namedTopologyKey(name) &&
            v.nullModel === other &&
            v.stage === "trained" &&
            v.significant,
        ).length;
      out.push(
        `Main finding: in the trained networks the diamond and the bi-fan have median Z ${fmt(ds)} and ` +
          `${fmt(bs)} under the ${ref} null (${fmt(di)} and ${fmt(bi)} before training), but ${fmt(dl)} ` +
          `and ${fmt(bl)} under the ${other} null, where they stay significant in ` +
          `${significantUnder("diamond")} and ${significantUnder("bi-fan")} of ${trainedCount} trained ` +
          `networks: ${verdict}.`,
      );
    }
  }

  // Diamond and bi-fan under each null.
  for (const name of ["diamond", "bi-fan"]) {
    const key = namedTopologyKey(name);
    const rows = tables.topologyVariants.filter((v) => v.topology === key);
    if (rows.length === 0) {
      out.push(
        `${capitalise(DESCRIPTION[name])} does not occur in any census (is size 4 in the study?).`,
      );
      continue;
    }
    const parts = nulls.map((nullModel) => {
      const trained = rows.filter((r) => r.nullModel === nullModel && r.stage === "trained");
      const initial = rows.filter((r) => r.nullModel === nullModel && r.stage === "initial");
      const zt = median(trained.map((r) => r.maxZ ?? NaN));
      const zi = median(initial.map((r) => r.maxZ ?? NaN));
      const sig = trained.filter((r) => r.significant).length;
      return (
        `${nullModel} null: median Z ${fmt(zt)} in the trained networks (${fmt(zi)} before ` +
        `training), significant (BH q < 0.05) in ${sig} of ${trainedCount}`
      );
    });
    out.push(`${capitalise(DESCRIPTION[name])} — ${parts.join("; ")}.`);
  }

  // Which topologies stay significant under the other nulls.
  for (const size of results.sizes) {
    for (const other of nulls.slice(1)) {
      const rows = tables.nullComparison.filter(
        (r) => r.size === size && r.otherNull === other && r.stage === "trained",
      );
      const byTopology = new Map<string, { name: string; ref: number; other: number; n: number }>();
      for (const r of rows) {
        const t = byTopology.get(r.topology) ?? { name: r.topologyName, ref: 0, other: 0, n: 0 };
        t.n += 1;
        if (r.significantReference) t.ref += 1;
        if (r.significantOther) t.other += 1;
        byTopology.set(r.topology, t);
      }
      const sigRef = [...byTopology.values()].filter((t) => t.ref * 2 > t.n);
      const stay = sigRef.filter((t) => t.other * 2 > t.n).map((t) => t.name);
      const zUndefined = rows.length > 0 && rows.every((r) => r.zOther === null);
      if (zUndefined) {
        out.push(
          `Under the ${other} null every random network has the same ${size}-node counts ` +
            `(sd = 0), so Z is undefined and no ${size}-node topology can be significant: ` +
            (sigRef.length > 0
              ? `the significance of ${list(sigRef.map((t) => t.name))} under the ${ref} null comes from the layered architecture alone.`
              : `the ${size}-node census is fixed by the layered architecture alone.`),
        );
      } else if (sigRef.length === 0) {
        out.push(
          `No ${size}-node topology is significant under the ${ref} null in most trained networks.`,
        );
      } else {
        const lost = sigRef.filter((t) => t.other * 2 <= t.n).map((t) => t.name);
        const stayText =
          stay.length === 0
            ? `none of them stays significant under the ${other} null`
            : `${list(stay)} ${stay.length === 1 ? "stays" : "stay"} significant under the ${other} null`;
        const lostText =
          lost.length > 0 && stay.length > 0
            ? `, ${list(lost)} ${lost.length === 1 ? "does" : "do"} not`
            : "";
        const why =
          lost.length > 0
            ? ` — what the ${other} null removes came from the layered architecture, not from learning`
            : "";
        out.push(
          `Under the ${ref} null, ${count(sigRef.length)} ${size}-node ${sigRef.length === 1 ? "topology is" : "topologies are"} ` +
            `significant in most trained networks (${list(sigRef.map((t) => t.name))}); ${stayText}${lostText}${why}.`,
        );
      }
    }
  }

  // Learning: what training does to Z.
  for (const nullModel of nulls) {
    const d = median(
      tables.zPairs
        .filter((p) => p.nullModel === nullModel && p.deltaZ !== null)
        .map((p) => p.deltaZ as number),
    );
    if (d !== null) {
      out.push(
        `Training changes a coloured class's Z by a median of ${d >= 0 ? "+" : ""}${d.toFixed(2)} ` +
          `under the ${nullModel} null.`,
      );
    }
  }

  // Learning efficacy.
  const byInit = results.inits
    .map((init) => {
      const rows = tables.learningEfficacy.filter((r) => r.init === init);
      const epochs = rows.map((r) => r.epochsTo95 ?? r.epochs + 1);
      return {
        init,
        epochs: epochs.length ? epochs.reduce((s, e) => s + e, 0) / epochs.length : NaN,
      };
    })
    .filter((r) => Number.isFinite(r.epochs))
    .sort((a, b) => a.epochs - b.epochs);
  if (byInit.length >= 2) {
    out.push(
      `${capitalise(byInit[0].init)} initialisation learns fastest (95% validation accuracy after ` +
        `${byInit[0].epochs.toFixed(1)} epochs on average over the data sets), ` +
        `${byInit.at(-1)?.init} slowest (${byInit.at(-1)?.epochs.toFixed(1)}).`,
    );
  }

  // Edges kept by the binning in the initial networks.
  const kept = results.graphs
    .filter((g) => g.stage === "initial" && g.weights.length > 0)
    .map((g) => ({
      init: g.init,
      share: g.weightColours.filter((c) => c > 0).length / g.weights.length,
    }));
  if (kept.length > 0) {
    out.push(
      `Before training the binning keeps ${kept
        .map((k) => `${Math.round(100 * k.share)}% of the ${k.init} network's weights`)
        .join(", ")} as edges.`,
    );
  }
  out.push(
    "Caution: picking the most significant coloured variant of each topology is a selection " +
      "over many variants; the report gives BH-adjusted q-values and the most typical variant too.",
  );
  return out;
}
