/**
 * Picks the media type gatecheck sends or expects: JSON first (`application/json`, then any
 * `+json` type), else the first one listed.
 */
export function preferredMediaType(types: string[]): string | undefined {
  return (
    types.find((type) => type.toLowerCase().split(';')[0]?.trim() === 'application/json') ??
    types.find((type) => /\+json\b|\/json\b/i.test(type)) ??
    types[0]
  );
}
