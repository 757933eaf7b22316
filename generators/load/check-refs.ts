import { InputError } from '../errors.js';
import { pointerJoin, refPointer, valueAt } from './json-pointer.js';

/** Keys whose values are data, not spec structure: a `$ref` inside them is not a reference. */
const dataKeys = new Set(['example', 'default', 'enum', 'const']);

export interface RefSurvey {
  /** True when some `$ref` points outside the document (another file or URL). */
  hasExternalRefs: boolean;
  /** Each such `$ref`, with the JSON pointer of the object holding it. */
  externalRefs: { ref: string; pointer: string }[];
}

/**
 * Walks every `$ref` once: an internal one must resolve, and a chain of `$ref`-only objects must
 * end in content (A → B → A would leave nothing to read). Fails with the pointer of the `$ref`.
 */
export function checkRefs(document: unknown, source: string): RefSurvey {
  const survey: RefSurvey = { hasExternalRefs: false, externalRefs: [] };
  const settled = new Set<string>();
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, pointerJoin(pointer, index)));
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      if (refPointer(record.$ref) === undefined) {
        survey.hasExternalRefs = true;
        survey.externalRefs.push({ ref: record.$ref, pointer });
      } else followChain(document, record.$ref, pointer, source, settled);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === '$ref' || dataKeys.has(key) || key.startsWith('x-')) continue;
      visit(value, pointerJoin(pointer, key));
    }
  };
  visit(document, '');
  return survey;
}

function followChain(
  document: unknown,
  firstRef: string,
  refAt: string,
  source: string,
  settled: Set<string>,
): void {
  const seen: string[] = [];
  let ref = firstRef;
  for (;;) {
    if (settled.has(ref)) break;
    if (seen.includes(ref)) {
      throw new InputError(`$ref cycle with no content: ${[...seen, ref].join(' → ')}`, {
        file: source,
        pointer: `${refAt}/$ref`,
        hint: 'Make one of these $refs point at a real definition',
      });
    }
    seen.push(ref);
    const target = valueAt(document, refPointer(ref) ?? '');
    if (target === undefined) {
      throw new InputError(`unresolvable $ref "${ref}"`, {
        file: source,
        pointer: `${refAt}/$ref`,
        hint: 'Point the $ref at an existing definition, or add the missing one',
      });
    }
    const next = (target as { $ref?: unknown } | null)?.$ref;
    if (typeof next !== 'string' || refPointer(next) === undefined) break;
    ref = next;
  }
  for (const done of seen) settled.add(done);
}
