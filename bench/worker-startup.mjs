/**
 * Start-up of a census worker thread: the time from `new Piscina(…)` (one thread) to the result
 * of a first trivial task (the census of a 3-node graph), with the plain module
 * (dist/motifs/random-ensemble-worker.js, ~30 ES modules) against the bundle's entry
 * (dist/motifs/random-ensemble-worker-entry.cjs, one script from a V8 code cache). Each sample is
 * a fresh process; the two are interleaved. After `npm run build`:
 *   env -u NODE_EXTRA_CA_CERTS node bench/worker-startup.mjs [rounds]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const motifs = new URL("../dist/motifs/", import.meta.url);
const FILES = {
  plain: fileURLToPath(new URL("random-ensemble-worker.js", motifs)),
  bundle: fileURLToPath(new URL("random-ensemble-worker-entry.cjs", motifs)),
};

if (process.argv[2] === "--one") {
  const { Piscina } = await import("piscina");
  const t0 = performance.now();
  const pool = new Piscina({ filename: process.argv[3], minThreads: 1, maxThreads: 1 });
  const result = await pool.run({
    kind: "original",
    graph: {
      nodeCount: 3,
      edgeSrc: Int32Array.of(0, 1),
      edgeTrg: Int32Array.of(1, 2),
      edgeColour: Uint8Array.of(1, 1),
    },
    size: 3,
    colours: false,
    vertexColours: null,
    sample: null,
    seed: 1,
    stream: 0,
  });
  const ms = performance.now() - t0;
  if (result.total !== 1) throw new Error(`unexpected result ${JSON.stringify(result)}`);
  await pool.destroy();
  console.log(ms.toFixed(1));
} else {
  const rounds = Number(process.argv[2] ?? 7);
  const times = { plain: [], bundle: [] };
  // The first run of the bundle writes its code cache: not counted.
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--one", FILES.bundle]);
  for (let i = 0; i < rounds; i++) {
    for (const [name, file] of Object.entries(FILES)) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--one", file]);
      times[name].push(Number(String(out)));
    }
  }
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `${name.padEnd(6)} min ${sorted[0].toFixed(1)} ms, median ${median.toFixed(1)} ms (${list.join(", ")})`,
    );
  }
}
