/**
 * JUnit XML from a run's check records: one `<testcase>` per check (never per assertion or per
 * request), the run guard included; one `<testsuite>` per folder (operation) in collection order.
 * A skipped check is `<skipped message="reason"/>`; an inconclusive one is a `<failure
 * type="inconclusive">` with its control's reason (it proves nothing, so it must not look like a
 * pass; docs/reference/check-catalogue.md §2.1). Every count attribute is counted from the
 * testcases, and the root's are the sums of its suites'.
 */
import type { CheckRecord } from './check-record.js';
import { curlLine } from './curl-line.js';
import type { RunReport } from './run-report.js';

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function renderJunit(report: RunReport): string {
  const suites = new Map<string, CheckRecord[]>();
  for (const check of report.checks) {
    const list = suites.get(check.group) ?? [];
    list.push(check);
    suites.set(check.group, list);
  }
  const total: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const body: string[] = [];
  let id = 0;
  for (const [group, checks] of suites) {
    const counts = countsOf(checks);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.skipped += counts.skipped;
    body.push(
      `  <testsuite id="${id++}" name="${xml(group)}" ${countAttributes(counts)} timestamp="${xml(report.startedAt)}">`,
    );
    for (const check of checks) body.push(...testcase(check));
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(report.collection)}" ${countAttributes(total)} time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function countsOf(checks: CheckRecord[]): SuiteCounts {
  return {
    tests: checks.length,
    failures: checks.filter((c) => c.status === 'failed' || c.status === 'inconclusive').length,
    errors: 0,
    skipped: checks.filter((c) => c.status === 'skipped').length,
  };
}

function countAttributes(counts: SuiteCounts): string {
  return `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
}

function testcase(check: CheckRecord): string[] {
  const open = `    <testcase name="${xml(check.label)}" classname="${xml(check.group)}"`;
  if (check.status === 'passed') return [`${open}/>`];
  if (check.status === 'skipped')
    return [`${open}>`, `      <skipped message="${xml(check.reason ?? 'skipped')}"/>`, '    </testcase>'];
  const details = [
    ...check.assertions
      .filter((assertion) => assertion.status === 'failed')
      .map((assertion) => `${assertion.name}: ${assertion.message ?? 'failed'}`),
    ...(check.noResponse ? [check.reason ?? 'no response'] : []),
    ...(check.response ? [`answered ${check.response.code} ${check.response.status}`.trim()] : []),
    ...(check.request ? [curlLine(check.request)] : []),
  ];
  return [
    `${open}>`,
    `      <failure type="${check.status}" message="${xml(check.reason ?? check.status)}">${xml(details.join('\n'))}</failure>`,
    '    </testcase>',
  ];
}

/** XML 1.0 text: characters it cannot hold are dropped, markup characters escaped. */
export function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
