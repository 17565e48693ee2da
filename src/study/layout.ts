/**
 * The results folder: the path of every file a study writes (relative to the folder), the graph ids
 * and the data sets' short names used in those paths.
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

/** Every path of the results folder layout, relative to it. */
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

/** A path under the results folder, relative to it with forward slashes. */
export function relativeTo(outDir: string, path: string): string {
  return (isAbsolute(path) ? relative(outDir, path) : path).split("\\").join("/");
}
