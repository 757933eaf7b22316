/**
 * The text of a generated JSON file, as committed: 2-space indentation and a trailing newline,
 * except that each Postman request item (an object with a `request`) and each array of strings
 * (a script's `exec` lines) is written on ONE line. Collections carry thousands of items: written
 * out in full, indentation alone is most of their size. One line per item still diffs by check (a
 * regenerated file changes exactly the lines of the checks that changed).
 */
export function jsonFileText(value: unknown): string {
  return `${printValue(value, '')}\n`;
}

function onOneLine(value: object): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === 'string');
  return 'request' in value;
}

function printValue(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object' || onOneLine(value)) {
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const lines = value.map((item: unknown) => inner + printValue(item ?? null, inner));
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== 'function',
  );
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([key, v]) => `${inner}${JSON.stringify(key)}: ${printValue(v, inner)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
