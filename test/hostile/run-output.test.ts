/**
 * What a run prints quotes item and collection names, which come from the spec or from a
 * collection of unknown origin: no terminal control sequence from them reaches the terminal.
 */
import { expect } from 'chai';
import { createProgress } from '../../generators/run/reports/progress.js';
import { smokeCollection } from '../../generators/run/smoke/smoke.js';
import { formatRunSummary } from '../../generators/run/reports/text-summary.js';
import { printable } from '../../generators/terminal-text.js';

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const hostile = 'GET /a\u001b]0;owned\u0007\u001b[2J\u001b[1A · no-token';

describe('hostile names in run output', () => {
  it('progress lines drop escape sequences from item names', () => {
    const lines: string[] = [];
    createProgress(2, (line) => lines.push(line)).itemDone(hostile, {
      check: true,
      status: 'failed',
    });
    expect(lines).to.deep.equal(['[1/2] GET /a · no-token: FAILED']);
  });

  it('summary lines, printed through printable(), keep no control character', () => {
    const lines = formatRunSummary({
      collectionName: `api\u001b[31m\u009b2J`,
      tally: {
        passed: 0,
        failed: 1,
        skipped: 0,
        inconclusive: 0,
        requestErrors: 0,
        failures: [`${hostile} · status\u0007: x\u001b[8m`],
        unchecked: [],
      },
      signIns: 1,
      durationMs: 10,
      workers: 1,
      reportDir: 'reports/x',
      notes: [],
    }).map(printable);
    for (const line of lines) expect(line).to.not.match(control);
  });

  it('smoke: the waiting lines quote the URL without its control sequences', async () => {
    const lines: string[] = [];
    let clock = 0;
    const result = await smokeCollection({
      collectionPath: 'collections/lab-demo-api.postman_collection.json',
      values: { baseUrl: 'http://127.0.0.1:9/prod\u001b]0;owned\u0007\u001b[2J' },
      secrets: [],
      waitSeconds: 2,
      probeIntervalMs: 500,
      reportEveryMs: 500,
      fetchImpl: (async () => new Response('', { status: 503 })) as typeof fetch,
      clock: () => (clock += 400),
      sleep: async () => undefined,
      io: { out: (line) => lines.push(line), err: (line) => lines.push(line) },
    });
    expect(result.exitCode).to.equal(2);
    expect(lines.some((line) => line.includes('waiting for the deployment'))).to.equal(true);
    expect(lines.some((line) => line.includes('did not answer within'))).to.equal(true);
    for (const line of lines) expect(line).to.not.match(control);
  });
});
