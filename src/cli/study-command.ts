/**
 * `nnmotifs study`: the whole study in one command (issue 4). The configuration, the runner and
 * TensorFlow.js are loaded inside the action, so other commands never pay for them.
 */
import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";
import type { StudyEvent } from "../study/executor.js";

interface StudyCliOptions {
  config?: string;
  out?: string;
  quick?: boolean;
  printConfig?: boolean;
  printPlan?: boolean;
  quiet?: boolean;
  threads?: string;
  force?: boolean;
  plan?: boolean;
  wait?: boolean;
  queue?: string;
  preset?: string;
  seeds?: string;
  mnist?: string;
  maxTime?: string;
  maxMemory?: string;
  acceptCost?: boolean;
  reanalyse?: boolean;
}

export function register(program: Command): void {
  program
    .command("study")
    .description(
      "run the study: data → training → graphs → motif census under each null → analyses → report.html",
    )
    .option(
      "-c, --config <file>",
      "study configuration (YAML, e.g. examples/study.yaml); default: the built-in study",
    )
    .option("-o, --out <dir>", "results folder (overrides the config's `out`)")
    .option("--quick", "a sub-minute smoke version (fewer epochs, size 3, 20 random networks)")
    .option(
      "--preset <name>",
      "start from a named study: default, quick, or paper (the paper's architectures and MNIST-format data); --config values override it",
    )
    .option("--seeds <n|list>", "replicates per architecture: a number or a comma-separated list")
    .option(
      "--mnist <dir>",
      "MNIST-format IDX folder for the paper preset (default /usr/share/datasets/fashion-mnist)",
    )
    .option("--print-config", "print the resolved configuration (every default) and exit")
    .option("-q, --quiet", "print nothing but errors")
    .option("--threads <n>", "census worker threads (default: the config's, `auto` = all cores)")
    .option("--force", "redo every step, even finished ones")
    .option(
      "--reanalyse",
      "re-run only the analyses and the report on the training and counts already in the results folder, whatever nnmotifs version made them",
    )
    .option("--plan", "print the plan (steps per stage, which are cached, estimated time) and exit")
    .option("--print-plan", "the same as --plan")
    .option(
      "--wait",
      "when another study holds the results folder, wait for it instead of refusing",
    )
    .option(
      "--queue <url>",
      "run the steps on a job queue (redis://host:port[/db]) served by `nnmotifs worker`",
    )
    .option("--max-time <duration>", "refuse a study estimated to take longer (default 2h)")
    .option("--max-memory <size>", "refuse a study estimated to need more (default: free memory)")
    .option("--accept-cost", "run even when the estimate is above --max-time/--max-memory")
    .action(async (opts: StudyCliOptions) => {
      await studyAction(opts);
    });
}

