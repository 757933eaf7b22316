/**
 * Spec text must never name a Postman variable. Postman and newman replace `{{name}}` in a request's
 * URL, headers and body (and in variable values, recursively) at send time, with no escape syntax:
 * a header example of `{{password}}` would send the user's password to the API host. So every
 * string that comes from the spec goes through `neutraliseVariables` before it is rendered: each
 * `{` followed by another `{` gets a space after it, a visible change that no variable pattern
 * (`{{...}}`, postman-collection's `Property.replaceSubstitutions`) matches.
 */
const doubleBrace = /\{(?=\{)/g;

/** `{{password}}` → `{ {password}}`; text without `{{` is returned unchanged. */
export function neutraliseVariables(text: string): string {
  return text.includes('{{') ? text.replace(doubleBrace, '{ ') : text;
}

/** True when `text` would name a Postman variable if rendered as it is. */
export function namesVariable(text: string): boolean {
  return text.includes('{{');
}

/** A copy of a JSON value with every string (keys included) neutralised. */
export function neutraliseDeep<T>(value: T): T {
  if (typeof value === 'string') return neutraliseVariables(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => neutraliseDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [neutraliseVariables(key), neutraliseDeep(item)]),
    ) as T;
  }
  return value;
}

/**
 * JSON pointers of the strings (or keys) in a spec that hold `{{`, for `inspect` to warn about.
 * Iterative: the document has already passed the loader's nesting limit, but this needs no stack.
 */
export function variableReferencesIn(document: unknown): string[] {
  const found: string[] = [];
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: document, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (typeof node === 'string') {
      if (namesVariable(node)) found.push(pointer);
      continue;
    }
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (namesVariable(key)) found.push(child);
      stack.push({ node: value, pointer: child });
    }
  }
  return found.sort();
}
