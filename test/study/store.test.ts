import { spawnSync } from "node:child_process";
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
import { resolveStudyConfig } from "../../src/study/config.js";
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

  it("with wait: true, waits for the holder to release", async () => {
    const store = new LocalFolderStore(join(root, "waited"));
    const lock = await store.open();
    setTimeout(() => lock.release(), 150);
    const t0 = performance.now();
    const second = await new LocalFolderStore(join(root, "waited")).open({
      wait: true,
      pollMs: 20,
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
    second.release();
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
    const lock = await new LocalFolderStore(dir).open();
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    expect(existsSync(join(dir, ".x.json.tmp-1-1"))).toBe(false);
    lock.release();
  });
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
