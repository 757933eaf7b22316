import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Io } from '../../generators/io.js';
import {
  printRunSummary,
  runCollection,
  type RunCollectionOptions,
  type RunCollectionResult,
} from '../../generators/run/run-collection.js';

/** An Io that keeps every line, for asserting on what a command printed. */
export function captureIo(): Io & { outLines: string[]; errLines: string[]; all(): string } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (line) => outLines.push(line),
    err: (line) => errLines.push(line),
    all: () => [...outLines, ...errLines].join('\n'),
  };
}

/** Every file under `dir` with its text. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path, await readFile(path, 'utf8'));
  }
  return files;
}

/** The secret values (and their JSON/HTML spellings) found anywhere in `texts`. */
export function leaks(texts: Iterable<string>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const secret of secrets) {
      const spellings = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
      if (spellings.some((spelling) => text.includes(spelling))) found.push(secret.slice(0, 6));
    }
  }
  return found;
}

/** runCollection, then the summary `gatecheck run` prints from its result (on the same Io). */
export async function runCollectionPrinted(
  options: RunCollectionOptions,
): Promise<RunCollectionResult> {
  const result = await runCollection(options);
  printRunSummary(result, options.io);
  return result;
}
