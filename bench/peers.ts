/**
 * `npm run bench:peers`: nnmotifs against the reference motif tools ("peers") on the same graphs,
 * whole processes, in one run (issue 12). Peers are FANMOD (fanmod_cmd), gtrieScanner, NetMODE
 * and FaSE, built by shared/tools/build-peers into /usr/local/bin; a peer not on PATH is named
 * as missing and its columns stay empty. Never commits or downloads a peer.
 *
 * Rows: graph × k (3..6) × random networks (0 = census only, 100) × coloured / uncoloured, each
 * tool at 1 and 2 threads where it has threads (nnmotifs, NetMODE); the others run once and count
 * for both. Graphs: the anchor tree_w_Graph.txt (95 nodes, 550 edges), an MNIST-sized layered
 * graph 784-50-50-20-10 (1900 edges, seed 11) and a 10 000-node scale-free directed graph (seed 5).
 * Only FANMOD and nnmotifs count coloured classes; the other peers appear in uncoloured rows.
 *
 * Each figure is the minimum of `--runs` whole-process runs (default 3; one run when a run takes
 * over 20 s), wall seconds and peak RSS (/usr/bin/time). A peer run whose estimate (its census-only
 * time × 101) exceeds `--budget` seconds (default 60) is timed with 2 random networks; if the
 * extrapolation from those still exceeds the budget it is shown, marked `≈`, else the full run is
 * timed; a run past 4 × budget is killed and shown as `>…`. Checks, each an error (exit 1):
 * every tool's total number of k-subgraphs of the original equals nnmotifs's; the census JSON of
 * nnmotifs is byte-identical at 1 and 2 threads; with `--compare-json DIR`, byte-identical to the
 * JSON an earlier build saved with `--save-json DIR` (before/after a change).
 *
 *   npm run bench:peers                              every row (long: tens of minutes)
 *   npm run bench:peers -- --quick                   a subset, about a minute
 *   npm run bench:peers -- anchor k=5                rows whose label has every word given
 *   npm run bench:peers -- mnist k=6                 k = 6 exact census and 100 sampled networks
 *   options: --runs N  --budget S  --tools nnmotifs,NetMODE  --long (rows off by default)
 *            --keep-ca-certs (keep NODE_EXTRA_CA_CERTS in the tools' environment; see toolEnv)
 *            --cli PATH (the nnmotifs main.js to time)  --save-json DIR  --compare-json DIR
 *
 * Wall times on a shared machine are noisy: compare ratios from one run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Rng } from "../src/core/random.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ANCHOR = join(ROOT, "..", "shared", "anchor", "zambra2020", "seed180112-normal");
const NETWORKS = 100;
const EXTRAPOLATE_FROM = 2;
const SLOW_RUN_SECONDS = 20;

// ---------------------------------------------------------------- arguments
const USAGE = `usage: npm run bench:peers -- [WORD…] [options]
  WORD…               only rows whose label has every word (e.g. anchor k=5 coloured)
  --quick             a subset, about a minute (one run each)
  --runs N            whole-process runs per figure, the minimum kept (default 3)
  --budget S          seconds a peer may take before it is extrapolated (default 60)
  --tools A,B         only these tools (nnmotifs, FANMOD, gtrieScanner, NetMODE, FaSE)
  --long              also the rows that are off by default
  --keep-ca-certs     keep NODE_EXTRA_CA_CERTS in the tools' environment
  --cli PATH          the nnmotifs main.js to time (default: this checkout's dist)
  --save-json DIR     save nnmotifs's census JSON of every row
  --compare-json DIR  fail unless the JSON is byte-identical to one saved with --save-json
  --help              this text`;
let parsed: ReturnType<typeof parseBenchArgs>;
function parseBenchArgs() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      quick: { type: "boolean" },
      runs: { type: "string" },
      budget: { type: "string" },
      tools: { type: "string" },
      long: { type: "boolean" },
      "keep-ca-certs": { type: "boolean" },
      cli: { type: "string" },
      "save-json": { type: "string" },
      "compare-json": { type: "string" },
      help: { type: "boolean" },
    },
  });
}
try {
  parsed = parseBenchArgs();
} catch (err) {
  console.error(`bench:peers: ${(err as Error).message} (--help lists the options)`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
/** A number option: a positive number, or a one-line error. */
function positive(name: string, fallback: number): number {
  const raw = parsed.values[name as "runs" | "budget"];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (!(x > 0)) {
    console.error(`bench:peers: --${name} ${raw}: should be a positive number`);
    process.exit(2);
  }
  return x;
}
const flag = (name: "long" | "keep-ca-certs"): boolean => parsed.values[name] === true;
const words = parsed.positionals;
const quick = parsed.values.quick === true;
const runs = Math.floor(positive("runs", quick ? 1 : 3));
const budget = positive("budget", 60);
const cli = parsed.values.cli ?? join(ROOT, "dist", "cli", "main.js");
const saveJson = parsed.values["save-json"];
const compareJson = parsed.values["compare-json"];
const toolFilter = parsed.values.tools?.split(",");
if (saveJson) mkdirSync(saveJson, { recursive: true });

