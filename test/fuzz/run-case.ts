/**
 * Runs one fuzz case in-process through `runNnmotifs` (the CLI without its process), capturing
 * stdout and stderr, in a fresh folder; reports what a user would see and what was left behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { runNnmotifs } from "../../src/cli/program.js";
import { DIR, type FuzzCase } from "./corpus.js";

export interface CaseRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Files in the case folder after the run that were not there before (outputs, temporaries). */
  readonly created: string[];
  readonly dir: string;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(root, path);
      out.push(rel);
      if (statSync(path).isDirectory()) walk(path);
    }
  };
  walk(root);
  return out;
}

export function caseFolder(c: FuzzCase, root?: string): string {
  const dir = mkdtempSync(join(root ?? tmpdir(), "nnm-fuzz-"));
  for (const [name, content] of Object.entries(c.files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (content === DIR) mkdirSync(path, { recursive: true });
    else writeFileSync(path, content);
  }
  return dir;
}

export const expand = (args: readonly string[], dir: string): string[] =>
  args.map((a) => a.replace(/@\//g, `${dir}/`).replace(/^(\S+):@\//, `$1:${dir}/`));

/** Run `args` in-process with stdout and stderr captured. */
export async function runInProcess(args: readonly string[]): Promise<{
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  const t0 = performance.now();
  let code: number;
  try {
    code = await runNnmotifs(["node", "nnmotifs", ...args]);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
  }
  return { code, stdout, stderr, seconds: (performance.now() - t0) / 1000 };
}

export async function runCase(c: FuzzCase, root?: string): Promise<CaseRun> {
  const dir = caseFolder(c, root);
  const before = new Set(listFiles(dir));
  const r = await runInProcess(expand(c.args, dir));
  const created = listFiles(dir).filter((f) => !before.has(f));
  return { ...r, created, dir };
}
