/**
 * A full disk (issue 13, "Must show"): a census and a study writing into a real 64 MiB tmpfs that
 * is full say "no space left on the device … while writing <file>", exit 2, leave nothing
 * half-written, and after space is freed the same command completes (the study resumes from its
 * finished steps). Mounting a tmpfs needs root: elsewhere the tests are skipped, saying so (the
 * simulated ENOSPC of test/core/input-file.test.ts still runs).
 * Spawns dist/cli/main.js: run `npm run build` first when running this file alone.
 */
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, anchorFile } from "../anchor.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const base = mkdtempSync(join(tmpdir(), "nnmotifs-full-disk-"));
const mnt = join(base, "disk");
let mounted = false;
let why = "";

beforeAll(() => {
  mkdirSync(mnt);
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt], {
    encoding: "utf8",
  });
  mounted = r.status === 0;
  why = mounted ? "" : (r.stderr || r.error?.message || "mount failed").trim();
  if (!mounted) {
    process.stderr.write(
      `full-disk tests skipped: cannot mount a tmpfs here (${why}); needs root\n`,
    );
  }
});

afterAll(() => {
  if (mounted) spawnSync("umount", [mnt]);
  rmSync(base, { recursive: true, force: true });
});

function nnmotifs(args: string[], timeout = 180_000) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout });
}

/** Fill the disk but `leave` bytes; returns the filler's path. */
function fill(leave: number): string {
  const filler = join(mnt, "filler");
  const { bavail, bsize } = statSyncFs(mnt);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leave)));
  return filler;
}

function statSyncFs(path: string): { bavail: number; bsize: number } {
  const s = statfsSync(path);
  return { bavail: Number(s.bavail), bsize: Number(s.bsize) };
}

/** Every file under `dir` (relative paths). */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe("a full disk", () => {
  it("census --out: one clear line, exit 2, no file; after freeing space the same command writes it", (ctx) => {
    if (!mounted) ctx.skip();
    const out = join(mnt, "census.json");
    const args = [
      "census",
      anchorFile("init_w_Graph.txt"),
      "--size",
      "4",
      "--random",
      "0",
      "--format",
      "json",
      "--out",
      out,
    ];
    const filler = fill(4096);
    const full = nnmotifs(args);
    expect(full.status, full.stderr).toBe(2);
    const lines = full.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `nnmotifs: no space left on the device of ${mnt} while writing ${out}. Free some space and run again.`,
    );
    expect(readdirSync(mnt)).toEqual(["filler"]); // no output, no temporary file
    rmSync(filler);
    const again = nnmotifs(args);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).size).toBe(4);
    rmSync(out);
  });

  it("study: stops with the file it could not write, keeps only whole files, and resumes once space is freed", (ctx) => {
    if (!mounted) ctx.skip();
    const out = join(mnt, "study");
    // Room for the models, graphs and some censuses of the quick study, not all of it.
    const filler = fill(1_200_000);
    const full = nnmotifs(["study", "--quick", "--out", out, "--threads", "1"]);
    expect(full.status, full.stderr).toBe(2);
    const last = full.stderr.trim().split("\n").at(-1) ?? "";
    expect(last).toMatch(
      new RegExp(
        `^nnmotifs: .+: no space left on the device of ${mnt}/study/.* while writing ${mnt}/study/.+\\. Free some space and run again\\.$`,
      ),
    );
    expect(full.stderr).not.toMatch(/internal error|\n\s+at /);
    const kept = files(out);
    expect(kept.some((f) => /(^|\/)models\//.test(f))).toBe(true);
    expect(kept.filter((f) => /\.tmp-/.test(f))).toEqual([]);
    for (const f of kept.filter((f) => f.endsWith(".json"))) {
      expect(() => JSON.parse(readFileSync(join(out, f), "utf8")), f).not.toThrow();
    }
    rmSync(filler);
    const again = nnmotifs(["study", "--quick", "--out", out, "--threads", "1"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/↺/); // finished steps reused
    expect(again.stderr).toMatch(/steps run, [1-9]\d* reused/);
    expect(statSync(join(out, "report.html")).size).toBeGreaterThan(1000);
  });
});
