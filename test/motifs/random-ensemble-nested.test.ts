/**
 * A census started off the main thread counts in that thread, with no pool of its own. A run-time
 * null's module is imported by every census worker; one that also ran a census on import made each
 * worker start workers of its own, without end (13 GB in seconds).
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { randomEnsemble } from "../../src/motifs/random-ensemble.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

const url = (path: string): string => pathToFileURL(new URL(path, import.meta.url).pathname).href;

/** randomEnsemble with `threads: 2` and workers asked for, run inside a worker thread. */
function inWorker(graph: { n: number; m: number; seed: number }, keys: string[]) {
  const source = `
    const { parentPort } = require("node:worker_threads");
    (async () => {
      // tsx's hooks do not reach import() in a worker (Node 20): its own importer does.
      const { tsImport } = await import("tsx/esm/api");
      const from = ${JSON.stringify(import.meta.url)};
      const { randomEnsemble } = await tsImport(${JSON.stringify(url("../../src/motifs/random-ensemble.ts"))}, from);
      const { randomEdgeGraph } = await tsImport(${JSON.stringify(url("../fixtures/random-graph.ts"))}, from);
      const g = randomEdgeGraph(${graph.n}, ${graph.m}, ${graph.seed});
      const e = await randomEnsemble(g, ${JSON.stringify(keys)}, {
        size: 3, networks: 6, seed: 9, threads: 2, inProcess: false,
      });
      parentPort.postMessage({ threads: e.threads, counts: Array.from(e.counts) });
    })().catch((error) => parentPort.postMessage({ error: String(error) }));
  `;
  const worker = new Worker(source, { eval: true });
  return new Promise<{ threads?: number; counts?: number[]; error?: string }>((resolve, reject) => {
    worker.once("message", (message) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", reject);
  });
}

describe("randomEnsemble off the main thread", () => {
  it("counts in its own thread, with the numbers of the main thread's run", async () => {
    const graph = { n: 25, m: 70, seed: 3 };
    const g = randomEdgeGraph(graph.n, graph.m, graph.seed);
    const keys = [...countSubgraphs(g, { size: 3 }).counts.keys()].sort();
    const here = await randomEnsemble(g, keys, { size: 3, networks: 6, seed: 9, threads: 2 });
    expect(here.threads).toBe(2);
    const there = await inWorker(graph, keys);
    expect(there.error).toBeUndefined();
    expect(there.threads).toBe(1);
    expect(there.counts).toEqual(Array.from(here.counts));
  });
});