async function studyAction(opts: StudyCliOptions): Promise<void> {
  const { loadStudyConfig, formatStudyConfig } = await import("../study/config.js");
  const { checkInputFile, checkOutputDirectory, MAX_CONFIG_BYTES } =
    await import("../core/input-file.js");
  if (opts.config !== undefined) {
    checkInputFile(opts.config, { what: "study configuration", maxBytes: MAX_CONFIG_BYTES });
  }
  if (opts.out !== undefined) checkOutputDirectory(opts.out);
  let threads: number | undefined;
  if (opts.threads !== undefined && opts.threads !== "auto") {
    threads = Number(opts.threads);
    if (!/^\d+$/.test(opts.threads) || threads < 1 || threads > 256) {
      throw new NnmotifsError(
        `invalid --threads "${opts.threads}". Should be an integer 1..256 or "auto".`,
      );
    }
  }
  const { studyPreset, withMnist, DEFAULT_MNIST } = await import("../study/presets.js");
  const preset = opts.preset === undefined ? undefined : studyPreset(opts.preset);
  if (opts.mnist !== undefined && preset === undefined) {
    throw new NnmotifsError(
      "--mnist needs --preset paper (a config names its idx: folder itself).",
    );
  }
  if (opts.mnist !== undefined) checkMnistFolder(opts.mnist);
  const base =
    preset === undefined
      ? undefined
      : opts.mnist !== undefined
        ? withMnist(preset.config, opts.mnist)
        : preset.config;
  const seeds = opts.seeds === undefined ? undefined : parseSeeds(opts.seeds);
  const config = loadStudyConfig(opts.config, {
    quick: (opts.quick ?? false) || (preset?.quick ?? false),
    ...(base !== undefined ? { base } : {}),
    overrides: {
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      ...(threads !== undefined ? { threads } : opts.threads === "auto" ? { threads: "auto" } : {}),
      ...(seeds !== undefined ? { seeds } : {}),
    },
  });
  const { dataEntryOf } = await import("../study/config.js");
  const usesDefaultMnist = config.data.some((e) => dataEntryOf(e).set === DEFAULT_MNIST);
  if (opts.printConfig) {
    process.stdout.write(formatStudyConfig(config));
    return;
  }
  if (usesDefaultMnist && !opts.quiet) {
    process.stderr.write(
      `MNIST-format data: ${DEFAULT_MNIST.slice(4)} (Fashion-MNIST, Debian package dataset-fashion-mnist); --mnist DIR for another.\n`,
    );
  }
  const { describePlan } = await import("../study/run-study.js");
  if (opts.plan || opts.printPlan) {
    process.stdout.write(formatPlan(await describePlan(config), config.out));
    return;
  }
  const quiet = opts.quiet ?? false;
  const reanalyse = opts.reanalyse ?? false;
  if (reanalyse && (opts.force || opts.queue !== undefined)) {
    throw new NnmotifsError(
      `--reanalyse re-reads the finished steps of ${config.out}: it does not go with ${opts.force ? "--force" : "--queue"}.`,
    );
  }
  // Only the analyses and the report run under --reanalyse: nothing to guard.
  const cost = await guardCost(config, reanalyse ? { ...opts, acceptCost: true } : opts);
  const executor = opts.queue === undefined ? undefined : await queueExecutor(opts.queue, config);
  const { setLogger, quietLogger } = await import("../core/log.js");
  const previous = quiet ? setLogger(quietLogger) : null;
  const view = quiet ? null : await StepListView.create(cost.estimates);
  const { runStudy } = await import("../study/run-study.js");
  const { relative } = await import("node:path");
  if (view) {
    const c = config;
    const { studyReplicates } = await import("../study/plan.js");
    const replicates = studyReplicates(c);
    const architectures = [...new Set(replicates.map((r) => r.architecture))];
    const seedList = [...new Set(replicates.map((r) => r.seed))];
    view.line(
      `nnmotifs study → ${c.out}/  (${c.data.map((e) => dataEntryOf(e).set).join(", ")} × ${c.network.inits.join(", ")}; ` +
        `architectures ${architectures.join(", ")}; seeds ${seedList.join(", ")}; ` +
        `motif sizes ${c.motifs.sizes.join(", ")}; ${c.motifs.randomNetworks} random networks; ` +
        `nulls ${c.motifs.nulls.join(", ")})`,
    );
    // The time estimate up front: the cost model's, or the last run's time of a step.
    if (reanalyse) {
      view.line("--reanalyse: the finished steps are taken as they are; analyses and report run");
    } else {
      const planned = await describePlan(config);
      const toRun = planned.steps.filter((s) => !s.cached);
      view.line(
        `plan: ${planned.steps.length} steps, ${planned.steps.length - toRun.length} cached; ` +
          `estimated ${duration(toRun.reduce((a, s) => a + s.seconds, 0))} (--plan lists them)`,
      );
    }
  }
  const t0 = performance.now();
  // Ctrl-C: stop after the running step's outputs are safe (a second Ctrl-C exits at once).
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    view?.stop();
    process.stderr.write("cancelling… (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    const outcome = await runStudy(config, {
      force: opts.force ?? false,
      reanalyse,
      wait: opts.wait ?? false,
      signal: controller.signal,
      onEvent: (e) => view?.event(e),
      ...(executor !== undefined ? { executor: executor(view) } : {}),
    });
    view?.stop();
    if (!quiet) {
      const secs = (performance.now() - t0) / 1000;
      const stages = Object.entries(outcome.manifest.stageSeconds)
        .map(([s, v]) => `${s} ${v.toFixed(1)} s`)
        .join(", ");
      process.stderr.write(
        `done in ${secs.toFixed(1)} s (${stages}); ${outcome.ran} steps run, ${outcome.reused} reused\n`,
      );
      const rel = relative(process.cwd(), outcome.reportPath);
      process.stdout.write(`report: ${rel.startsWith("..") ? outcome.reportPath : rel}\n`);
    }
  } finally {
    process.off("SIGINT", onSigint);
    view?.stop();
    if (previous) setLogger(previous);
  }
}

/** `--seeds 5` or `--seeds 1,4,9`. */
function parseSeeds(text: string): number | number[] {
  const bad = (): never => {
    throw new NnmotifsError(
      `invalid --seeds "${text}". Should be a number of seeds (1..10000) or a comma-separated list of distinct seeds (0..4294967295).`,
    );
  };
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 10000 ? n : bad();
  }
  const list = text.split(",").map((s) => s.trim());
  if (!list.every((s) => /^\d+$/.test(s))) bad();
  const seeds = list.map(Number);
  if (seeds.some((s) => s > 0xffffffff) || new Set(seeds).size !== seeds.length) bad();
  return seeds;
}

