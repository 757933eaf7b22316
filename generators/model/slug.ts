/**
 * File-name-safe identifiers: lower case, ASCII letters and digits separated by single dashes.
 * `Users API (v2)` → `users-api-v2`.
 */
export function slug(text: string, fallback = 'api'): string {
  const result = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return result === '' ? fallback : result;
}