/**
 * The tools' environment: this one without NODE_EXTRA_CA_CERTS (unless --keep-ca-certs). Where it
 * is set (some sandboxes and company machines) every Node process reads and parses that CA bundle
 * before running a line of its script — 40–65 ms on this machine, more than Node's own start of
 * ~0.026 s — and no tool here uses TLS; the C++ peers never read it. The header prints Node's
 * bare start with and without it.
 */
const CA_VARIABLE = "NODE_EXTRA_CA_CERTS";
const keepCaCerts = flag("keep-ca-certs");
const toolEnv: NodeJS.ProcessEnv = { ...process.env };
if (!keepCaCerts) delete toolEnv[CA_VARIABLE];

/** Min of 5 wall seconds of `node` running an empty script, in `env`. */
function bareNodeStart(env: NodeJS.ProcessEnv): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", ""], { env });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

// ---------------------------------------------------------------- graphs
interface Graph {
  name: string;
  edges: [number, number, number][];
}

function anchorGraph(): Graph {
  const text = readFileSync(join(ANCHOR, "tree_w_Graph.txt"), "utf8");
  const edges = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  return { name: "anchor", edges };
}

/** Edges drawn uniformly among all consecutive-layer pairs (as bench/run.ts), colours 1..3. */
function layeredGraph(name: string, sizes: number[], edgeCount: number, seed: number): Graph {
  const rng = new Rng(seed);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const pairs = sizes.slice(1).map((s, l) => sizes[l] * s);
  const allPairs = pairs.reduce((a, b) => a + b, 0);
  const seen = new Set<string>();
  const edges: [number, number, number][] = [];
  while (edges.length < edgeCount) {
    let r = rng.int(allPairs);
    let l = 0;
    while (r >= pairs[l]) r -= pairs[l++];
    const a = offsets[l] + Math.floor(r / sizes[l + 1]);
    const b = offsets[l + 1] + (r % sizes[l + 1]);
    if (seen.has(`${a} ${b}`)) continue;
    seen.add(`${a} ${b}`);
    edges.push([a, b, 1 + rng.int(3)]);
  }
  return { name, edges };
}

/**
 * Preferential attachment: each new node links to m distinct earlier nodes, each chosen with
 * probability ∝ degree (3 times in 4) or uniformly (1 in 4), so the degrees follow a power law
 * (exponent ≈ 3.7, largest degree ≈ 90) without hubs so large that k = 5 takes minutes; each
 * edge in a random direction; colours 1..3; no mutual pairs, loops or duplicates.
 */
