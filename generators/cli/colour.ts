/**
 * Colour for the lines a run prints: failures red, passes green, inconclusive yellow. Applied to
 * finished lines (already masked), so colour never changes what is printed, only how it looks.
 */
const codes = { red: 31, green: 32, yellow: 33, dim: 2 } as const;
type Colour = keyof typeof codes;

export function paint(colour: Colour, text: string): string {
  return `\u001b[${codes[colour]}m${text}\u001b[0m`;
}

/** A count painted when it is not zero. */
function count(colour: Colour) {
  return (match: string, number: string) => (number === '0' ? match : paint(colour, match));
}

export function paintLine(line: string): string {
  if (/^\s*✗ /.test(line)) return paint('red', line);
  if (/^\s*sign-in failed/.test(line) || /^demo failed|^demo could not run/.test(line))
    return paint('red', line);
  if (/^demo passed/.test(line)) return paint('green', line);
  if (/^\[\s*\d+\/\d+\] /.test(line))
    return line.replace(/: (FAILED|ok)$/, (_match, verdict: string) =>
      verdict === 'ok' ? `: ${paint('green', verdict)}` : `: ${paint('red', verdict)}`,
    );
  if (/^\s*checks: /.test(line))
    return line
      .replace(/(\d+) passed/, count('green'))
      .replace(/(\d+) failed/, count('red'))
      .replace(/(\d+) inconclusive/, count('yellow'));
  return line;
}
