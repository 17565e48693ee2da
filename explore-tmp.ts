import { ESTIMATE_JOBS } from "./bench/estimates.js";
import { census } from "./src/stats/census.js";
import { clearCensusCache } from "./src/motifs/count-subgraphs.js";
import { estimateSubgraphCount } from "./src/motifs/rand-esu.js";
const t = async (f: () => Promise<unknown>) => { const t0 = performance.now(); await f(); return (performance.now() - t0) / 1000; };
for (const j of ESTIMATE_JOBS) {
  const g = j.graph();
  const est = estimateSubgraphCount(g, j.size, { seed: 1 });
  const base = { size: j.size, colours: j.colours, sample: j.sample, threads: 1, seed: 1, exchanges: 3, tries: 3 };
  clearCensusCache();
  const cold0 = await t(() => census(g, { ...base, networks: 0 }));
  const warm0 = await t(() => census(g, { ...base, networks: 0 }));
  clearCensusCache();
  const coldN = await t(() => census(g, { ...base, networks: j.networks }));
  const r = await census(g, { ...base, networks: 0 });
  console.log(JSON.stringify({ name: j.name, edges: g.edgeSrc.length, nodes: g.nodeCount, levels: est.levels.map((x) => +x.toPrecision(3)), classes: r.motifs.length, cold0: +cold0.toFixed(3), warm0: +warm0.toFixed(3), coldN: +coldN.toFixed(3), perNet: j.networks ? +((coldN - cold0) / j.networks).toFixed(4) : null }));
}
