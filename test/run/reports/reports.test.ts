/**
 * The run's reports from check records: one count everywhere (a check, never an assertion or a
 * request), JUnit with one testcase per check, the HTML page (self-contained, http(s) links only),
 * curl lines, progress lines, and merging shards.
 */
import { expect } from 'chai';
import { tallyOf } from '../../../generators/run/reports/check-tally.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  guardCheck,
  mergeShardReports,
  readRunReport,
} from '../../../generators/run/reports/merge-reports.js';
import { createProgress } from '../../../generators/run/reports/progress.js';
import { maskedReport, summaryJson } from '../../../generators/run/reports/report-dir.js';
import { withinBudget } from '../../../generators/run/reports/report-budget.js';
import {
  BODY_CAP,
  cappedBody,
  checkStatus,
  countChecks,
  isCheck,
  type CheckRecord,
  type ItemFacts,
} from '../../../generators/run/reports/check-record.js';
import { curlLine } from '../../../generators/run/reports/curl-line.js';
import { linkSegments, renderHtmlReport } from '../../../generators/run/reports/html-report.js';
import { renderJunit } from '../../../generators/run/reports/junit.js';
import {
  orderChecks,
  SUMMARY_SCHEMA_VERSION,
  type RunReport,
} from '../../../generators/run/reports/run-report.js';
import { parseShard, shardFolders } from '../../../generators/run/reports/shard.js';
import { compileMask } from '../../../generators/run/reports/secret-mask.js';
import { formatRunSummary } from '../../../generators/run/reports/text-summary.js';
import { InputError } from '../../../generators/errors.js';

const none = { ran: 0, skipped: 0, inconclusive: 0 };
const facts = (extra: Partial<ItemFacts>): ItemFacts => ({
  name: 'GET /a · no-token',
  group: 'GET /a',
  assertions: [],
  counters: none,
  ...extra,
});

function check(name: string, status: CheckRecord['status'], extra: Partial<CheckRecord> = {}) {
  const [group = 'gatecheck', label = name] = name.includes(' · ')
    ? [name.slice(0, name.indexOf(' · ')), name.slice(name.indexOf(' · ') + 3)]
    : [];
  return { name, group, label, status, assertions: [], ...extra } satisfies CheckRecord;
}

function report(checks: CheckRecord[], extra: Partial<RunReport> = {}): RunReport {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    collection: 'API <&>',
    startedAt: '2025-01-31T09:15:02.123Z',
    durationMs: 1500,
    exitCode: 1,
    counts: countChecks(checks),
    planned: null,
    counters: { ran: 0, skipped: 0, inconclusive: 0 },
    guardRan: false,
    signIns: 1,
    workers: 1,
    groups: ['Sign-in', 'GET /a', 'GET /b'],
    notes: [],
    checks,
    ...extra,
  };
}

