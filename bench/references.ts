/**
 * The reference networks' census cost (config `biology`, SPEC §10.3): each shipped reference at
 * k = 3 and 4 with 100 random networks under the switch null, uncoloured, one thread, in-process.
 * Prints wall and CPU seconds per census (CPU is the honest figure on a shared machine).
 *
 *   npx tsx bench/references.ts [networks=100] [@name …]
 */
import { withoutColours } from "../src/graph/digraph.js";
import { readGraph } from "../src/graph/read-graph.js";
import { census } from "../src/stats/census.js";

const networks = Number(process.argv[2] ?? 100);
const names = process.argv.length > 3 ? process.argv.slice(3) : ["@celegans", "@ecoli"];
let total = 0;
for (const name of names) {
  const graph = withoutColours(readGraph(name));
  for (const size of [3, 4]) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await census(graph, {
      size,
      networks,
      nullModel: "switch",
      colours: false,
      threads: 1,
    });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    total += cpuSeconds;
    console.log(
      `${name} k=${size} N=${networks}: ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ` +
        `${r.subgraphs} subgraphs, ${r.motifs.length} classes`,
    );
  }
}
console.log(`total CPU ${total.toFixed(2)} s`);
