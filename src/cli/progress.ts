/**
 * Progress of long runs on stderr, with an ETA: on a terminal a cli-progress bar; otherwise (logs,
 * pipes, CI) a plain line every 10 seconds — `train: epoch 12/100, loss 0.4312, ETA 1 min 5 s` —
 * so a long run is never silent and a short one prints nothing. cli-progress is loaded only when a
 * bar is shown.
 *
 * The ETA is the rate so far times what is left; before the first item is done it is the caller's
 * estimate (`estimateSeconds`), if any. NNMOTIFS_PROGRESS_INTERVAL (seconds, default 10) sets the
 * line interval when not a terminal; 0 prints every update (tests).
 */
export interface Progress {
  /** `detail`: shown after the count, e.g. "loss 0.4312". */
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted, after the count: "epoch" → "epoch 3/20"; default: "3/20 done". */
  readonly unit?: string;
  /** Estimated seconds of the whole run, for an ETA before the first item is done. */
  readonly estimateSeconds?: number;
  /** Force the mode (tests); default: a bar when stderr is a terminal. */
  readonly tty?: boolean;
  /** Where lines go (default stderr). */
  readonly write?: (line: string) => void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

/** Default seconds between two plain progress lines. */
export const PROGRESS_INTERVAL_SECONDS = 10;

function intervalSeconds(): number {
  const text = process.env.NNMOTIFS_PROGRESS_INTERVAL;
  const value = text === undefined || text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? value : PROGRESS_INTERVAL_SECONDS;
}

/** "42 s", "3 min 5 s", "2.1 h". */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "unknown";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return `${m} min ${Math.round(seconds - 60 * m)} s`;
  }
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Seconds left: the rate so far, or the estimate before anything is done. */
export function etaSeconds(
  done: number,
  total: number,
  elapsed: number,
  estimate?: number,
): number {
  if (done >= total) return 0;
  if (done > 0) return (elapsed / done) * (total - done);
  return estimate === undefined ? NaN : Math.max(0, estimate - elapsed);
}

export async function progressBar(
  label: string,
  enabled = true,
  options: ProgressOptions = {},
): Promise<Progress> {
  if (!enabled) return silent;
  const tty = options.tty ?? Boolean(process.stderr.isTTY);
  return tty ? terminalBar(label, options) : progressLines(label, options);
}

/** Plain lines at most every NNMOTIFS_PROGRESS_INTERVAL seconds (not on a terminal). */
export function progressLines(label: string, options: ProgressOptions = {}): Progress {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const every = intervalSeconds() * 1000;
  const started = performance.now();
  let last = started;
  return {
    update(done, total, detail) {
      const now = performance.now();
      if (done >= total || now - last < every) return;
      last = now;
      const eta = etaSeconds(done, total, (now - started) / 1000, options.estimateSeconds);
      const count =
        options.unit === undefined ? `${done}/${total} done` : `${options.unit} ${done}/${total}`;
      write(`${label}: ${count}${detail ? `, ${detail}` : ""}, ETA ${formatEta(eta)}`);
    },
    stop() {},
  };
}

async function terminalBar(label: string, options: ProgressOptions): Promise<Progress> {
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const unit = options.unit === undefined ? "" : `${options.unit} `;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] ${unit}{value}/{total}{detail} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, detail) {
      const payload = { detail: detail ? `, ${detail}` : "" };
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
