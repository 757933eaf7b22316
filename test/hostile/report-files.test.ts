import { expect } from 'chai';
import { InputError } from '../../generators/errors.js';
import { reportDirName, writeReports } from '../../generators/run/reports/report-dir.js';
import { SUMMARY_SCHEMA_VERSION, type RunReport } from '../../generators/run/reports/run-report.js';
import { tempFolder } from './hostile-helpers.js';

function emptyReport(collection: string): RunReport {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    collection,
    startedAt: '2025-01-31T09:15:02.123Z',
    durationMs: 0,
    exitCode: 1,
    counts: { checks: 0, passed: 0, failed: 0, inconclusive: 0, skipped: 0 },
    planned: null,
    counters: { ran: 0, skipped: 0, inconclusive: 0 },
    guardRan: false,
    signIns: 0,
    workers: 0,
    groups: [],
    notes: [],
    checks: [],
  };
}

describe('hostile collections: report file names and folders', () => {
  it('caps a 230-character title so the report folder name fits (no ENAMETOOLONG)', () => {
    const name = reportDirName('A'.repeat(230), new Date('2025-01-31T09:15:02.123Z'));
    expect(name).to.equal(`${'a'.repeat(80)}-2025-01-31T09-15-02-123Z`);
  });

  it('strips control characters from the folder name', () => {
    const name = reportDirName('x\u0000\u001b[2J\ny', new Date('2025-01-31T09:15:02.123Z'));
    expect(name).to.equal('x-2j-y-2025-01-31T09-15-02-123Z');
  });

  it('an unwritable --reports-dir is one InputError, not a stack', async () => {
    const folder = await tempFolder();
    try {
      const file = await folder.write('not-a-folder', 'x');
      let error: unknown;
      try {
        await writeReports({
          dir: `${file}/run`,
          report: emptyReport('c'),
          mask: (text) => text,
        });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).describe()).to.match(
        /^.*: cannot write the reports \(E[A-Z]+\)\. Give --reports-dir/,
      );
    } finally {
      await folder.remove();
    }
  });
});

describe('hostile specs: item names', () => {
  it('control characters and lone surrogates in titles never reach a report name', async () => {
    const { itemName } = await import('../../generators/render/item-name.js');
    expect(itemName('GET /a\u0000\u001b[2J\u000bb\ud800 ')).to.equal('GET /a [2J b');
    expect(itemName('\u0001')).to.equal('unnamed');
  });
});
