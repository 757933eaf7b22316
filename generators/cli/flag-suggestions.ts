/**
 * "did you mean --flag?" for a mistyped flag. yargs (strict mode) names the unknown arguments but
 * suggests only commands; the flags the command knows are compared here by edit distance.
 */
/** The part of a yargs instance read here (present at run time, absent from @types/yargs). */
interface ParsedOptions {
  getOptions: () => {
    string: string[];
    boolean: string[];
    number: string[];
    array: string[];
    key: Record<string, unknown>;
  };
}

function hasOptions(parser: unknown): parser is ParsedOptions {
  return (
    typeof parser === 'object' &&
    parser !== null &&
    typeof (parser as Partial<ParsedOptions>).getOptions === 'function'
  );
}

/** Edit distance (insert, delete, substitute; a swap of two neighbours counts as one). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known flag closest to `unknown`, when it is close enough to be a typo. */
export function closestFlag(unknown: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(unknown.length / 3)));
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = editDistance(unknown, flag);
    if (distance <= limit && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

/**
 * yargs' "Unknown argument(s): a, b" with a suggestion for each that is close to a flag the
 * command has; undefined when the message is about something else or nothing is close.
 */
export function unknownFlagMessage(
  message: string,
  parser: unknown,
  argv: readonly string[],
): string | undefined {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match || !hasOptions(parser)) return undefined;
  const options = parser.getOptions();
  const known = [
    ...new Set([
      ...options.string,
      ...options.boolean,
      ...options.number,
      ...options.array,
      ...Object.keys(options.key),
    ]),
  ].filter((flag) => flag.length > 1 && !/[A-Z]/.test(flag));
  const listed = match[1]!.split(', ');
  // yargs also lists the camelCase twin of a kebab-case flag (delay-reqest, delayReqest).
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const unknowns = listed.filter((name) => name === kebab(name) || !listed.includes(kebab(name)));
  // A stray positional is reported the same way: only what was typed as a flag is one.
  const typedAsFlag = (name: string) =>
    argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (!unknowns.every(typedAsFlag)) return undefined;
  const parts = unknowns.map((name) => {
    const flag = closestFlag(name, known);
    return flag ? `--${name} (did you mean --${flag}?)` : `--${name}`;
  });
  if (!parts.some((part) => part.includes('did you mean'))) return undefined;
  return `unknown ${unknowns.length > 1 ? 'flags' : 'flag'} ${parts.join(', ')}`;
}
