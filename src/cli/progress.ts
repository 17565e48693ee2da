/**
 * Progress of long runs on stderr, with an ETA: on a terminal a cli-progress bar (redrawn at most
 * every TERMINAL_INTERVAL_SECONDS); otherwise (logs, pipes, CI) a plain line every 10 seconds —
 * `train: epoch 12/100 (3 %), loss 0.4312, ETA 1 min 5 s` — so a long run is never silent and a
 * short one prints nothing. cli-progress is loaded only when a bar is shown.
 *
 * The ETA is ours in both modes (not cli-progress's, which reads "NFs" before the first item): the
 * rate measured from the first update on (work before it — loading TensorFlow.js, reading the
 * graph — is not charged to the remaining items) times what is left; before anything is done it is
 * the caller's estimate (`estimateSeconds`), if any, else "unknown". Callers may update as often
 * as they like (per batch): both modes throttle. NNMOTIFS_PROGRESS_INTERVAL (seconds, default 10)
 * sets the line interval when not a terminal; 0 prints every update (tests).
 */
export interface Progress {
  /** `detail`: shown after the count, e.g. "loss 0.4312". */
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted, after the count: "epoch" → "epoch 3/20"; default: "3/20 done". */
  readonly unit?: string;
  /** The count's text instead of `unit`'s, e.g. samples shown as "epoch 2/20 (7 %)". */
  readonly count?: (done: number, total: number) => string;
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

/** Seconds between two updates of a terminal bar. */
export const TERMINAL_INTERVAL_SECONDS = 0.5;

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

/**
 * The ETA of a run whose updates may start late (after loading) or mid-way (a resumed run): the
 * rate is measured from the first update, falling back to `etaSeconds` from `started` until an
 * item is done after it.
 */
export function etaClock(
  started: number,
  estimate?: number,
): (done: number, total: number, now: number) => number {
  let firstAt = NaN;
  let firstDone = 0;
  return (done, total, now) => {
    if (Number.isNaN(firstAt)) {
      firstAt = now;
      firstDone = done;
    }
    if (done >= total) return 0;
    if (done > firstDone) return ((now - firstAt) / 1000 / (done - firstDone)) * (total - done);
    return etaSeconds(done, total, (now - started) / 1000, estimate);
  };
}

function countText(options: ProgressOptions, done: number, total: number): string {
  if (options.count) return options.count(done, total);
  return options.unit === undefined ? `${done}/${total} done` : `${options.unit} ${done}/${total}`;
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
  const eta = etaClock(started, options.estimateSeconds);
  let last = started;
  return {
    update(done, total, detail) {
      const now = performance.now();
      const seconds = eta(done, total, now);
      // Nothing to say before the first item without an estimate: "ETA unknown" is no news.
      if (done >= total || now - last < every || !Number.isFinite(seconds)) return;
      last = now;
      const count = countText(options, done, total);
      write(`${label}: ${count}${detail ? `, ${detail}` : ""}, ETA ${formatEta(seconds)}`);
    },
    stop() {},
  };
}

async function terminalBar(label: string, options: ProgressOptions): Promise<Progress> {
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {count}{detail} | ETA {etaText}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  const eta = etaClock(performance.now(), options.estimateSeconds);
  let started = false;
  let last = -Infinity;
  return {
    update(done, total, detail) {
      const now = performance.now();
      const seconds = eta(done, total, now);
      if (started && done < total && now - last < TERMINAL_INTERVAL_SECONDS * 1000) return;
      last = now;
      const payload = {
        count: countText(options, done, total),
        detail: detail ? `, ${detail}` : "",
        etaText: formatEta(seconds),
      };
      if (!started) {
        bar.start(total, done, payload);
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
