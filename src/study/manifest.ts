/**
 * `manifest.json`: what a results folder is, in one file — the resolved configuration, the seed of
 * every step, the versions that produced it, each step's input hash (its cache key), output hashes
 * and timings, and the wall time of each stage of this run. Written atomically at the start of a run
 * (status "running"), after each stage, and at the end ("complete", "cancelled", or "failed"
 * naming the step).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeJsonAtomicSync } from "../core/atomic-write.js";
import type { StudyConfig } from "./config.js";

/** The stages of a study, in order. */
export const STAGES = ["train", "graphs", "census", "analysis", "report"] as const;
export type Stage = (typeof STAGES)[number];

export interface ManifestStep {
  readonly id: string;
  readonly stage: Stage;
  /** The step's seed (derived from the study seed), when it draws random numbers. */
  readonly seed: number | null;
  /** Cache key: content hash of the step's inputs. */
  readonly inputHash: string;
  /** Hash of its output files' hashes. */
  readonly outputHash: string;
  readonly outputs: Readonly<Record<string, string>>;
  /** True when this run reused the step's earlier result. */
  readonly reused: boolean;
  /** Seconds the step took when it ran (for a reused step: when it originally ran). */
  readonly seconds: number;
}

export interface Manifest {
  readonly format: "nnmotifs-study";
  readonly version: 1;
  readonly status: "running" | "complete" | "failed" | "cancelled";
  /** The step that threw, when status is "failed". */
  readonly failedStep?: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly config: StudyConfig;
  readonly versions: Readonly<Record<string, string>>;
  /** Wall-clock seconds of each stage in this run (reused steps cost ~0). */
  readonly stageSeconds: Readonly<Partial<Record<Stage, number>>>;
  /** Seconds each stage took when its steps actually ran (sum of step times, reused included). */
  readonly stageComputeSeconds: Readonly<Partial<Record<Stage, number>>>;
  readonly totalSeconds: number;
  readonly steps: readonly ManifestStep[];
}

export const MANIFEST_FILE = "manifest.json";

/** The nnmotifs version from package.json (part of every step key). */
export function nnmotifsVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

let fingerprint: string | null = null;

/**
 * A hash of nnmotifs' own code (the compiled .js files, or the .ts sources when run through tsx),
 * part of every step key: a rebuilt nnmotifs with changed code never reuses results of the old
 * code, even under the same version number.
 */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  walk(root);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  fingerprint = hash.digest("hex").slice(0, 16);
  return fingerprint;
}

/** Static, dynamic and worker-file (`new URL("./x.js", …)`) references to nnmotifs' own modules. */
const LOCAL_REFERENCE =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

const TYPE_ONLY_IMPORT = /\b(?:import|export)\s+type\s+[^;]*?\bfrom\s*["'][^"']+["']/g;

const stepFingerprints = new Map<string, { fingerprint: string; modules: string[] }>();

/**
 * A hash of the code a step of one kind can run: its module (`study/steps/<kind>`) and every
 * nnmotifs module it reaches through imports, dynamic imports and worker files, plus the store
 * that writes its outputs. Part of the step's key instead of the whole code's fingerprint,
 * so that a change to the report or the analyses re-runs those steps only and never the training
 * or the censuses (whose code it cannot reach). A null model registered at run time from outside
 * nnmotifs is keyed by its module name in the step's parameters, as before.
 */
export function stepCodeFingerprint(kind: string): string {
  const cached = stepFingerprints.get(kind);
  if (cached !== undefined) return cached.fingerprint;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const resolve = (from: string, spec: string): string | null => {
    const path = join(from, "..", spec);
    for (const candidate of [path, path.replace(/\.js$/, ".ts")]) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // not this one
      }
    }
    return null;
  };
  const seen = new Set<string>();
  // Not the executor: it imports the registry of every step kind.
  const queue = [`study/steps/${kind}`, "study/store"].map((m) => join(root, m + ext));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    seen.add(file);
    // Type-only imports (TypeScript sources under tsx) load nothing at run time.
    const code = text.replace(TYPE_ONLY_IMPORT, "");
    for (const m of code.matchAll(LOCAL_REFERENCE)) {
      const target = resolve(file, m[1]);
      if (target !== null && target.startsWith(root) && /\.(js|ts)$/.test(target)) {
        queue.push(target);
      }
    }
  }
  const modules = [...seen].map((f) => relative(root, f)).sort();
  const hash = createHash("sha256");
  for (const module of modules) {
    hash.update(module);
    hash.update(readFileSync(join(root, module)));
  }
  const fingerprint = hash.digest("hex").slice(0, 16);
  stepFingerprints.set(kind, { fingerprint, modules });
  return fingerprint;
}

/** The modules a step kind's fingerprint covers, relative to the code root (for tests). */
export function stepCodeModules(kind: string): string[] {
  stepCodeFingerprint(kind);
  return [...(stepFingerprints.get(kind)?.modules ?? [])];
}

/** Libraries whose versions shape the results (training, figures). */
const LIBRARIES = ["@tensorflow/tfjs", "vega", "vega-lite", "zod"] as const;

/** Versions of the pieces that shape the results. */
export function baseVersions(): Record<string, string> {
  const versions: Record<string, string> = {
    nnmotifs: nnmotifsVersion(),
    nnmotifsCode: codeFingerprint(),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
  };
  const require = createRequire(import.meta.url);
  for (const name of LIBRARIES) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // a library that hides its package.json is simply not listed
    }
  }
  return versions;
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeJsonAtomicSync(join(outDir, MANIFEST_FILE), manifest);
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
}
