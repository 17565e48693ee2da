import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setLogger, type Logger } from "../../src/core/log.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { REPO_ROOT } from "../anchor.js";
import { readManifest } from "../../src/study/manifest.js";
import { runStudy } from "../../src/study/run-study.js";
import { LOCK_FILE, LocalFolderStore } from "../../src/study/store.js";

const TINY = {
  seeds: 1,
  snapshots: [],
  data: ["tree"],
  network: { hidden: [6, 5], inits: ["normal"] },
  training: { epochs: 2 },
  motifs: { sizes: [3], randomNetworks: 6 },
  sensitivity: { cutoffs: [] },
  threads: 1,
};
const root = mkdtempSync(join(tmpdir(), "nnmotifs-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has exited (a killed study's). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

/** A logger that keeps what it is given. */
function capture(): { logger: Logger; notes: string[] } {
  const notes: string[] = [];
  return { logger: { info: (m) => notes.push(m), warn: (m) => notes.push(m) }, notes };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? allFiles(join(dir, n)) : [n],
  );
}

describe("LocalFolderStore: the results-folder lock", () => {
  it("a second open of a held folder is refused, clearly; after release it succeeds", async () => {
    const store = new LocalFolderStore(join(root, "held"));
    const lock = await store.open();
    const second = new LocalFolderStore(join(root, "held"));
    await expect(second.open()).rejects.toThrow(/in use by another study \(pid \d+ on .*--wait/);
    lock.release();
    expect(existsSync(join(root, "held", LOCK_FILE))).toBe(false);
    (await second.open()).release();
  });

  it("with wait: true, says once that it waits, and waits for the holder to release", async () => {
    const store = new LocalFolderStore(join(root, "waited"));
    const lock = await store.open();
    setTimeout(() => lock.release(), 150);
    const t0 = performance.now();
    const { logger, notes } = capture();
    const previous = setLogger(logger);
    try {
      const second = await new LocalFolderStore(join(root, "waited")).open({
        wait: true,
        pollMs: 20,
      });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
      second.release();
    } finally {
      setLogger(previous);
    }
    expect(notes).toEqual([
      expect.stringMatching(/waited: in use by another study \(pid \d+ .*waiting for it to finish/),
    ]);
  });

  it("takes over the stale lock of a killed study (its pid is not alive)", async () => {
    const dir = join(root, "stale");
    const store = new LocalFolderStore(dir);
    (await store.open()).release();
    const pid = deadPid();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), startedAt: "2026-01-01T00:00:00Z" }),
    );
    // And a temporary file its atomic write left behind: swept once the lock is ours.
    writeFileSync(join(dir, ".x.json.tmp-1-1"), "half");
    const { logger, notes } = capture();
    const previous = setLogger(logger);
    const lock = await new LocalFolderStore(dir).open().finally(() => setLogger(previous));
    expect(notes).toEqual([
      expect.stringMatching(new RegExp(`pid ${pid}, started .*no longer running; taking over`)),
    ]);
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    expect(existsSync(join(dir, ".x.json.tmp-1-1"))).toBe(false);
    lock.release();
  });

  it("of studies racing for one stale lock, exactly one takes the folder", async () => {
    const dir = join(root, "race");
    const store = new LocalFolderStore(dir);
    (await store.open()).release();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: "2026-01-01T00:00:00Z" }),
    );
    // Each process says when it is ready, waits for a start file, then opens the folder; the
    // winner holds it until every other process has finished (a loaded machine may start them
    // seconds apart, so no fixed hold time).
    const go = join(root, "race-go");
    const stop = join(root, "race-stop");
    const script = `
      import { existsSync } from "node:fs";
      import { LocalFolderStore } from ${JSON.stringify(join(REPO_ROOT, "dist", "study", "store.js"))};
      process.stderr.write("ready\\n");
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 5));
      try {
        const lock = await new LocalFolderStore(${JSON.stringify(dir)}).open();
        process.stdout.write("won");
        const until = Date.now() + 20000;
        while (!existsSync(${JSON.stringify(stop)}) && Date.now() < until)
          await new Promise((r) => setTimeout(r, 5));
        lock.release();
      } catch (e) {
        process.stdout.write(/in use by another study/.test(e.message) ? "refused" : e.message);
      }`;
    let ready = 0;
    let closed = 0;
    let allReady: () => void = () => {};
    const readyAll = new Promise<void>((r) => (allReady = r));
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        if (d.toString().includes("ready") && ++ready === 6) allReady();
      });
      return new Promise<string>((done) =>
        child.on("close", () => {
          if (++closed === 5) writeFileSync(stop, "");
          done(out);
        }),
      );
    });
    await readyAll; // every process imported and polling
    writeFileSync(go, "");
    const outcomes = (await Promise.all(runs)).sort();
    expect(outcomes).toEqual(["refused", "refused", "refused", "refused", "refused", "won"]);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(LOCK_FILE))).toEqual([]);
  }, 30_000);
});

describe("runStudy: one study per results folder, cancellation", () => {
  it("a concurrent second study on the same folder is refused and does not disturb the first", async () => {
    const out = join(root, "concurrent");
    const first = runStudy(resolveStudyConfig({ ...TINY, out }));
    const second = runStudy(
      resolveStudyConfig({ ...TINY, motifs: { sizes: [3], randomNetworks: 7 }, out }),
    );
    await expect(second).rejects.toThrow(/in use by another study/);
    const done = await first;
    expect(done.manifest.status).toBe("complete");
    expect(readManifest(out).config.motifs.randomNetworks).toBe(6);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it("an aborted signal stops after the running step, leaves no partial file, and the next run resumes", async () => {
    const out = join(root, "cancelled");
    const controller = new AbortController();
    let finished = 0;
    const run = runStudy(resolveStudyConfig({ ...TINY, out }), {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "finish" && ++finished === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ exitCode: 130, message: /study cancelled/ });
    expect(readManifest(out).status).toBe("cancelled");
    expect(allFiles(out).filter((f) => /\.tmp-\d+-\d+$/.test(f))).toEqual([]);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    const resumed = await runStudy(resolveStudyConfig({ ...TINY, out }));
    expect(resumed.reused).toBe(2);
    expect(resumed.manifest.status).toBe("complete");
  });
});
