/**
 * `nnmotifs study`: the whole study in one command (issue 4). The configuration, the runner and
 * TensorFlow.js are loaded inside the action, so other commands never pay for them.
 */
import type { Command } from "commander";
import { NnmotifsError } from "../core/errors.js";
import type { StudyEvent } from "../study/run-study.js";

interface StudyCliOptions {
  config?: string;
  out?: string;
  quick?: boolean;
  printConfig?: boolean;
  quiet?: boolean;
  threads?: string;
  force?: boolean;
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
    .option("--print-config", "print the resolved configuration (every default) and exit")
    .option("-q, --quiet", "print nothing but errors")
    .option("--threads <n>", "census worker threads (default: the config's, `auto` = all cores)")
    .option("--force", "redo every step, even finished ones")
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
  const config = loadStudyConfig(opts.config, {
    quick: opts.quick ?? false,
    overrides: {
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      ...(threads !== undefined ? { threads } : opts.threads === "auto" ? { threads: "auto" } : {}),
    },
  });
  if (opts.printConfig) {
    process.stdout.write(formatStudyConfig(config));
    return;
  }
  const quiet = opts.quiet ?? false;
  const { setLogger, quietLogger } = await import("../core/log.js");
  const previous = quiet ? setLogger(quietLogger) : null;
  const view = quiet ? null : await StepListView.create();
  const { runStudy } = await import("../study/run-study.js");
  const { relative } = await import("node:path");
  if (view) {
    const c = config;
    view.line(
      `nnmotifs study → ${c.out}/  (${c.data.join(", ")} × ${c.network.inits.join(", ")}; ` +
        `motif sizes ${c.motifs.sizes.join(", ")}; ${c.motifs.randomNetworks} random networks; ` +
        `nulls ${c.motifs.nulls.join(", ")}; seed ${c.seed})`,
    );
  }
  const t0 = performance.now();
  try {
    const outcome = await runStudy(config, {
      force: opts.force ?? false,
      onEvent: (e) => view?.event(e),
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
    view?.stop();
    if (previous) setLogger(previous);
  }
}

/**
 * The step list on stderr: one line per finished step; while a long step runs, a cli-progress bar
 * (on a terminal) that the step's line replaces when it ends. Plain lines when not a TTY.
 */
class StepListView {
  private bar: import("cli-progress").SingleBar | null = null;
  private done = 0;
  private total = 0;

  private constructor(
    private readonly tty: boolean,
    private readonly progress: typeof import("cli-progress") | null,
  ) {}

  static async create(): Promise<StepListView> {
    const tty = Boolean(process.stderr.isTTY);
    const progress = tty ? (await import("cli-progress")).default : null;
    return new StepListView(tty, progress);
  }

  line(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  event(e: StudyEvent): void {
    switch (e.type) {
      case "stage":
        this.done = 0;
        this.total = e.steps;
        this.line(`${e.stage} (${e.steps} step${e.steps === 1 ? "" : "s"})`);
        return;
      case "start":
        if (e.long && this.tty && this.progress) {
          this.bar = new this.progress.SingleBar(
            {
              format: `  … ${e.label} [{bar}] {value}/{total}`,
              stream: process.stderr,
              clearOnComplete: true,
              hideCursor: true,
              barsize: 24,
            },
            this.progress.Presets.shades_classic,
          );
          this.bar.start(1, 0);
        }
        return;
      case "progress":
        if (this.bar) {
          this.bar.setTotal(e.total);
          this.bar.update(e.done);
        }
        return;
      case "finish": {
        this.stop();
        this.done++;
        const mark = e.reused ? "↺" : "✓";
        const time = e.reused ? "reused" : `${e.seconds.toFixed(1)} s`;
        this.line(`  ${mark} [${this.done}/${this.total}] ${e.label}  ${time}`);
        return;
      }
    }
  }

  stop(): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = null;
    }
  }
}