/** `--mnist DIR`: a folder (its IDX files are checked when the data are read). */
function checkMnistFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new NnmotifsError(`--mnist: ${dir} is not a folder (MNIST-format IDX files expected).`);
  }
}

/** The cost guard (study/cost-guard.ts): print the estimate, refuse above the limits. */
async function guardCost(
  config: import("../study/config.js").StudyConfig,
  opts: StudyCliOptions,
): Promise<import("../study/cost-guard.js").StudyCostEstimate> {
  const { guardStudy, parseDuration } = await import("../study/cost-guard.js");
  const { parseMemorySize } = await import("../core/memory-budget.js");
  const { availableParallelism } = await import("node:os");
  return guardStudy(config, {
    maxSeconds: opts.maxTime === undefined ? undefined : parseDuration(opts.maxTime),
    maxBytes: opts.maxMemory === undefined ? undefined : parseMemorySize(opts.maxMemory),
    accept: (opts.acceptCost ?? false) || (opts.force ?? false),
    redoAll: opts.force ?? false,
    threads: config.threads === "auto" ? availableParallelism() : config.threads,
    print: opts.quiet ? null : (line) => process.stderr.write(`${line}\n`),
  });
}

/** `--queue`: the queue executor (the URL is checked before anything is written). */
async function queueExecutor(
  url: string,
  config: import("../study/config.js").StudyConfig,
): Promise<(view: StepListView | null) => import("../study/executor.js").StudyExecutor> {
  const { parseQueueUrl } = await import("../queue/connection.js");
  parseQueueUrl(url);
  const { QueueExecutor, formatGrid } = await import("../study/queue-executor.js");
  const { studyId } = await import("../study/redis-store.js");
  const { resolve } = await import("node:path");
  const id = studyId(resolve(config.out), config);
  return (view) => {
    // A grid line when a step finishes or fails, else at most every 2 s.
    let last = "";
    let lastDone = -1;
    let lastTime = 0;
    return new QueueExecutor({
      url,
      studyId: id,
      onGrid: (g) => {
        const line = formatGrid(g);
        const done = g.stages.reduce((a, s) => a + s.done + s.failed, 0);
        const now = performance.now();
        if (view === null || line === last) return;
        if (done === lastDone && now - lastTime < 2000) return;
        view.line(`  grid: ${line}`);
        [last, lastDone, lastTime] = [line, done, now];
      },
    });
  };
}

/** `--plan`: a line per stage (steps, cached, time), then its steps. */
function formatPlan(
  described: Awaited<ReturnType<typeof import("../study/run-study.js").describePlan>>,
  out: string,
): string {
  const { steps } = described;
  const toRun = steps.filter((s) => !s.cached);
  const total = toRun.reduce((a, s) => a + s.seconds, 0);
  const lines = [
    `plan of the study → ${out}/: ${steps.length} steps, ${steps.length - toRun.length} cached, ` +
      `${toRun.length} to run, estimated ${duration(total)}`,
  ];
  const stages = [...new Set(steps.map((s) => s.spec.stage))];
  for (const stage of stages) {
    const list = steps.filter((s) => s.spec.stage === stage);
    const run = list.filter((s) => !s.cached);
    lines.push(
      `${stage} (${list.length} step${list.length === 1 ? "" : "s"}, ${list.length - run.length} cached, ` +
        `~${duration(run.reduce((a, s) => a + s.seconds, 0))})`,
    );
    for (const s of list) {
      const cost = s.cached
        ? "cached"
        : `~${duration(s.seconds)}${s.measured ? " (last run)" : ""}`;
      lines.push(`  ${s.cached ? "↺" : "·"} ${s.spec.label}  ${cost}`);
    }
  }
  return lines.join("\n") + "\n";
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.round(seconds - 60 * m)} s` : `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Where the step list goes and the clock its ETAs read: the terminal and `performance.now()`, or a
 * fake terminal and a fake clock in tests (test/cli/study-progress-tty.test.ts).
 */
export interface StepListIo {
  /** A bar is drawn when `isTTY` is set; cli-progress also reads `columns`. */
  readonly stream: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  /** Milliseconds, as `performance.now()`. */
  readonly now: () => number;
}

/**
 * The step list on stderr: one line per finished step; while a long step runs, a cli-progress bar
 * (on a terminal) that the step's line replaces when it ends. Plain lines when not a TTY.
 */
