/**
 * The shape of a collection or environment file, checked before newman sees it. newman and
 * postman-collection take `null` items, a number for a script or a string for a variable list in
 * ways that crash deep inside them (a stack trace, half a report) or silently drop the entry; a
 * file that is wrong is one line instead, naming the file and the JSON pointer of the first wrong
 * entry. Only the fields gatecheck and newman act on are checked; anything else passes untouched.
 */
import { InputError } from '../../errors.js';
import { pointerJoin } from '../../load/json-pointer.js';

type Path = readonly (string | number)[];

class ShapeProblem extends Error {
  constructor(
    readonly path: Path,
    message: string,
  ) {
    super(message);
  }
}

/** Throws an InputError (file + pointer) for the first entry of a collection that is the wrong type. */
export function checkCollectionShape(collection: Record<string, unknown>, file: string): void {
  withFile(file, 'collection', () => {
    optionalList(collection, ['variable'], variable);
    optionalList(collection, ['event'], event);
    items(collection.item, ['item']);
  });
}

/** Throws an InputError (file + pointer) for the first wrong entry of an environment's `values`. */
export function checkEnvironmentShape(environment: Record<string, unknown>, file: string): void {
  withFile(file, 'environment', () => {
    const values = environment.values as unknown[];
    values.forEach((entry, index) => variable(entry, ['values', index]));
  });
}

function withFile(file: string, what: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    throw new InputError(`not a Postman ${what}: ${error.message}`, {
      file,
      pointer: pointerJoin('', ...error.path),
      hint: `Fix that entry, or regenerate the ${what} with \`gatecheck generate\``,
    });
  }
}

function items(value: unknown, path: Path): void {
  if (!Array.isArray(value))
    throw new ShapeProblem(path, `expected a list of items, got ${kind(value)}`);
  value.forEach((entry, index) => item(entry, [...path, index]));
}

function item(value: unknown, path: Path): void {
  const entry = record(value, path, 'an item (an object)');
  if (entry.name !== undefined && typeof entry.name !== 'string')
    throw new ShapeProblem([...path, 'name'], `expected a string, got ${kind(entry.name)}`);
  optionalList(entry, [...path, 'variable'], variable);
  optionalList(entry, [...path, 'event'], event);
  if (entry.item !== undefined) {
    items(entry.item, [...path, 'item']);
    return;
  }
  if (entry.request === undefined)
    throw new ShapeProblem(path, 'an item needs `request`, a folder needs `item`');
  request(entry.request, [...path, 'request']);
}

function request(value: unknown, path: Path): void {
  if (typeof value === 'string') return;
  const entry = record(value, path, 'a request (an object or a URL string)');
  if (entry.url !== undefined && typeof entry.url !== 'string') {
    const url = record(entry.url, [...path, 'url'], 'a URL (a string or an object)');
    if (url.raw !== undefined && typeof url.raw !== 'string')
      throw new ShapeProblem([...path, 'url', 'raw'], `expected a string, got ${kind(url.raw)}`);
  }
  if (entry.method !== undefined && typeof entry.method !== 'string')
    throw new ShapeProblem([...path, 'method'], `expected a string, got ${kind(entry.method)}`);
  if (entry.header !== undefined && typeof entry.header !== 'string') {
    list(entry.header, [...path, 'header']).forEach((header, index) => {
      const where = [...path, 'header', index];
      const fields = record(header, where, 'a header (an object)');
      if (typeof fields.key !== 'string')
        throw new ShapeProblem([...where, 'key'], `expected a string, got ${kind(fields.key)}`);
    });
  }
}

function event(value: unknown, path: Path): void {
  const entry = record(value, path, 'an event (an object)');
  if (typeof entry.listen !== 'string')
    throw new ShapeProblem([...path, 'listen'], `expected a string, got ${kind(entry.listen)}`);
  if (entry.script === undefined) return;
  const script = record(entry.script, [...path, 'script'], 'a script (an object)');
  const exec = script.exec;
  if (exec === undefined || typeof exec === 'string') return;
  list(exec, [...path, 'script', 'exec']).forEach((line, index) => {
    if (typeof line !== 'string')
      throw new ShapeProblem(
        [...path, 'script', 'exec', index],
        `expected a line of script (a string), got ${kind(line)}`,
      );
  });
}

function variable(value: unknown, path: Path): void {
  const entry = record(value, path, 'a variable (an object)');
  if (typeof entry.key !== 'string')
    throw new ShapeProblem([...path, 'key'], `expected a string, got ${kind(entry.key)}`);
  const scalar = ['string', 'number', 'boolean', 'undefined'];
  if (!scalar.includes(typeof entry.value))
    throw new ShapeProblem(
      [...path, 'value'],
      `expected a string, number or boolean, got ${kind(entry.value)}`,
    );
  if (entry.enabled !== undefined && typeof entry.enabled !== 'boolean')
    throw new ShapeProblem(
      [...path, 'enabled'],
      `expected true or false, got ${kind(entry.enabled)}`,
    );
}

function optionalList(
  owner: Record<string, unknown>,
  path: Path,
  each: (value: unknown, path: Path) => void,
): void {
  const field = path[path.length - 1] as string;
  if (owner[field] === undefined) return;
  list(owner[field], path).forEach((entry, index) => each(entry, [...path, index]));
}

function list(value: unknown, path: Path): unknown[] {
  if (!Array.isArray(value)) throw new ShapeProblem(path, `expected a list, got ${kind(value)}`);
  return value;
}

function record(value: unknown, path: Path, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeProblem(path, `expected ${expected}, got ${kind(value)}`);
  return value as Record<string, unknown>;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
