/**
 * Start-up of `nnmotifs census` (issue 12 item 4): the command runs from its bundle and V8 code
 * cache (src/cli/census-bundle.ts, src/core/cached-bundle.ts, scripts/bundle-census.mjs) and loads no heavy package on the
 * common path — no zod (it once came in with the statistics schema), no YAML, report, TensorFlow,
 * queue or worker-pool package. Re-adding such an import on the census path fails here, in the
 * bundle (a CommonJS require) and in the plain modules (the sources under tsx) alike. Run
 * `npm run build` first when running this file alone.
 */
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import {
  BUNDLE_FILE,
  CACHE_FILE,
  MANIFEST_FILE,
  loadCensusBundle,
} from "../../src/cli/census-bundle.js";
import { REPO_ROOT } from "../anchor.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const dir = mkdtempSync(join(tmpdir(), "nnmotifs-census-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const graph = join(dir, "g.txt");
writeFileSync(graph, formatFanmodEdgeList(randomEdgeGraph(40, 160, 7)));

/** Packages the census must not load on its common path. */
const HEAVY =
  /node_modules\/(?:zod|yaml|vega|vega-lite|@tensorflow|h5wasm|onnx-proto|bullmq|ioredis|piscina|fast-xml-parser|@resvg)\//;

/**
 * Preload that records every module the process loads: ES modules as the resolve hook sees them,
 * CommonJS ones (the bundle's requires) from the require cache at exit.
 */
const HOOK = `data:text/javascript,${encodeURIComponent(
  'import{appendFileSync}from"node:fs";export async function resolve(s,c,n){const r=await n(s,c);appendFileSync(process.env.NNMOTIFS_TRACE,r.url+"\\n");return r}',
)}`;
const TRACE = `data:text/javascript,${encodeURIComponent(
  `import{register,createRequire}from"node:module";import{appendFileSync}from"node:fs";register(${JSON.stringify(HOOK)});process.on("exit",()=>appendFileSync(process.env.NNMOTIFS_TRACE,Object.keys(createRequire(process.cwd()+"/").cache).map((f)=>"cjs:"+f+"\\n").join("")))`,
)}`;

let traces = 0;

/** Run `node [pre…] main census …` and return its output and the modules it loaded. */
function traced(
  main: string[],
  args: string[],
): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const trace = join(dir, `trace-${traces++}.txt`);
  writeFileSync(trace, "");
  const r = spawnSync(process.execPath, ["--import", TRACE, ...main, "census", ...args], {
    encoding: "utf8",
    env: { ...process.env, NNMOTIFS_TRACE: trace },
  });
  const loaded = readFileSync(trace, "utf8").split("\n").filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const DIST_MAIN = [join(REPO_ROOT, "dist", "cli", "main.js")];
const SOURCE_MAIN = ["--import", "tsx", join(REPO_ROOT, "src", "cli", "main.ts")];
const JOBS = [
  [graph, "-k", "3", "-r", "0"],
  [graph, "-k", "3", "-r", "5"],
  [graph, "-k", "3", "-r", "0", "--format", "json"],
];

describe("nnmotifs census start-up", () => {
  it("runs from the bundle: only dist/cli/main.js and the loaders of dist/, no heavy package", () => {
    for (const args of JOBS) {
      const r = traced(DIST_MAIN, [...args, "-q"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.loaded.filter((m) => HEAVY.test(m))).toEqual([]);
      const dist = r.loaded
        .filter((m) => m.includes("/dist/"))
        .map((m) => m.replace(/.*\/dist\//, ""));
      expect([...new Set(dist)].sort()).toEqual([
        "cli/census-bundle.js",
        "cli/main.js",
        "core/cached-bundle.js",
      ]);
    }
  });

  it("the plain modules (the sources) load no heavy package either, and print the same", () => {
    for (const args of JOBS) {
      const plain = traced(SOURCE_MAIN, [...args, "-q"]);
      expect(plain.stderr).toBe("");
      expect(plain.status).toBe(0);
      expect(plain.loaded.some((m) => m.endsWith("/src/stats/census.ts"))).toBe(true);
      expect(plain.loaded.filter((m) => HEAVY.test(m))).toEqual([]);
      const bundled = traced(DIST_MAIN, [...args, "-q"]);
      expect(bundled.stdout).toBe(plain.stdout);
    }
  }, 120_000);
});

describe("loadCensusBundle", () => {
  /** A dist/ with a one-line bundle of `cli/a.js`. */
  function fakeDist(): { cli: string; programUrl: string } {
    const root = mkdtempSync(join(dir, "dist-"));
    const cli = join(root, "cli");
    mkdirSync(cli);
    writeFileSync(join(cli, "a.js"), "");
    writeFileSync(join(cli, MANIFEST_FILE), JSON.stringify({ inputs: ["cli/a.js"] }));
    writeFileSync(
      join(cli, BUNDLE_FILE),
      "exports.runNnmotifs = async (argv) => argv.length + (typeof __nnmImport);",
    );
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(cli, "a.js"), past, past);
    return { cli, programUrl: pathToFileURL(join(cli, "program.js")).href };
  }

  it("runs the bundle, writes its code cache once, and uses it next time", async () => {
    const { cli, programUrl } = fakeDist();
    const first = loadCensusBundle(programUrl, (s) => import(s));
    expect(await first!.runNnmotifs(["a", "b"])).toBe("2function");
    first!.saveCache();
    const cache = statSync(join(cli, CACHE_FILE));
    expect(cache.size).toBeGreaterThan(0);
    const second = loadCensusBundle(programUrl, (s) => import(s));
    expect(await second!.runNnmotifs([])).toBe("0function");
    second!.saveCache();
    expect(statSync(join(cli, CACHE_FILE)).mtimeMs).toBe(cache.mtimeMs);
  });

  it("ignores a cache of another bundle and rewrites it", async () => {
    const { cli, programUrl } = fakeDist();
    writeFileSync(join(cli, CACHE_FILE), "0 0 v0 x\ngarbage");
    const bundle = loadCensusBundle(programUrl, (s) => import(s));
    expect(await bundle!.runNnmotifs(["a"])).toBe("1function");
    bundle!.saveCache();
    expect(readFileSync(join(cli, CACHE_FILE), "latin1")).not.toMatch(/^0 0 v0 x\n/);
  });

  it("is null when a bundled module is newer than the bundle, or the manifest is missing", () => {
    const stale = fakeDist();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(stale.cli, "a.js"), future, future);
    expect(loadCensusBundle(stale.programUrl, (s) => import(s))).toBeNull();
    const bare = fakeDist();
    rmSync(join(bare.cli, MANIFEST_FILE));
    expect(loadCensusBundle(bare.programUrl, (s) => import(s))).toBeNull();
  });
});