function scaleFreeGraph(name: string, n: number, m: number, seed: number): Graph {
  const rng = new Rng(seed);
  const ends: number[] = [0, 1, 1, 2, 2, 0];
  const edges: [number, number, number][] = [
    [0, 1, 1 + rng.int(3)],
    [1, 2, 1 + rng.int(3)],
    [2, 0, 1 + rng.int(3)],
  ];
  for (let v = 3; v < n; v++) {
    const chosen = new Set<number>();
    while (chosen.size < m) chosen.add(rng.next() < 0.75 ? ends[rng.int(ends.length)] : rng.int(v));
    for (const t of chosen) {
      edges.push(rng.int(2) === 0 ? [v, t, 1 + rng.int(3)] : [t, v, 1 + rng.int(3)]);
      ends.push(v, t);
    }
  }
  return { name, edges };
}

// ---------------------------------------------------------------- tools
interface Job {
  graph: Graph;
  files: Record<"fanmod" | "fanmod2" | "gt" | "nm" | "two", string>;
  k: number;
  networks: number;
  coloured: boolean;
  /** nnmotifs only: RAND-ESU per-depth probabilities (a sampled census of every network). */
  sample?: number[];
}
interface Run {
  seconds: number;
  /** User + system CPU seconds (the steadier figure on a shared machine). */
  cpu: number;
  peakMB: number;
  total: number | null;
  /** nnmotifs only: the census JSON. */
  json?: string;
  note?: string;
}
interface Tool {
  name: string;
  command: string;
  threaded: boolean;
  handles(job: Job): boolean;
  run(job: Job, threads: number, networks: number, dir: string): { args: string[]; cwd?: string };
  total(dir: string, stdout: string): number | null;
}

const num = (re: RegExp, text: string): number | null => {
  const m = re.exec(text);
  return m ? Number(m[1]) : null;
};

const TOOLS: Tool[] = [
  {
    name: "nnmotifs",
    command: process.execPath,
    threaded: true,
    handles: () => true,
    run: (job, threads, networks, dir) => ({
      args: [
        cli,
        "census",
        job.files.fanmod,
        ...["--size", String(job.k), "--random", String(networks), "--seed", "1"],
        ...["--threads", String(threads), "--format", "json", "--out", join(dir, "out.json")],
        ...(job.coloured ? [] : ["--no-colours"]),
        ...(job.sample ? ["--sample", job.sample.join(",")] : []),
        "--quiet",
        "--force",
      ],
    }),
    total: (dir) => JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).subgraphs as number,
  },
  {
    name: "FANMOD",
    command: "fanmod_cmd",
    threaded: false,
    handles: (job) => !job.sample,
    run: (job, _t, networks, dir) => ({
      args: [
        ...["-i", job.coloured ? job.files.fanmod : job.files.fanmod2, "-o", join(dir, "f.csv")],
        ...["-s", String(job.k), "-r", String(networks), "-d", "--seed", "1"],
        ...(job.coloured ? ["-c", "-e"] : []),
      ],
    }),
    total: (dir) =>
      num(/^(\d+) subgraphs were enumerated in the original network/m, read(join(dir, "f.csv"))),
  },
  {
    name: "gtrieScanner",
    command: "gtrieScanner",
    threaded: false,
    handles: (job) => !job.coloured && !job.sample,
    run: (job, _t, networks, dir) => ({
      args: [
        ...["-s", String(job.k), "-m", "esu", "-g", job.files.gt, "-d", "-o", join(dir, "g.txt")],
        ...(networks > 0 ? ["-r", String(networks), "-rs", "1", "-re", "3", "-rt", "3"] : []),
      ],
    }),
    total: (dir) =>
      num(/^Subgraph Occurrences Found \[Original Network\]: (\d+)/m, read(join(dir, "g.txt"))),
  },
  {
    name: "NetMODE",
    command: "NetMODE",
    threaded: true,
    handles: (job) => !job.coloured && !job.sample && job.k >= 3 && job.k <= 6,
    run: (job, threads, networks, dir) => ({
      args: ["-k", String(job.k), "-c", String(networks), "-e", "3", "-t", String(threads)],
      cwd: dir, // it writes adjMat.txt into its working directory
    }),
    total: (_dir, stdout) => {
      let s = 0;
      let seen = false;
      for (const line of stdout.split("\n")) {
        const m = /^gID:.*\bfreq:\s*(\d+)/.exec(line);
        if (m) {
          s += Number(m[1]);
          seen = true;
        }
      }
      return seen ? s : null;
    },
  },
  {
    name: "FaSE",
    command: "FASE",
    threaded: false,
    handles: (job) => !job.coloured && !job.sample && job.networks === 0,
    run: (job, _t, _n, dir) => ({
      args: ["-s", String(job.k), "-d", "-z", "-i", job.files.two, "-o", join(dir, "fase.txt")],
    }),
    total: (dir) => num(/^Subgraph Occurrences: (\d+)/m, read(join(dir, "fase.txt"))),
  },
];

