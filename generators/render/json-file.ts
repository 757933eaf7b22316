/** The text of a generated JSON file: 2-space indentation and a trailing newline, as committed. */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
