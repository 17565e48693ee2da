/**
 * Ctrl-C during `nnmotifs census` (issue 8): SIGINT aborts the census, the command exits promptly
 * with one clear line and exit code 130, and writes no output file. Runs the built CLI (dist).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { layeredGraph } from "../../bench/census-bench.js";
import { formatFanmodEdgeList } from "../../src/graph/fanmod-edge-list.js";
import { REPO_ROOT } from "../anchor.js";

const CLI = join(REPO_ROOT, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "nnmotifs-census-sigint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("nnmotifs census GRAPH, interrupted by SIGINT", () => {
  it.each([
    ["all threads", []],
    ["--threads 1 (one worker: this thread stays free)", ["--threads", "1"]],
  ])(
    "exits within 1 s of Ctrl-C on a k = 6 census of an MNIST-sized graph, %s, with a message, code 130 and no --out file",
    async (_name, threads) => {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
      // A random layered graph shaped like the paper's MNIST network, 784-50-50-20-10.
      const graph = join(dir, "mnist-sized.txt");
      writeFileSync(graph, formatFanmodEdgeList(layeredGraph([784, 50, 50, 20, 10], 4000, 3)));
      const out = join(dir, "census.json");
      const child = spawn(
        process.execPath,
        [CLI, "census", graph, "-k", "6", "-r", "10", ...threads, "--force", "-o", out],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => (stderr += chunk));
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        child.on("exit", (code) => resolve({ code, at: performance.now() })),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(child.exitCode).toBe(null); // still counting: k = 6 takes about an hour here
      const sent = performance.now();
      child.kill("SIGINT");
      const { code, at } = await exited;
      expect(at - sent).toBeLessThan(1000);
      expect(code).toBe(130);
      expect(stderr.trim().split("\n").at(-1)).toBe(
        `nnmotifs: interrupted (Ctrl-C): the census of ${graph} stopped, no output written.`,
      );
      expect(
        readdirSync(dir).filter((f) => f.startsWith("census") || f.startsWith(".census")),
      ).toEqual([]);
    },
    20_000,
  );
});