function read(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

function onPath(command: string): boolean {
  if (command.includes("/")) return existsSync(command);
  return (process.env.PATH ?? "").split(delimiter).some((d) => existsSync(join(d, command)));
}

const work = mkdtempSync(join(tmpdir(), "nnmotifs-peers-"));
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const timeoutBin = existsSync("/usr/bin/timeout") ? "/usr/bin/timeout" : null;

/** One whole-process run; null when killed at the time limit. */
function runOnce(tool: Tool, job: Job, threads: number, networks: number): Run | null {
  const dir = mkdtempSync(join(work, `${tool.name}-`));
  const { args, cwd } = tool.run(job, threads, networks, dir);
  const rss = join(dir, "rss");
  // coreutils' timeout kills the tool itself at the limit: killing /usr/bin/time would leave the
  // tool running as an orphan, loading the machine for the rows after it.
  const limit = 4 * budget;
  const killer = timeoutBin !== null ? [timeoutBin, "-s", "KILL", String(limit)] : [];
  const [cmd, cmdArgs] =
    timeBin !== null
      ? [timeBin, ["-f", "%M %U %S", "-o", rss, ...killer, tool.command, ...args]]
      : killer.length > 0
        ? [killer[0], [...killer.slice(1), tool.command, ...args]]
        : [tool.command, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, {
    cwd: cwd ?? dir,
    input: tool.name === "NetMODE" ? readFileSync(job.files.nm) : undefined,
    env: toolEnv,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    timeout: (limit + 30) * 1000,
    killSignal: "SIGKILL",
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // 137: timeout's exit status when it killed the tool (128 + SIGKILL).
  if (r.signal === "SIGKILL" || r.error || (killer.length > 0 && r.status === 137)) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  if (r.status !== 0) {
    throw new Error(`${tool.name} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  }
  const [kb, user, sys] = existsSync(rss)
    ? readFileSync(rss, "utf8").trim().split("\n").pop()!.split(" ").map(Number)
    : [NaN, NaN, NaN];
  const peakMB = kb / 1024;
  const cpu = user + sys;
  const total = tool.total(dir, r.stdout);
  const json = tool.name === "nnmotifs" ? readFileSync(join(dir, "out.json"), "utf8") : undefined;
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpu, peakMB, total, json };
}

/** Min of `runs` runs (one when a run is slow); null when killed. */
function measure(tool: Tool, job: Job, threads: number, networks = job.networks): Run | null {
  let best: Run | null = null;
  let peakMB = 0;
  for (let i = 0; i < runs; i++) {
    const r = runOnce(tool, job, threads, networks);
    if (r === null) return null;
    peakMB = Math.max(peakMB, r.peakMB);
    if (best === null || r.seconds < best.seconds) best = r;
    if (r.seconds > SLOW_RUN_SECONDS) break;
  }
  return best && { ...best, peakMB };
}

// ---------------------------------------------------------------- rows
const graphs: Graph[] = [];
const filesOf = new Map<string, Job["files"]>();
function prepare(g: Graph): void {
  const n = 1 + Math.max(...g.edges.flatMap(([a, b]) => [a, b]));
  const f = (ext: string, lines: string[]): string => {
    const file = join(work, `${g.name}.${ext}`);
    writeFileSync(file, lines.join("\n") + "\n");
    return file;
  };
  filesOf.set(g.name, {
    fanmod: f(
      "txt",
      g.edges.map(([a, b, c]) => `${a} ${b} ${c}`),
    ),
    fanmod2: f(
      "2.txt",
      g.edges.map(([a, b]) => `${a} ${b}`),
    ),
    gt: f(
      "gt",
      g.edges.map(([a, b]) => `${a + 1} ${b + 1} 1`),
    ),
    nm: f("nm", [String(n), ...g.edges.map(([a, b]) => `${a + 1} ${b + 1}`)]),
    two: f(
      "2col",
      g.edges.map(([a, b]) => `${a} ${b}`),
    ),
  });
  graphs.push(g);
}
prepare(anchorGraph());
if (!quick) {
  prepare(layeredGraph("mnist", [784, 50, 50, 20, 10], 1900, 11));
  prepare(scaleFreeGraph("scalefree", 10_000, 2, 5));
}

/** Rows left out unless --long: the 10 000-node graph at k = 6 or with random networks, MNIST k = 6 × 100. */
const long = (g: string, k: number, networks: number): boolean =>
  (g === "scalefree" && (k === 6 || networks > 0)) || (g === "mnist" && k === 6 && networks > 0);

const jobs: Job[] = [];
for (const graph of graphs)
  for (const k of quick ? [3, 4] : [3, 4, 5, 6])
    for (const networks of [0, NETWORKS])
      for (const coloured of [true, false]) {
        const job = { graph, files: filesOf.get(graph.name)!, k, networks, coloured };
        if (long(graph.name, k, networks) && !flag("long")) continue;
        if (!words.every((w) => label(job).includes(w))) continue;
        jobs.push(job);
      }

// k = 6 with 100 random networks on the MNIST-sized graph, sampled (issue 12 item 5: exact takes
// about 14 s a network coloured): every network's census by RAND-ESU with P = 0.1. The row checks
// the stated errors against the exact census of the original when that row ran before it.
for (const graph of graphs.filter((g) => g.name === "mnist"))
  for (const coloured of [true, false]) {
    const job = {
      graph,
      files: filesOf.get(graph.name)!,
      k: 6,
      networks: NETWORKS,
      coloured,
      sample: [1, 1, 1, 1, 0.5, 0.2],
    };
    if (words.every((w) => label(job).includes(w))) jobs.push(job);
  }

function label(j: Job): string {
  const sampled = j.sample ? ` sampled P=${j.sample.reduce((a, b) => a * b, 1)}` : "";
  return `${j.graph.name} k=${j.k} r=${j.networks} ${j.coloured ? "coloured" : "uncoloured"}${sampled}`;
}

/** Exact census JSON of nnmotifs per graph|k|colour (census-only rows), to check sampled rows. */
const exactJson = new Map<string, string>();

/**
 * A sampled census's stated errors against the exact counts: per class of the exact census with
 * at least 100 occurrences, |estimate − exact| in units of the stated relative error (on the exact
 * count). Stated errors are lower bounds (shared prefixes), so about 1.4× is expected.
 */
function checkSampled(sampledJson: string, exact: string): { text: string; bad: boolean } {
  type Row = { key: string; count: number };
  const P = (JSON.parse(sampledJson).sample as number[]).reduce((a, b) => a * b, 1);
  const est = new Map(
    (JSON.parse(sampledJson).motifs as Row[]).map((m) => [m.key, m.count] as const),
  );
  const units: number[] = [];
  const stated: number[] = [];
  for (const m of JSON.parse(exact).motifs as Row[]) {
    if (m.count < 100) continue;
    const se = Math.sqrt((1 - P) / (m.count * P));
    stated.push(se);
    units.push(Math.abs((est.get(m.key) ?? 0) - m.count) / (m.count * se));
  }
  if (units.length === 0) return { text: "no class with ≥ 100 occurrences", bad: false };
  const within = (u: number): string =>
    `${((100 * units.filter((x) => x <= u).length) / units.length).toFixed(0)} %`;
  stated.sort((a, b) => a - b);
  const bad = units.filter((x) => x <= 3).length < 0.8 * units.length;
  return {
    text: `stated relative error median ${(100 * stated[stated.length >> 1]).toFixed(1)} % (${units.length} classes ≥ 100); estimates within 1/2/3 stated errors of the exact counts: ${within(1)}/${within(2)}/${within(3)}`,
    bad,
  };
}

const tools = TOOLS.filter((t) => !toolFilter || toolFilter.includes(t.name));
const present = tools.filter((t) => t.name === "nnmotifs" || onPath(t.command));
const missing = tools.filter((t) => !present.includes(t)).map((t) => t.name);
console.log(
  `nnmotifs bench:peers — ${new Date().toISOString()}, node ${process.version}, ${jobs.length} rows, min of ${runs} runs`,
);
console.log(`graphs: ${graphs.map((g) => `${g.name} (${g.edges.length} edges)`).join(", ")}`);
console.log(
  `peers on PATH: ${
    present
      .filter((t) => t.name !== "nnmotifs")
      .map((t) => t.name)
      .join(", ") || "none"
  }`,
);
if (missing.length > 0) console.log(`peers missing (not on PATH): ${missing.join(", ")}`);
{
  const bare = bareNodeStart(toolEnv).toFixed(3);
  const set = process.env[CA_VARIABLE] !== undefined;
  const note = !set
    ? `${CA_VARIABLE} not set`
    : keepCaCerts
      ? `${CA_VARIABLE} kept (--keep-ca-certs); without it ${bareNodeStart({ ...process.env, [CA_VARIABLE]: undefined }).toFixed(3)} s`
      : `tools run without ${CA_VARIABLE}, which this environment sets: with it ${bareNodeStart(process.env).toFixed(3)} s (--keep-ca-certs to keep it)`;
  console.log(`node's bare start: ${bare} s (${note})`);
}
console.log(
  "times: wall s (peak MB, user+sys cpu s); ≈ extrapolated from 2 random networks; >x killed; ratio = best peer / nnmotifs best",
);

const errors: string[] = [];
/** Rows whose nnmotifs JSON was compared at 1 and 2 threads, and those it could not be. */
let threadsCompared = 0;
const threadsNotCompared: string[] = [];
/** Census-only run per (tool, graph, k, colour, threads): the basis of the extrapolation. */
const censusRuns = new Map<string, Run>();
const fmt = (r: Run | null, extrapolated = false): string =>
  r === null
    ? `>${(4 * budget).toFixed(0)}`
    : `${extrapolated ? "≈" : ""}${r.seconds.toFixed(r.seconds < 10 ? 3 : 1)} (${r.peakMB.toFixed(0)}${extrapolated ? "" : `, cpu ${r.cpu.toFixed(2)}`})`;

for (const job of jobs) {
  const cells: string[] = [];
  let nn = Infinity;
  let peerBest = Infinity;
  let peerBestName = "";
  let nnTotal: number | null = null;
  const jsonAt: string[] = [];
  for (const tool of present) {
    if (!tool.handles(job)) continue;
    for (const threads of tool.threaded ? [1, 2] : [1]) {
      const key = `${tool.name}|${job.graph.name}|${job.k}|${job.coloured}|${threads}`;
      let r: Run | null;
      let extrapolated = false;
      const basis = censusRuns.get(key);
      if (
        tool.name !== "nnmotifs" &&
        job.networks > 0 &&
        basis !== undefined &&
        basis.seconds * (job.networks + 1) > budget
      ) {
        // Far too long for this peer: time a few networks and scale the per-network part. One
        // thread: from the CPU time (wall times on a shared machine can even make it negative).
        const few = measure(tool, job, threads, EXTRAPOLATE_FROM);
        const perNetwork =
          few === null
            ? 0
            : Math.max(
                0,
                (threads === 1 ? few.cpu - basis.cpu : few.seconds - basis.seconds) /
                  EXTRAPOLATE_FROM,
              );
        const estimate = few && { ...few, seconds: basis.seconds + perNetwork * job.networks };
        // A peer that counts random networks cheaply (gtrieScanner and NetMODE count only the
        // original's classes) has a per-network cost lost in the noise of 2 networks: when the
        // extrapolation fits the budget, time the real run instead.
        if (estimate !== null && estimate.seconds <= budget) r = measure(tool, job, threads);
        else {
          r = estimate;
          extrapolated = true;
        }
      } else {
        r = measure(tool, job, threads);
      }
      if (job.networks === 0 && r !== null) censusRuns.set(key, r);
      cells.push(`${tool.name}${tool.threaded ? `/${threads}t` : ""} ${fmt(r, extrapolated)}`);
      if (r === null) continue;
      if (tool.name === "nnmotifs") {
        nn = Math.min(nn, r.seconds);
        nnTotal = r.total;
        jsonAt.push(r.json!);
      } else {
        if (r.seconds < peerBest) {
          peerBest = r.seconds;
          peerBestName = tool.threaded ? `${tool.name}/${threads}t` : tool.name;
        }
        if (nnTotal !== null && r.total !== nnTotal) {
          errors.push(
            `${label(job)}: ${tool.name} counts ${r.total} subgraphs, nnmotifs ${nnTotal}`,
          );
        }
      }
    }
  }
  const exactKey = `${job.graph.name}|${job.k}|${job.coloured}`;
  if (jsonAt.length > 0 && job.networks === 0 && !job.sample) exactJson.set(exactKey, jsonAt[0]);
  if (jsonAt.length > 0 && job.sample) {
    const exact = exactJson.get(exactKey);
    if (exact === undefined) cells.push("(no exact census in this run to check the errors)");
    else {
      const check = checkSampled(jsonAt[0], exact);
      cells.push(check.text);
      if (check.bad) errors.push(`${label(job)}: sampled estimates far outside the stated errors`);
    }
  }
  if (jsonAt.length === 2 && jsonAt[0] !== jsonAt[1]) {
    errors.push(`${label(job)}: nnmotifs census JSON differs between 1 and 2 threads`);
  } else if (jsonAt.length === 2) threadsCompared++;
  else threadsNotCompared.push(label(job));
  const name = label(job).replace(/ /g, "_");
  if (jsonAt.length > 0 && saveJson) writeFileSync(join(saveJson, `${name}.json`), jsonAt[0]);
  if (jsonAt.length > 0 && compareJson) {
    const before = join(compareJson, `${name}.json`);
    if (!existsSync(before)) cells.push("(no saved JSON)");
    else if (readFileSync(before, "utf8") !== jsonAt[0]) {
      errors.push(`${label(job)}: nnmotifs census JSON differs from ${before}`);
    } else cells.push("JSON = saved");
  }
  const ratio =
    Number.isFinite(peerBest) && Number.isFinite(nn)
      ? `  ×${(peerBest / nn).toFixed(2)} vs ${peerBestName}`
      : "";
  console.log(`${label(job).padEnd(32)} total ${nnTotal ?? "?"}${ratio}\n    ${cells.join("  ")}`);
}

rmSync(work, { recursive: true, force: true });
if (errors.length > 0) {
  console.error(`\n${errors.length} error(s):\n${errors.join("\n")}`);
  process.exitCode = 1;
} else {
  // A row whose 1- or 2-thread run was cut off (or not run) has nothing to compare.
  const skipped = threadsNotCompared.length
    ? ` (not compared, a run cut off or not run: ${threadsNotCompared.join("; ")})`
    : "";
  console.log(
    `\nall totals agree; nnmotifs JSON identical at 1 and 2 threads on ${threadsCompared} row${threadsCompared === 1 ? "" : "s"}${skipped}`,
  );
}
