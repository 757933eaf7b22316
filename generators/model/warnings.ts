import type { Warning } from './types.js';

/** Codes whose warnings repeat per operation with the same substance (a shared security default). */
const collapsible = new Set<Warning['code']>([
  'alternative-chosen',
  'anonymous-allowed',
  'anonymous-ignored',
  'several-authorizers',
  'api-key-from-authorizer',
  'none-pseudo-scheme',
]);

/**
 * One warning per distinct finding: the same note on many operations (Stripe lists the same two
 * alternatives on all 417) becomes one warning that counts them and names the first.
 * Warnings read `<METHOD> <path>: <finding>`; the finding is what is compared.
 */
export function collapseRepeats(warnings: Warning[]): Warning[] {
  const groups = new Map<string, { first: Warning; count: number }>();
  const result: (Warning | string)[] = [];
  for (const warning of warnings) {
    const finding = /^[A-Z]+ \S+: (.*)$/s.exec(warning.message)?.[1];
    if (!collapsible.has(warning.code) || finding === undefined) {
      result.push(warning);
      continue;
    }
    const key = `${warning.code}\n${finding}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else {
      groups.set(key, { first: warning, count: 1 });
      result.push(key);
    }
  }
  return result.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const { first, count } = groups.get(entry) as { first: Warning; count: number };
    if (count === 1) return first;
    const finding = entry.slice(entry.indexOf('\n') + 1);
    const example = first.message.slice(0, first.message.length - finding.length - 2);
    return { ...first, message: `${count} operations (first: ${example}): ${finding}` };
  });
}
