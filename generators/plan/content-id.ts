import { createHash } from 'node:crypto';

/**
 * A uuid-shaped id derived from content (sha256 of the parts), so regenerating an unchanged API
 * gives byte-identical files. Version nibble 4 / variant 8 keep it a syntactically valid UUID.
 */
export function contentId(...parts: string[]): string {
  const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `8${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
