/**
 * The report directory of a run: `reports/<collection-name>-<timestamp>/` with
 * - `junit.xml`  every check, for CI test tabs,
 * - `summary.json` newman's run summary (all parts merged) plus gatecheck's counts,
 * - `html/<part>.html` htmlextra dashboards, one per newman run (sign-in, checks or checks-N, run guard).
 *
 * Nothing reaches it unmasked: parts write into a private temporary directory, each file is masked
 * on the way over, and the finished directory is renamed into place (no half-written reports).
 */
import { InputError } from '../errors.js';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeJsonSummaries, mergeJunit, type LabelledSummary } from './merge-reports.js';
import type { PartResult } from './newman-part.js';
import { maskFilesUnder } from './secret-mask.js';

const maxSlugLength = 80;

/** A report file name from a label (a folder name from the collection): safe and short. */
function fileName(label: string): string {
  return (
    label
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, maxSlugLength) || 'part'
  );
}

/** `users-api-2025-01-31T09-15-02-123Z`: the collection name made file-name-safe, plus UTC time. */
export function reportDirName(collectionName: string, at: Date): string {
  const slug =
    collectionName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      // File names are at most 255 bytes: a 230-character title failed with ENAMETOOLONG.
      .slice(0, maxSlugLength)
      .replace(/-+$/, '') || 'collection';
  return `${slug}-${at.toISOString().replace(/[:.]/g, '-')}`;
}

export interface WriteReportsInput {
  dir: string;
  collectionName: string;
  /** Ids of the collection's top-level items, in order (the merged summary lists them so). */
  itemOrder?: string[];
  parts: PartResult[];
  gatecheck: Record<string, unknown>;
  mask: (text: string) => string;
}

/**
 * Writes the merged, masked reports to `dir` (created; must not exist yet). A folder that cannot be
 * written (read-only, not a folder, full) is the user's to fix: one line, exit 2.
 */
export async function writeReports(input: WriteReportsInput): Promise<void> {
  try {
    await writeReportFiles(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !/^E[A-Z]+$/.test(code)) throw error;
    throw new InputError(`cannot write the reports (${code})`, {
      file: input.dir,
      hint: 'Give --reports-dir a folder you can write to',
    });
  }
}

async function writeReportFiles(input: WriteReportsInput): Promise<void> {
  const partial = `${input.dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'html'), { recursive: true, mode: 0o700 });

  const junit: string[] = [];
  const summaries: LabelledSummary[] = [];
  for (const part of input.parts) {
    const xml = await readIfPresent(part.reports.junit);
    if (xml !== undefined) junit.push(input.mask(xml));
    const json = await readIfPresent(part.reports.json);
    if (json !== undefined) {
      summaries.push({
        label: part.label,
        summary: JSON.parse(input.mask(json)) as LabelledSummary['summary'],
      });
    }
    const html = await readIfPresent(part.reports.html);
    if (html !== undefined) {
      await writeFile(join(partial, 'html', `${fileName(part.label)}.html`), input.mask(html));
    }
  }
  await writeFile(join(partial, 'junit.xml'), mergeJunit(input.collectionName, junit));
  await writeFile(
    join(partial, 'summary.json'),
    `${JSON.stringify(mergeJsonSummaries(summaries, input.gatecheck, input.itemOrder), null, 2)}\n`,
  );
  // Second net: whatever a reporter wrote in a shape the masking above did not anticipate.
  await maskFilesUnder(partial, input.mask);
  await mkdir(join(input.dir, '..'), { recursive: true });
  await rename(partial, input.dir);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
