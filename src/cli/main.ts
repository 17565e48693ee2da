#!/usr/bin/env node
/**
 * The `nnmotifs` command: the process around `runNnmotifs` (program.ts).
 */
import { runNnmotifs } from "./program.js";

export type { RegisterCommand } from "./program.js";

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
