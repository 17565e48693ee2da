#!/usr/bin/env node
/**
 * The `nnmotifs` command: the process around `runNnmotifs` (program.ts).
 */
import module from "node:module";
import { runNnmotifs } from "./program.js";

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

runNnmotifs(process.argv).then((code) => {
  process.exitCode = code;
});
