/**
 * Errors that mean "your input is wrong": the CLI prints them as one line and exits 2, with no stack
 * trace. Anything else that escapes is a bug and is printed with its stack.
 */
const inputErrorBrand = Symbol.for('gatecheck.InputError');

export class InputError extends Error {
  override readonly name = 'InputError';
  /**
   * Recognised by a registered symbol, not by class identity: commands load their work on use
   * (dynamic import), and a loader may give such a module its own copy of this class.
   */
  readonly [inputErrorBrand] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && inputErrorBrand in value;
  }
  /** The file or URL the problem is in. */
  readonly file: string | undefined;
  /** JSON pointer inside that file, when known. */
  readonly pointer: string | undefined;
  /** What the user can do about it. */
  readonly hint: string | undefined;
  /** Line and column (1-based) of the pointer in the file's text, when known. */
  readonly position: { line: number; column: number } | undefined;

  constructor(
    message: string,
    where: {
      file?: string;
      pointer?: string;
      hint?: string;
      position?: { line: number; column: number };
    } = {},
  ) {
    super(message);
    this.file = where.file;
    this.pointer = where.pointer;
    this.hint = where.hint;
    this.position = where.position;
  }

  /** One line: `<file>[:<line>:<column>]#<pointer>: <message>. <hint>`. */
  describe(): string {
    const at = this.position ? `:${this.position.line}:${this.position.column}` : '';
    const place = this.file
      ? `${this.file}${at}${this.pointer !== undefined ? `#${this.pointer}` : ''}: `
      : '';
    return `${place}${this.message}${this.hint ? `. ${this.hint}` : ''}`;
  }
}

/** Exit codes shared by every command. */
/** `interrupted`: Ctrl-C stopped a run (128 + SIGINT, as shells report it). */
export const ExitCode = { ok: 0, checksFailed: 1, couldNotRun: 2, interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
