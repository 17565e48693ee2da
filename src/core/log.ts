/**
 * One replaceable logger for warnings and progress notes (vega-lite's pattern): library code never
 * writes to the console directly, so embedding applications and tests can capture messages.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};

let current: Logger = stderrLogger;

export function log(): Logger {
  return current;
}

/** Replace the logger; returns the previous one so callers can restore it. */
export function setLogger(logger: Logger): Logger {
  const previous = current;
  current = logger;
  return previous;
}

export const quietLogger: Logger = { info: () => {}, warn: () => {} };