export class StepListView {
  private bar: import("cli-progress").SingleBar | null = null;
  /** The running bar's ETA (seconds left from done/total), as the plain lines have it. */
  private barEta: ((done: number, total: number, now: number) => number) | null = null;
  // Not on a terminal: a long step's progress as a line every few seconds.
  private lines: import("./progress.js").Progress | null = null;
  // The study's ETA: what is left of the estimates, scaled by how fast the steps run so far.
  private estimateLeft: number;
  private estimateDone = 0;
  private secondsDone = 0;
  // Per stage: a queue runs steps of several stages at once.
  private readonly done = new Map<string, number>();
  private readonly total = new Map<string, number>();

  private constructor(
    private readonly tty: boolean,
    private readonly progress: typeof import("cli-progress") | null,
    private readonly estimates: ReadonlyMap<string, number>,
    private readonly lineProgress: typeof import("./progress.js"),
    private readonly io: StepListIo,
  ) {
    this.estimateLeft = [...estimates.values()].reduce((a, b) => a + b, 0);
  }

  static async create(
    estimates: ReadonlyMap<string, number>,
    io: StepListIo = { stream: process.stderr, now: () => performance.now() },
  ): Promise<StepListView> {
    const tty = Boolean(io.stream.isTTY);
    const progress = tty ? (await import("cli-progress")).default : null;
    return new StepListView(tty, progress, estimates, await import("./progress.js"), io);
  }

  /** ", ETA 3 min 5 s" after a step ran; "" when nothing is left or nothing ran yet. */
  private studyEta(id: string, seconds: number): string {
    const estimate = this.estimates.get(id);
    if (estimate === undefined) return "";
    this.estimateLeft = Math.max(0, this.estimateLeft - estimate);
    this.estimateDone += estimate;
    this.secondsDone += seconds;
    if (this.estimateLeft <= 0 || this.estimateDone <= 0) return "";
    // Speed so far (measured / estimated), pulled towards 1 by a prior worth a tenth of the
    // plan: one slow first step (loading TensorFlow.js) must not multiply the whole ETA.
    const prior = Math.max(5, 0.1 * (this.estimateLeft + this.estimateDone));
    const speed = Math.min(
      10,
      Math.max(0.1, (this.secondsDone + prior) / (this.estimateDone + prior)),
    );
    return `  (study ETA ${this.lineProgress.formatEta(this.estimateLeft * speed)})`;
  }

  line(text: string): void {
    this.io.stream.write(`${text}\n`);
  }

  event(e: StudyEvent): void {
    switch (e.type) {
      case "stage":
        this.done.set(e.stage, 0);
        this.total.set(e.stage, e.steps);
        this.line(`${e.stage} (${e.steps} step${e.steps === 1 ? "" : "s"})`);
        return;
      case "start":
        if (e.long && this.tty && this.progress) {
          this.bar = new this.progress.SingleBar(
            {
              format: `  … ${e.label} [{bar}] {value}/{total} | ETA {etaText}`,
              stream: this.io.stream as NodeJS.WriteStream,
              clearOnComplete: true,
              hideCursor: true,
              barsize: 24,
            },
            this.progress.Presets.shades_classic,
          );
          this.barEta = this.lineProgress.etaClock(this.io.now(), this.estimates.get(e.id));
          const first = this.barEta(0, 1, this.io.now());
          this.bar.start(1, 0, { etaText: this.lineProgress.formatEta(first) });
        } else if (e.long) {
          this.lines = this.lineProgress.progressLines(`  … ${e.label}`, {
            estimateSeconds: this.estimates.get(e.id),
            write: (text) => void this.io.stream.write(`${text}\n`),
          });
        }
        return;
      case "progress":
        if (this.bar) {
          const seconds = this.barEta?.(e.done, e.total, this.io.now()) ?? NaN;
          this.bar.setTotal(e.total);
          this.bar.update(e.done, { etaText: this.lineProgress.formatEta(seconds) });
        }
        this.lines?.update(e.done, e.total);
        return;
      case "finish": {
        this.stop();
        const done = (this.done.get(e.step.stage) ?? 0) + 1;
        this.done.set(e.step.stage, done);
        const mark = e.reused ? "↺" : "✓";
        const time = e.reused
          ? "reused"
          : `${e.seconds.toFixed(1)} s${this.studyEta(e.id, e.seconds)}`;
        this.line(`  ${mark} [${done}/${this.total.get(e.step.stage) ?? 0}] ${e.label}  ${time}`);
        return;
      }
    }
  }

  stop(): void {
    this.lines = null;
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
  }
}
