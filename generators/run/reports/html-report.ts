/**
 * gatecheck's HTML report: one self-contained page per run (however many newman runs or shards
 * it took), summary first: the counts, an operations × checks grid (green passed, red failed,
 * orange inconclusive, grey skipped), the authorization matrix when the run has one, then every
 * failure with its one-line reason, a `curl` line and the request and answer (masked, bodies
 * capped: check-record.ts). Bodies are kept only for failed checks, so a large run's page stays
 * small. Nothing on the page is fetched from anywhere (html-template.ts).
 */
import Handlebars from 'handlebars';
import type { CheckRecord, HttpHeader, RequestRecord, ResponseRecord } from './check-record.js';
import { curlLine } from './curl-line.js';
import { reportTemplate } from './html-template.js';
import { DETAILED_FAILURES } from './report-budget.js';
import { countedParts, type RunReport } from './run-report.js';

/** Failures shown with their request and answer; the rest are counted (they are in summary.json). */
export const MAX_DETAILED_FAILURES = DETAILED_FAILURES;

const handlebars = Handlebars.create();
let compiled: HandlebarsTemplateDelegate | undefined;

export function renderHtmlReport(report: RunReport, description?: string): string {
  compiled ??= handlebars.compile(reportTemplate, { strict: false, noEscape: false });
  return compiled(viewOf(report, description));
}

function viewOf(report: RunReport, description: string | undefined) {
  const failedChecks = report.checks.filter(
    (check) => check.status === 'failed' || check.status === 'inconclusive',
  );
  const detailed = failedChecks.slice(0, MAX_DETAILED_FAILURES);
  const outcome =
    report.exitCode === 0 ? 'passed' : report.exitCode === 1 ? 'failed' : 'could not run';
  const sign = report.signInFailure;
  return {
    collection: report.collection,
    outcome,
    outcomeClass: report.exitCode === 0 ? 'passed' : report.exitCode === 1 ? 'failed' : 'error',
    startedAt: report.startedAt,
    duration: `${(report.durationMs / 1000).toFixed(1)} s`,
    signIns: report.signIns,
    shard: report.shard ? `${report.shard.index}/${report.shard.count}` : undefined,
    mergedFrom: report.mergedFrom,
    counts: report.counts,
    countedParts: countedParts(report),
    notes: report.notes,
    signInFailure: sign
      ? sign.cognito
        ? `Cognito answered ${sign.cognito.type}: ${sign.cognito.message}`
        : (sign.problem ?? 'unknown reason')
      : undefined,
    description: description ? linkSegments(description) : undefined,
    grid: gridOf(report.checks),
    matrix: report.authzMatrix
      ? {
          personas: report.authzMatrix.personas,
          rows: report.authzMatrix.rows.map((row) => ({
            operation: row.operation,
            cells: report.authzMatrix!.personas.map((persona) => row.cells[persona] ?? '-'),
          })),
        }
      : undefined,
    failures: detailed.map(failureView),
    failuresLeftOut: failedChecks.length - detailed.length,
    skipped: skippedGroups(report.checks),
    skippedCount: report.counts.skipped,
    checks: report.checks.map((check) => ({ name: check.name, status: check.status })),
  };
}

function gridOf(checks: CheckRecord[]) {
  const rows = new Map<string, CheckRecord[]>();
  for (const check of checks) {
    const row = rows.get(check.group) ?? [];
    row.push(check);
    rows.set(check.group, row);
  }
  return [...rows].map(([group, row]) => ({
    group,
    total: row.length,
    passed: row.filter((check) => check.status === 'passed').length,
    cells: row.map((check) => ({ label: check.label, status: check.status })),
  }));
}

function failureView(check: CheckRecord) {
  return {
    name: check.name,
    status: check.status,
    reason: check.reason ?? check.status,
    curl: check.request ? curlLine(check.request) : undefined,
    request: check.request ? requestText(check.request) : undefined,
    response: check.response ? responseText(check.response) : undefined,
    assertions: check.assertions,
  };
}

function headerLines(headers: HttpHeader[]): string[] {
  return headers.map((header) => `${header.key}: ${header.value}`);
}

function requestText(request: RequestRecord): string {
  return [
    `${request.method} ${request.url}`,
    ...headerLines(request.headers),
    ...(request.body !== undefined ? ['', bodyText(request.body, request.bodyTruncated)] : []),
  ].join('\n');
}

function responseText(response: ResponseRecord): string {
  return [
    `${response.code} ${response.status}`.trim() +
      (response.timeMs !== undefined ? ` (${response.timeMs} ms)` : ''),
    ...headerLines(response.headers),
    ...(response.body !== undefined ? ['', bodyText(response.body, response.bodyTruncated)] : []),
  ].join('\n');
}

function bodyText(body: string, truncated: number | undefined): string {
  return truncated ? `${body}\n… (${truncated} more characters left out)` : body;
}

/** Skipped checks grouped by reason, most frequent first. */
export function skippedGroups(checks: CheckRecord[]) {
  const groups = new Map<string, string[]>();
  for (const check of checks) {
    if (check.status !== 'skipped') continue;
    const reason = check.reason ?? 'skipped';
    groups.set(reason, [...(groups.get(reason) ?? []), check.name]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, names]) => ({
      reason,
      count: names.length,
      names: names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : ''),
    }));
}

/**
 * Text with its links: `[text](url)` and bare addresses. Only http(s) addresses become links;
 * anything else (`javascript:`, `data:`, `file:`...) stays text, exactly as written.
 */
export function linkSegments(text: string): Array<{ text: string; href?: string }> {
  const segments: Array<{ text: string; href?: string }> = [];
  const pattern = /\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|\bhttps?:\/\/[^\s<>"')\]]+/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: text.slice(last, index) });
    const label = match[1];
    const target = match[2] ?? match[0];
    if (isWebAddress(target)) segments.push({ text: label ?? target, href: target });
    else segments.push({ text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

export function isWebAddress(target: string): boolean {
  try {
    const url = new URL(target);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(target);
  } catch {
    return false;
  }
}
