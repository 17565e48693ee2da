/**
 * The study's step list on a terminal (src/cli/study-command.ts, StepListView): while a long step
 * runs, a cli-progress bar whose ETA falls as the step's items are done, replaced by the step's
 * line when it finishes. A fake TTY stream takes the writes; a fake clock drives the ETA and fake
 * timers drive cli-progress's redraws.
 */
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StepListView } from "../../src/cli/study-command.js";
import type { ManifestStep } from "../../src/study/manifest.js";

/** A writable that says it is a terminal and keeps what it was given. */
class FakeTty extends Writable {
  readonly isTTY = true;
  readonly columns = 120;
  text = "";
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The ETAs the bar showed, in order, in seconds. */
function barEtas(text: string): number[] {
  const seconds = (eta: string): number => {
    const m = /^(?:(\d+) min )?(\d+) s$/.exec(eta);
    return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
  };
  return [...text.replace(ANSI, "\n").matchAll(/\| ETA ([^\n|]+?)\s*(?=\n|$)/g)].map((m) =>
    seconds(m[1].trim()),
  );
}

describe("study progress on a terminal", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a bar with a falling ETA, then replaces it with the step's line", async () => {
    const stream = new FakeTty();
    let now = 0;
    const view = await StepListView.create(new Map([["census-a", 100]]), {
      stream,
      now: () => now,
    });
    const flush = async (ms: number): Promise<void> => {
      now += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    view.event({ type: "stage", stage: "census", steps: 1 });
    view.event({ type: "start", id: "census-a", label: "census of a", long: true });
    await flush(200);
    // Before anything is done, the ETA is the step's estimate (100 s) less the time gone.
    const total = 10;
    for (let done = 0; done <= 8; done++) {
      view.event({ type: "progress", id: "census-a", done, total });
      await flush(5000); // 5 s an item: the rate says 5 s × the items left
    }
    const barText = stream.text;
    expect(barText).toContain("… census of a [");
    expect(barText).toMatch(/\d+\/10 \| ETA/);
    const etas = barEtas(barText).filter((s) => Number.isFinite(s));
    expect(etas.length).toBeGreaterThanOrEqual(4);
    expect(etas[0]).toBeGreaterThanOrEqual(90); // from the estimate
    expect(etas[etas.length - 1]).toBeLessThanOrEqual(15); // 8 of 10 done at 5 s each
    for (let i = 1; i < etas.length; i++) expect(etas[i]).toBeLessThanOrEqual(etas[i - 1]);
    expect(etas[etas.length - 1]).toBeLessThan(etas[0]);

    const before = stream.text.length;
    view.event({
      type: "finish",
      id: "census-a",
      label: "census of a",
      reused: false,
      seconds: 45.2,
      step: { stage: "census" } as unknown as ManifestStep,
    });
    await flush(1000);
    const after = stream.text.slice(before);
    // The bar's row is erased (clearOnComplete: column 1, erase the whole line) and the step's
    // line written over it: no bar redrawn and no line feed in between.
    const lineAt = after.indexOf("  ✓ [1/1] census of a  45.2 s\n");
    expect(lineAt).toBeGreaterThan(0);
    const between = after.slice(0, lineAt);
    expect(between).toContain("\u001b[2K");
    expect(between).not.toContain("| ETA");
    expect(between).not.toContain("\n");
    // Nothing of the bar is drawn after the step's line.
    expect(after.slice(lineAt)).not.toContain("| ETA");
    view.stop();
  });
});
