/**
 * User-facing errors. Anything a user can cause (a bad file, a bad option) is thrown as an
 * NnmotifsError; the CLI prints its message on one line and exits non-zero without a stack trace.
 * Anything else is a bug and keeps its stack.
 */
export interface ErrorLocation {
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** 1-based line number within `file`. */
  line?: number;
}

export class NnmotifsError extends Error {
  readonly file?: string;
  readonly line?: number;
  /** Process exit code the CLI uses (2 = bad input or usage, 1 = failure while running). */
  readonly exitCode: number;

  /**
   * @param cause the underlying error (e.g. Node's ENOSPC), kept so callers can still test its
   *   `code`; never printed.
   */
  constructor(message: string, where: ErrorLocation = {}, exitCode = 2, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "NnmotifsError";
    this.file = where.file;
    this.line = where.line;
    this.exitCode = exitCode;
  }

  /** The Node error code of the underlying cause ("ENOSPC", …), when there is one. */
  get code(): string | undefined {
    const code = (this.cause as NodeJS.ErrnoException | undefined)?.code;
    return typeof code === "string" ? code : undefined;
  }

  /** "file:line: message", the form compilers use, so editors can jump to the spot. */
  format(): string {
    const at = this.file ? `${this.file}${this.line ? `:${this.line}` : ""}: ` : "";
    return `${at}${this.message}`;
  }
}

/** Thrown for inputs nnmotifs recognises but does not handle (e.g. a conv layer in a model). */
export function unsupported(what: string, where: ErrorLocation = {}): NnmotifsError {
  return new NnmotifsError(`unsupported: ${what}`, where);
}
