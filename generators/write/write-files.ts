/**
 * Writing generated files: everything is rendered first, then written through temporary files
 * and renamed into place, so a failure leaves no half-written output.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../render/render-outputs.js';

export type { OutputFile } from '../render/render-outputs.js';

/** Writes every file or none (up to the final renames); returns the paths written. */
export async function writeFilesAtomically(
  outDir: string,
  files: readonly OutputFile[],
): Promise<string[]> {
  const suffix = `.gatecheck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = join(outDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}${suffix}`;
      staged.push({ temp, target });
      await writeFile(temp, file.content, 'utf8');
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  return staged.map(({ target }) => target);
}

/** The files whose content on disk differs from `files` (or that are missing). */
export async function findStaleFiles(
  outDir: string,
  files: readonly OutputFile[],
): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const target = join(outDir, file.path);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current !== file.content) stale.push(target);
  }
  return stale;
}
