/**
 * The spec the sandbox was asked to serve cannot be used. Carries the file and a JSON pointer so
 * the CLI can print it the same way as any other input problem.
 */
export class SpecError extends Error {
  override readonly name = 'SpecError';
  readonly file: string;
  readonly pointer: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, where: { file: string; pointer?: string; hint?: string }) {
    super(message);
    this.file = where.file;
    this.pointer = where.pointer;
    this.hint = where.hint;
  }
}

/** `/paths/~1users~1{id}/get` from `['paths', '/users/{id}', 'get']` (RFC 6901 escaping). */
export function pointerOf(...segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