const failedRequest = {
  method: 'GET',
  url: 'https://api.example.com/prod/a?x=1',
  headers: [
    { key: 'Authorization', value: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
    { key: 'x-api-key', value: 'the-api-key-1234' },
    { key: 'Postman-Token', value: 'abc' },
  ],
};

describe('reports: what a check is and how it ended', () => {
  it('an item is a check when it reported a test or moved a run counter; not otherwise', () => {
    expect(isCheck(facts({}))).to.equal(false);
    expect(isCheck(facts({ counters: { ...none, skipped: 1 } }))).to.equal(true);
    expect(isCheck(facts({ assertions: [{ name: 't', status: 'passed' }] }))).to.equal(true);
  });

  it('skipped (with the reason), inconclusive (with the control reason), failed, no answer, passed', () => {
    expect(
      checkStatus(
        facts({
          assertions: [{ name: 'expired: skipped: set expiredToken to run it', status: 'skipped' }],
          counters: { ...none, skipped: 1 },
        }),
      ),
    ).to.deep.equal({ status: 'skipped', reason: 'set expiredToken to run it' });
    expect(
      checkStatus(
        facts({
          assertions: [
            {
              name: 'no-token: inconclusive: control did not pass',
              status: 'failed',
              message:
                'inconclusive: control did not pass (a negative check only counts after a passing control)',
            },
          ],
          counters: { ran: 1, skipped: 0, inconclusive: 1 },
        }),
      ).status,
    ).to.equal('inconclusive');
    expect(
      checkStatus(
        facts({
          assertions: [
            { name: 'answered', status: 'passed' },
            { name: 'status is 401', status: 'failed', message: 'expected 200 to equal 401' },
          ],
        }),
      ),
    ).to.deep.equal({ status: 'failed', reason: 'status is 401: expected 200 to equal 401' });
    expect(
      checkStatus(
        facts({
          requestError: 'connect ECONNREFUSED 127.0.0.1:9',
          assertions: [{ name: 'answered', status: 'failed', message: 'no answer' }],
        }),
      ),
    ).to.deep.equal({ status: 'failed', reason: 'no response (connect ECONNREFUSED 127.0.0.1:9)' });
    expect(
      checkStatus(facts({ assertions: [{ name: 'status is 401', status: 'passed' }] })),
    ).to.deep.equal({ status: 'passed' });
  });

  it('counts checks, not assertions: a check with five tests is one', () => {
    const tally = tallyOf([
      check('GET /a · positive', 'passed'),
      check('GET /a · no-token', 'failed', { reason: 'status is 401: expected 200' }),
      check('GET /a · expired', 'skipped', { reason: 'no token' }),
      check('GET /a · other-pool', 'inconclusive'),
    ]);
    expect(tally).to.include({ passed: 1, failed: 1, skipped: 1, inconclusive: 1 });
    expect(tally.failures).to.deep.equal(['GET /a · no-token: status is 401: expected 200']);
  });

  it('orders checks by top-level folder, top-level checks (the guard) last', () => {
    const ordered = orderChecks(
      [
        check('gatecheck · run guard', 'passed'),
        check('GET /b · x', 'passed'),
        check('GET /a · y', 'passed'),
      ],
      ['Sign-in', 'GET /a', 'GET /b'],
    );
    expect(ordered.map((c) => c.name)).to.deep.equal([
      'GET /a · y',
      'GET /b · x',
      'gatecheck · run guard',
    ]);
  });
});

describe('reports: JUnit', () => {
  const checks = [
    check('GET /a · positive', 'passed'),
    check('GET /a · no-token', 'failed', {
      reason: 'status is 401: expected 200 to equal 401',
      assertions: [
        { name: 'status is 401', status: 'failed', message: 'expected 200 to equal 401' },
      ],
      request: failedRequest,
    }),
    check('GET /a · expired', 'skipped', { reason: 'set "expiredToken" <to run it>' }),
    check('GET /b · other-pool', 'inconclusive', { reason: 'inconclusive: control did not pass' }),
    check('gatecheck · run guard', 'passed'),
  ];
  const xml = renderJunit(report(checks));

  it('one testcase per check, the run guard included; root counts are the sums of the suites', () => {
    expect(xml.match(/<testcase /g)).to.have.length(5);
    expect(xml).to.include(
      '<testsuites name="API &lt;&amp;&gt;" tests="5" failures="2" errors="0" skipped="1" time="1.500">',
    );
    const suites = [
      ...xml.matchAll(
        /<testsuite [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g,
      ),
    ];
    expect(suites.map((m) => m.slice(1).map(Number))).to.deep.equal([
      [3, 1, 0, 1],
      [1, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
    expect(xml).to.include('<testcase name="run guard" classname="gatecheck"/>');
  });

  it('skipped checks carry their reason; inconclusive ones are failures with the control reason', () => {
    expect(xml).to.include('<skipped message="set &quot;expiredToken&quot; &lt;to run it&gt;"/>');
    expect(xml).to.include(
      '<failure type="inconclusive" message="inconclusive: control did not pass">',
    );
    expect(xml).to.include("curl -i -X GET 'https://api.example.com/prod/a?x=1'");
  });
});

describe('reports: curl lines', () => {
  it('one line, shell-quoted, without the headers the Postman runtime adds; secrets masked', () => {
    const mask = compileMask(['the-api-key-1234']);
    const masked = maskedReport(
      report([check('GET /a · x', 'failed', { request: failedRequest })]),
      mask,
    );
    const line = curlLine(masked.checks[0]!.request!);
    expect(line).to.equal(
      "curl -i -X GET 'https://api.example.com/prod/a?x=1' -H 'Authorization: Bearer [redacted]' -H 'x-api-key: [redacted]'",
    );
    expect(
      curlLine({ method: 'POST', url: 'http://h/a', headers: [], body: `{"a":"it's\nme"}` }),
    ).to.equal(`curl -i -X POST http://h/a --data-raw '{"a":"it'\\''s me"}'`);
  });
});

describe('reports: HTML', () => {
  const checks = [
    check('GET /a · positive', 'passed'),
    check('GET /a · no-token', 'failed', {
      reason: 'status is 401: <b>expected</b> 200',
      request: failedRequest,
      response: { code: 200, status: 'OK', headers: [], body: '{"ok":true}' },
    }),
    check('GET /a · expired', 'skipped', { reason: 'no expired token supplied' }),
  ];

  it('a summary first, then the grid, the failures with curl lines, no script and nothing fetched', () => {
    const html = renderHtmlReport(
      report(checks, {
        authzMatrix: {
          personas: ['owner', 'other'],
          rows: [{ operation: 'GET /a', cells: { owner: 'allowed', other: 'failed' } }],
        },
      }),
    );
    expect(html.indexOf('id="summary"')).to.be.below(html.indexOf('id="grid"'));
    expect(html).to.include("default-src 'none'");
    expect(html).to.not.match(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).to.include('status is 401: &lt;b&gt;expected&lt;/b&gt; 200');
    expect(html).to.include('curl -i -X GET');
    expect(html).to.include('<td class="m-failed">failed</td>');
    expect(html).to.include('no expired token supplied');
    expect(html.match(/class="cell (passed|failed|skipped)" title=/g)).to.have.length(3);
  });

  it('links only to http(s) addresses: a javascript: link in the description stays text', () => {
    expect(
      linkSegments('see [docs](https://example.com/d) or [x](javascript:alert(1)) and data:x'),
    ).to.deep.equal([
      { text: 'see ' },
      { text: 'docs', href: 'https://example.com/d' },
      { text: ' or ' },
      { text: '[x](javascript:alert(1)' },
      { text: ') and data:x' },
    ]);
    const html = renderHtmlReport(
      report(checks),
      '[click](javascript:alert(document.cookie)) <a href="javascript:alert(1)">x</a> https://ok.example/',
    );
    const targets = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(targets).to.deep.equal(['https://ok.example/']);
    expect(html).to.include('[click](javascript:alert(document.cookie)');
  });

  it('stays small: a 200-operation run where every check fails writes about 10 MB in all', () => {
    const failing: CheckRecord[] = [];
    for (let op = 0; op < 200; op += 1)
      for (let index = 0; index < 45; index += 1)
        failing.push(
          check(`GET /resource${op}/{id} · kind-${index}`, 'failed', {
            reason: `kind-${index}: status is 401: expected 200 to equal 401`,
            assertions: [
              { name: `kind-${index}: answered by API Gateway`, status: 'passed' },
              {
                name: `kind-${index}: status is 401`,
                status: 'failed',
                message: 'expected 200 to equal 401',
              },
              {
                name: `kind-${index}: body`,
                status: 'failed',
                message: `the body is "${'x'.repeat(200)}"`,
              },
            ],
            request: {
              method: 'GET',
              url: `https://abcdef1234.execute-api.eu-west-1.amazonaws.com/prod/resource${op}/u-1001`,
              headers: [{ key: 'Authorization', value: 'Bearer [redacted]' }],
            },
            response: {
              code: 200,
              status: 'OK',
              headers: Array.from({ length: 9 }, (_, k) => ({
                key: `x-amzn-h${k}`,
                value: 'f7c1a7e2-5b1e-4d2a-9c1b-0e6f1a2b3c4d',
              })),
              ...cappedBody('y'.repeat(7000)),
              timeMs: 42,
            },
          }),
        );
    const sizes = (checks: CheckRecord[]) => {
      const whole = report(withinBudget(checks));
      return summaryJson(whole).length + renderJunit(whole).length + renderHtmlReport(whole).length;
    };
    expect(sizes(failing)).to.be.below(12 * 1024 * 1024);
    // A run with a tenth of its checks failing: a few megabytes.
    const mostlyPassing = failing.map((c, index) =>
      index % 10 === 0 ? c : check(c.name, 'passed'),
    );
    expect(sizes(mostlyPassing)).to.be.below(6 * 1024 * 1024);
    // The first failures keep their bodies (capped), the later ones what a curl line needs.
    const kept = withinBudget(failing);
    expect(kept[0]?.response?.body).to.have.length(BODY_CAP);
    expect(kept[0]?.response?.bodyTruncated).to.equal(7000 - BODY_CAP);
    expect(kept.at(-1)?.response?.body).to.equal(undefined);
    expect(curlLine(kept.at(-1)!.request!)).to.include("-H 'Authorization: Bearer [redacted]'");
    expect(JSON.parse(summaryJson(report(kept))).checks).to.have.length(9000);
  });
});

describe('reports: progress lines', () => {
  it('numbers checks; a skipped check says skipped and why, never ok; a request that sent nothing prints nothing', () => {
    const lines: string[] = [];
    const progress = createProgress(3, (line) => lines.push(line));
    progress.itemDone('gatecheck · run start', { check: false, status: 'skipped' });
    progress.itemDone('Sign in (InitiateAuth)', { check: false, status: 'passed' });
    progress.itemDone('GET /a · positive', { check: true, status: 'passed' });
    progress.itemDone('GET /a · expired', { check: true, status: 'skipped', reason: 'no token' });
    progress.itemDone('GET /a · other-pool', {
      check: true,
      status: 'inconclusive',
      reason: 'control did not pass',
    });
    expect(lines).to.deep.equal([
      '      Sign in (InitiateAuth): ok',
      '[1/3] GET /a · positive: passed',
      '[2/3] GET /a · expired: skipped (no token)',
      '[3/3] GET /a · other-pool: INCONCLUSIVE (control did not pass)',
    ]);
  });
});

describe('reports: the console summary', () => {
  it('says what was counted, what was skipped and why, and a curl line under each failure', () => {
    const checks = [
      check('GET /a · positive', 'failed', {
        reason: 'answers 200: expected 500',
        request: failedRequest,
      }),
      check('GET /a · expired', 'skipped', { reason: 'no expired token' }),
      check('GET /b · expired', 'skipped', { reason: 'no expired token' }),
      check('GET /b · no-token', 'inconclusive', { reason: 'inconclusive: control did not pass' }),
      check('gatecheck · run guard', 'passed'),
    ];
    const lines = formatRunSummary({
      collectionName: 'API',
      tally: tallyOf(checks),
      checks,
      planned: 3,
      guardRan: true,
      signIns: 1,
      durationMs: 1000,
      workers: 1,
      notes: [],
    });
    expect(lines).to.include(
      '  checks: 1 passed, 1 failed, 1 inconclusive, 2 skipped (5 check(s): 3 planned + the run guard)',
    );
    expect(lines).to.include('  inconclusive 1: control did not pass (GET /b · no-token)');
    expect(lines).to.include('  skipped 2: no expired token (GET /a · expired, GET /b · expired)');
    const failure = lines.indexOf('    ✗ GET /a · positive: answers 200: expected 500');
    expect(lines[failure + 1]).to.match(
      /^ {6}curl -i -X GET 'https:\/\/api\.example\.com\/prod\/a\?x=1' -H/,
    );
  });
});

describe('reports: shards', () => {
  const folder = (name: string, size: number) => ({
    name,
    item: Array.from({ length: size }, (_, i) => ({ name: `${name} · ${i}`, request: {} })),
  });
  const folders = [folder('a', 9), folder('b', 3), folder('c', 7), folder('d', 2), folder('e', 5)];

  it('--shard i/n: every folder in exactly one shard, the same on every call', () => {
    const shards = [1, 2, 3].map((index) =>
      shardFolders(folders, { index, count: 3 }).map((f) => f.name),
    );
    expect(shards.flat().sort()).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(
      [1, 2, 3].map((index) => shardFolders(folders, { index, count: 3 }).map((f) => f.name)),
    ).to.deep.equal(shards);
    expect(shardFolders(folders.slice(0, 1), { index: 2, count: 2 })).to.deep.equal([]);
    expect(parseShard('2/4')).to.deep.equal({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0'])
      expect(() => parseShard(bad), bad).to.throw(InputError);
  });

  it('merges shards: checks in collection order, one token refresh, the guard applied to the whole', () => {
    const shard = (index: number, checks: CheckRecord[], ran: number) =>
      report(checks, {
        shard: { index, count: 2 },
        planned: 3,
        counters: { ran, skipped: 0, inconclusive: 0 },
        exitCode: 0,
      });
    const refresh = check('Sign-in · Refresh tokens', 'passed');
    const merged = mergeShardReports([
      shard(2, [refresh, check('GET /b · positive', 'passed')], 1),
      shard(
        1,
        [refresh, check('GET /a · positive', 'passed'), check('GET /a · no-token', 'passed')],
        2,
      ),
    ]);
    expect(merged.checks.map((c) => c.name)).to.deep.equal([
      'Sign-in · Refresh tokens',
      'GET /a · positive',
      'GET /a · no-token',
      'GET /b · positive',
      'gatecheck · run guard',
    ]);
    expect(merged.counts).to.deep.equal({
      checks: 5,
      passed: 5,
      failed: 0,
      inconclusive: 0,
      skipped: 0,
    });
    expect(merged.exitCode).to.equal(0);
    expect(() => mergeShardReports([shard(1, [], 0)])).to.throw(InputError, /2\/2 missing/);
    expect(() => mergeShardReports([shard(1, [], 0), shard(1, [], 0)])).to.throw(
      InputError,
      /twice/,
    );
  });

  it('refuses what is not a summary of this schema, and shards of different collections', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gatecheck-merge-'));
    try {
      await writeFile(
        join(folder, 'summary.json'),
        JSON.stringify({ schemaVersion: 2, checks: [] }),
      );
      let error: unknown;
      await readRunReport(folder).catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).describe()).to.match(/summary\.json.*schema version 1/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    const other = { ...report([]), collection: 'other', shard: { index: 2, count: 2 } };
    expect(() =>
      mergeShardReports([{ ...report([]), shard: { index: 1, count: 2 } }, other]),
    ).to.throw(InputError, /another collection/);
  });

  it('the merged guard fails when a planned check did not run, or one was inconclusive', () => {
    expect(guardCheck(3, { ran: 3, skipped: 0, inconclusive: 0 }).status).to.equal('passed');
    expect(guardCheck(3, { ran: 2, skipped: 0, inconclusive: 0 }).reason).to.equal(
      'run guard: every planned check ran or was skipped (3 planned): 2 ran and 0 skipped: expected 2 to equal 3',
    );
    expect(guardCheck(3, { ran: 3, skipped: 0, inconclusive: 1 }).status).to.equal('failed');
  });
});
