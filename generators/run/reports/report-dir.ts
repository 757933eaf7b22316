/**
 * The report directory of a run: `reports/<collection-name>-<timestamp>/` with
 * - `summary.json` the run as gatecheck counts it: every check with its outcome (docs/reports.md),
 * - `junit.xml`    one testcase per check, for CI test tabs,
 * - `report.html`  one self-contained page, summary first.
 * All three are made from the same records (reports/run-report.ts), so their counts agree.
 *
 * Nothing reaches it unmasked: the records are masked before anything is rendered, each file is
 * masked once more as a second net, and the finished directory is renamed into place (no
 * half-written reports).
 */
import { InputError } from '../../errors.js';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtmlReport } from './html-report.js';
import { renderJunit } from './junit.js';
import type { RunReport } from './run-report.js';
import { maskDeep, maskFilesUnder } from './secret-mask.js';

const maxSlugLength = 80;

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
  report: RunReport;
  /** The collection's description, shown on the HTML page (links only to http(s) addresses). */
  description?: string;
  mask: (text: string) => string;
}

/**
 * Writes the masked reports to `dir` (created; must not exist yet). A folder that cannot be
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
      hint: 'Give --reports-dir (or --out) a folder you can write to',
    });
  }
}

/** The report with every string masked (a copy; the caller's records stay as they are). */
export function maskedReport(report: RunReport, mask: (text: string) => string): RunReport {
  const copy = structuredClone(report);
  maskDeep(copy, mask);
  return copy;
}

async function writeReportFiles(input: WriteReportsInput): Promise<void> {
  const partial = `${input.dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true, mode: 0o700 });
  const report = maskedReport(input.report, input.mask);
  const description = input.description === undefined ? undefined : input.mask(input.description);
  await writeFile(join(partial, 'summary.json'), summaryJson(report));
  await writeFile(join(partial, 'junit.xml'), renderJunit(report));
  await writeFile(join(partial, 'report.html'), renderHtmlReport(report, description));
  // Second net: whatever reached a file in a shape the masking above did not anticipate.
  await maskFilesUnder(partial, input.mask);
  await mkdir(join(input.dir, '..'), { recursive: true });
  await rename(partial, input.dir);
}

/**
 * summary.json as text: the run's fields indented, each check on one line (a run of thousands of
 * checks stays readable with `grep` and a few times smaller than indenting every field).
 */
export function summaryJson(report: RunReport): string {
  const { checks, ...rest } = report;
  const head = JSON.stringify({ ...rest, checks: [] }, null, 2);
  if (checks.length === 0) return `${head}\n`;
  const lines = checks.map((check) => `    ${JSON.stringify(check)}`);
  return `${head.slice(0, head.lastIndexOf('[]'))}[\n${lines.join(',\n')}\n  ]\n}\n`;
}
