/**
 * JSON pointers (RFC 6901) into the spec document: every model fact keeps the pointer it came
 * from, and `$ref`s are local pointers written as URI fragments (`#/components/schemas/Pet`).
 */

/** A JSON pointer into the source document, e.g. `/paths/~1users~1{id}/get/security`. */
export type JsonPointer = string;

/** `/paths` + `/users/{id}` → `/paths/~1users~1{id}`. */
export function pointerJoin(base: JsonPointer, ...tokens: (string | number)[]): JsonPointer {
  return tokens.reduce<string>(
    (pointer, token) => `${pointer}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    base,
  );
}

/** The tokens of a pointer, unescaped. `''` (the whole document) has none. */
export function pointerTokens(pointer: JsonPointer): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of a local `$ref` (`#/a/b%20c` → `/a/b c`), or undefined for an external one. */
export function refPointer(ref: string): JsonPointer | undefined {
  if (!ref.startsWith('#')) return undefined;
  const fragment = ref.slice(1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The value at `pointer`, or undefined when any step is missing. */
export function valueAt(document: unknown, pointer: JsonPointer): unknown {
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
