/**
 * The `nnmotifs` program without the process around it: `runNnmotifs(argv)` parses, runs and
 * reports errors (one line on stderr, exit code returned), so tests (the fuzz corpus) can run
 * the CLI in-process. Each subcommand lives in its own module and loads its heavy dependencies
 * lazily inside its action, so `nnmotifs census` never loads TensorFlow.js or h5wasm.
 */
import { Command, CommanderError } from "commander";
import { NnmotifsError } from "../core/errors.js";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** A subcommand module registers its options and a lazy action on the program. */
export type RegisterCommand = (program: Command) => void;

const COMMANDS: Readonly<Record<string, () => Promise<{ register: RegisterCommand }>>> = {
  census: () => import("./census-command.js"),
  train: () => import("./train-command.js"),
  graph: () => import("./graph-command.js"),
  study: () => import("./study-command.js"),
  weights: () => import("./weights-command.js"),
  worker: () => import("./worker-command.js"),
  queue: () => import("./queue-command.js"),
};

/** The command modules to load: only the one named on the command line, else all (for help). */
function commandsFor(argv: readonly string[]): Array<() => Promise<{ register: RegisterCommand }>> {
  const named = COMMANDS[argv[2] ?? ""];
  return named ? [named] : Object.values(COMMANDS);
}

/** Run `nnmotifs …` (argv as in process.argv: node, script, args…); returns the exit code. */
export async function runNnmotifs(argv: string[]): Promise<number> {
  const program = new Command("nnmotifs")
    .description(
      "Network motifs in neural networks: coloured motif census, null models, and the study",
    )
    .version(pkg.version)
    .exitOverride()
    // Usage errors on one line, like every other error (help stays one --help away).
    .configureOutput({
      outputError: (text, write) =>
        write(
          `nnmotifs: ${text
            .replace(/^error: /, "")
            .replace(/\s*\n\s*/g, " ")
            .trim()} (see --help)\n`,
        ),
    });
  for (const load of commandsFor(argv)) {
    try {
      (await load()).register(program);
    } catch (error) {
      // A command whose module is not built yet must not take the others down.
      if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    }
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

const OUT_OF_MEMORY =
  /Invalid typed array length|Array buffer allocation failed|Invalid string length|Invalid array length/;

/** Print `error` as the CLI does (one line, no stack unless it is a bug); returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message (help, version, usage errors).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof NnmotifsError) {
    process.stderr.write(`nnmotifs: ${error.format()}\n`);
    return error.exitCode;
  }
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === "string" && typeof e.path === "string") {
    // File-system errors are the user's (missing file, no permission): no stack trace.
    process.stderr.write(`nnmotifs: ${e.path}: ${e.message.replace(/^[A-Z]+: /, "")}\n`);
    return 2;
  }
  if (error instanceof RangeError && OUT_OF_MEMORY.test(error.message)) {
    // The up-front estimates (core/memory-budget.ts) should refuse first; this is the backstop.
    process.stderr.write(
      `nnmotifs: out of memory (${error.message}): the input is too large for this machine. Use a smaller input or size.\n`,
    );
    return 2;
  }
  process.stderr.write(
    `nnmotifs: internal error (please report): ${(e && e.stack) || String(error)}\n`,
  );
  return 1;
}
