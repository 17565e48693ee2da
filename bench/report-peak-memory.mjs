// Preloaded into a benchmarked process (node --import): prints its peak resident memory on exit.
import { appendFileSync } from "node:fs";
process.on("exit", () => {
  const file = process.env.NNMOTIFS_BENCH_RSS_FILE;
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
