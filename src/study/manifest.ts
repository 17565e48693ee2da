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
