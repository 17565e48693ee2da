/**
 * The results folder: the path of every file a study writes (relative to the folder), the graph ids
 * and the data sets' short names used in those paths.
 *
 * A study is a set of replicates (architecture × seed, issue 9). Everything one replicate computes
 * lives under its own folder, with the one-seed layout below (`LAYOUT`) inside it:
 *
 *   replicates/<architecture>/s<seed>/      e.g. replicates/30-30/s1/
 *     models/<set>-<init>.model.json         trained networks; models/<init>-initial.model.json
 *     models/snapshots/<set>-<init>-e<epoch>.model.json   the network after <epoch> epochs
 *     curves/, graphs/, census/              as LAYOUT; graphs/snapshots/, census/snapshots/
 *     study-results.json, tables/*.csv       that replicate's results and one-seed analyses
 *   study-results.json                       every replicate (EnsembleResults)
 *   findings.json                            per-replicate findings (tagged) and the ensemble's
 *   tables/ensemble/*.csv                    the across-seed analyses
 *   report.html, figures/
 *
 * Step ids carry the replicate the same way: `<step>@<architecture>-s<seed>`
 * ("census-normal-tree-k4-switch@30-30-s1"), so every step of the grid has one id and one folder.
 */
import { basename, isAbsolute, relative } from "node:path";

/** One data set of the study: its spec as written in the config and a short name for files. */
export interface StudyDataset {
  readonly spec: string;
  readonly slug: string;
}

/** Short unique file-name-safe names: tree, clusters, csv:x/tree.csv → "tree-csv", idx:d → "d". */
export function datasetSlugs(specs: readonly string[]): StudyDataset[] {
  const taken = new Set<string>(["initial"]);
  return specs.map((spec) => {
    let base: string;
    if (spec === "tree" || spec === "clusters") base = spec;
    else {
      const [kind, path] = [spec.slice(0, 3), spec.slice(4)];
      const name = basename(path.replace(/[/\\]+$/, "")).replace(/\.(csv|gz)$/i, "");
      base = `${name.replace(/[^A-Za-z0-9_.-]+/g, "_")}-${kind}`;
    }
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { spec, slug };
  });
}

/** Graph ids: "<init>-initial" and "<init>-<data set>". */
export const initialGraphId = (init: string): string => `${init}-initial`;
export const trainedGraphId = (init: string, slug: string): string => `${init}-${slug}`;
/** The initial network of `init` binned at the density of its network trained on `slug`. */
export const matchedGraphId = (init: string, slug: string): string =>
  `${init}-initial-matched-${slug}`;

/** A snapshot's graph id: the trained network's id and the epoch ("normal-tree-e5"). */
export const snapshotGraphId = (init: string, slug: string, epoch: number): string =>
  `${init}-${slug}-e${epoch}`;

/** The folder of one replicate, relative to the results folder. */
export const replicateDir = (architecture: string, seed: number): string =>
  `replicates/${architecture}/s${seed}`;

/** The suffix of a replicate's step ids. */
export const replicateTag = (architecture: string, seed: number): string =>
  `@${architecture}-s${seed}`;

/** Every path of one replicate's folder layout, relative to it. */
export const LAYOUT = {
  trainedModel: (slug: string, init: string) => `models/${slug}-${init}.model.json`,
  initialModel: (init: string) => `models/${init}-initial.model.json`,
  curveCsv: (slug: string, init: string) => `curves/${slug}-${init}.csv`,
  curveJson: (slug: string, init: string) => `curves/${slug}-${init}.json`,
  graphFanmod: (id: string) => `graphs/${id}.fanmod.txt`,
  graphJson: (id: string) => `graphs/${id}.graph.json`,
  graphGroup: (init: string) => `graphs/${init}-group.json`,
  censusJson: (id: string, k: number, nullModel: string) => `census/${id}-k${k}-${nullModel}.json`,
  censusCsv: (id: string, k: number, nullModel: string) => `census/${id}-k${k}-${nullModel}.csv`,
  // Without colours (the topology-level census, issue 7 item 4).
  topologyCensusJson: (id: string, k: number, nullModel: string) =>
    `census/${id}-k${k}-${nullModel}-uncoloured.json`,
  topologyCensusCsv: (id: string, k: number, nullModel: string) =>
    `census/${id}-k${k}-${nullModel}-uncoloured.csv`,
  // The initial network at the density of one trained network (issue 7 item 5).
  matchedFanmod: (id: string) => `graphs/matched/${id}.fanmod.txt`,
  matchedGraphJson: (id: string) => `graphs/matched/${id}.graph.json`,
  matchedGroup: (id: string) => `graphs/matched/${id}-group.json`,
  matchedCensusJson: (id: string, k: number, nullModel: string) =>
    `census/matched/${id}-k${k}-${nullModel}-uncoloured.json`,
  matchedCensusCsv: (id: string, k: number, nullModel: string) =>
    `census/matched/${id}-k${k}-${nullModel}-uncoloured.csv`,
  // Threshold-free weighted motifs of one network (issue 9 item 5): no binning involved.
  weightedJson: (id: string, k: number) => `weighted/${id}-k${k}.json`,
  results: "study-results.json",
  findings: "findings.json",
  report: "report.html",
  tables: "tables/",
  ensembleTables: "tables/ensemble/",
  // Training snapshots (issue 9 item 2): models, graphs binned with the group's bins, censuses.
  snapshotModel: (slug: string, init: string, epoch: number) =>
    `models/snapshots/${slug}-${init}-e${epoch}.model.json`,
  snapshotFanmod: (id: string) => `graphs/snapshots/${id}.fanmod.txt`,
  snapshotGraphJson: (id: string) => `graphs/snapshots/${id}.graph.json`,
  snapshotGroup: (init: string) => `graphs/snapshots/${init}-snapshots.json`,
  snapshotCensusJson: (id: string, k: number, nullModel: string) =>
    `census/snapshots/${id}-k${k}-${nullModel}-uncoloured.json`,
  snapshotCensusCsv: (id: string, k: number, nullModel: string) =>
    `census/snapshots/${id}-k${k}-${nullModel}-uncoloured.csv`,
  // The cut-off sweep: its own folders, so no file or step id meets the main graphs and census.
  sensitivityFanmod: (c: number, id: string) => `graphs/sensitivity/c${String(c)}/${id}.fanmod.txt`,
  sensitivityGraphJson: (c: number, id: string) =>
    `graphs/sensitivity/c${String(c)}/${id}.graph.json`,
  sensitivityGroup: (c: number, init: string) =>
    `graphs/sensitivity/c${String(c)}/${init}-group.json`,
  sensitivityCensusJson: (c: number, id: string, k: number, nullModel: string) =>
    `census/sensitivity/c${String(c)}/${id}-k${k}-${nullModel}.json`,
  sensitivityCensusCsv: (c: number, id: string, k: number, nullModel: string) =>
    `census/sensitivity/c${String(c)}/${id}-k${k}-${nullModel}.csv`,
} as const;

export type Layout = typeof LAYOUT;

/** LAYOUT with every path under `dir` (a replicate's folder). */
export function layoutUnder(dir: string): Layout {
  const under = (path: string): string => `${dir}/${path}`;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(LAYOUT)) {
    out[name] =
      typeof value === "string"
        ? under(value)
        : (...args: unknown[]) => under((value as (...a: unknown[]) => string)(...args));
  }
  return out as Layout;
}

/** A path under the results folder, relative to it with forward slashes. */
export function relativeTo(outDir: string, path: string): string {
  return (isAbsolute(path) ? relative(outDir, path) : path).split("\\").join("/");
}
