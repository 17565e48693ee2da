/**
 * A progress bar on stderr for long runs — only when stderr is a terminal, so logs, pipes and
 * tests see nothing. cli-progress is loaded only when a bar is shown.
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

export async function progressBar(label: string, enabled = true): Promise<Progress> {
  if (!enabled || !process.stderr.isTTY) return silent;
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
