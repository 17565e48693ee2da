/**
 * Compare two study results folders: every census JSON and every file of tables/ must be byte
 * identical, except
 *   - the sweep's censuses at the study's own cut-off, which a plan that computes identical steps
 *     once no longer writes: the baseline's copy must equal the main census it duplicated;
 *   - the `seconds` column of tables/learning-efficacy.csv (training wall time).
 * Prints the step count and study time of both manifests.
 *
 *   npx tsx bench/compare-results.ts /work/baseline-study /tmp/after
 *
 * Exit code 0 when identical, 1 when anything differs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

interface ManifestLike {
  readonly config: { graphs: { cutoff: number } };
  readonly steps: readonly unknown[];
  readonly totalSeconds: number;
  readonly stageSeconds: Readonly<Record<string, number>>;
}

function walk(dir: string, root = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path)];
  });
}

/** A CSV without one named column. */
function dropColumn(csv: string, column: string): string {
  const lines = csv.split("\n");
  const at = lines[0].split(",").indexOf(column);
  if (at < 0) return csv;
  return lines
    .map((l) =>
      l === ""
        ? l
        : l
            .split(",")
            .filter((_, i) => i !== at)
            .join(","),
    )
    .join("\n");
}

export function compareResults(before: string, after: string): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let ok = true;
  const mb = JSON.parse(readFileSync(join(before, "manifest.json"), "utf8")) as ManifestLike;
  const ma = JSON.parse(readFileSync(join(after, "manifest.json"), "utf8")) as ManifestLike;
  const mainCut = `c${String(ma.config.graphs.cutoff)}`;
  const files = walk(before).filter(
    (f) => (f.startsWith("census/") && f.endsWith(".json")) || f.startsWith("tables/"),
  );
  let same = 0;
  let deduplicated = 0;
  for (const f of files) {
    const a = readFileSync(join(before, f));
    let target = f;
    // census/sensitivity/c0.55/x.json → census/x.json when the main grid holds that census
    const sweepAtMain = f.startsWith(`census/sensitivity/${mainCut}/`);
    if (sweepAtMain && !existsSync(join(after, f))) {
      target = `census/${f.slice(`census/sensitivity/${mainCut}/`.length)}`;
      deduplicated++;
    }
    if (!existsSync(join(after, target))) {
      lines.push(`missing: ${target}`);
      ok = false;
      continue;
    }
    const b = readFileSync(join(after, target));
    let equal = a.equals(b);
    if (!equal && f === "tables/learning-efficacy.csv") {
      equal = dropColumn(a.toString(), "seconds") === dropColumn(b.toString(), "seconds");
      if (equal) lines.push(`${f}: identical but for the seconds column (wall time)`);
    }
    if (equal) same++;
    else {
      lines.push(`differs: ${f}${target !== f ? ` (vs ${target})` : ""}`);
      ok = false;
    }
  }
  const extra = walk(after).filter(
    (f) =>
      ((f.startsWith("census/") && f.endsWith(".json")) || f.startsWith("tables/")) &&
      !files.includes(f),
  );
  for (const f of extra) {
    lines.push(`new file: ${f}`);
    ok = false;
  }
  lines.push(
    `${same}/${files.length} census JSON and tables files identical ` +
      `(${deduplicated} sweep censuses at ${mainCut} compared with the main census they duplicated)`,
    `steps: ${mb.steps.length} before, ${ma.steps.length} after`,
    `study time: ${mb.totalSeconds.toFixed(1)} s before, ${ma.totalSeconds.toFixed(1)} s after ` +
      `(census stage ${(mb.stageSeconds.census ?? 0).toFixed(1)} s → ${(ma.stageSeconds.census ?? 0).toFixed(1)} s)`,
  );
  return { ok, lines };
}

if (process.argv[1] !== undefined && /compare-results\.[jt]s$/.test(process.argv[1])) {
  const [before, after] = process.argv.slice(2);
  if (before === undefined || after === undefined) {
    process.stderr.write("usage: tsx bench/compare-results.ts BEFORE_DIR AFTER_DIR\n");
    process.exit(2);
  }
  const { ok, lines } = compareResults(before, after);
  process.stdout.write(lines.join("\n") + "\n");
  process.exit(ok ? 0 : 1);
}
