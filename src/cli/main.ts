#!/usr/bin/env node
/**
 * The `nnmotifs` command: the process around `runNnmotifs` (program.ts). `nnmotifs census` runs
 * the same program from its bundle and code cache when the build made one (census-bundle.ts).
 */
import module from "node:module";
import { loadCensusBundle } from "./census-bundle.js";

export type { RegisterCommand } from "./program.js";

// V8's code cache on disk (Node ≥ 22.1): later runs skip compiling the modules they load.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `nnmotifs census … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const bundle =
  process.argv[2] === "census"
    ? loadCensusBundle(new URL("./program.js", import.meta.url).href, (s) => import(s))
    : null;
const { runNnmotifs } = bundle ?? (await import("./program.js"));

runNnmotifs(process.argv).then((code) => {
  process.exitCode = code;
  if (code === 0) bundle?.saveCache();
});
