/**
 * One report per run, however many newman runs (parts) it took: the JUnit files are joined into
 * one `<testsuites>` (CI test tabs read one file), the JSON summaries into one summary of the same
 * shape as newman's (`run.stats`, `run.executions`, `run.failures`...), plus a `gatecheck` block
 * with the outcome as gatecheck counts it.
 */

/**
 * Joins newman JUnit reports: every `<testsuite>` under one `<testsuites>`. newman's own `tests`
 * attributes count assertions while its elements are one `<testcase>` per request, so CI tabs
 * showed totals that matched nothing; every count here (root and suite: tests, failures, errors,
 * skipped) is counted from the `<testcase>` elements themselves.
 */
export function mergeJunit(name: string, reports: string[]): string {
  let time = 0;
  const suites: string[] = [];
  const total = emptyCounts();
  for (const xml of reports) {
    const match = /<testsuites\b([^>]*?)(\/>|>([\s\S]*?)<\/testsuites>)/.exec(xml);
    if (!match) continue;
    time += Number(attribute(match[1] ?? '', 'time') ?? 0);
    const body = (match[3] ?? '').trim().replace(SUITE, (_suite, open: string, inner?: string) => {
      const counts = countCases(inner ?? '');
      addCounts(total, counts);
      return `${withCounts(open, counts)}${inner === undefined ? '/>' : `>${inner}</testsuite>`}`;
    });
    if (body) suites.push(`  ${body}`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `${withCounts(`<testsuites name="${escapeXml(name)}"`, total)} time="${time.toFixed(3)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

interface JunitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** `<testsuite attrs` then either `/>` or `>body</testsuite>`. */
const SUITE = /(<testsuite\b[^>]*?)(?:\/>|>([\s\S]*?)<\/testsuite>)/g;
const CASE = /<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;

function emptyCounts(): JunitCounts {
  return { tests: 0, failures: 0, errors: 0, skipped: 0 };
}

function countCases(suiteBody: string): JunitCounts {
  const counts = emptyCounts();
  for (const [, body = ''] of suiteBody.matchAll(CASE)) {
    counts.tests += 1;
    if (/<failure\b/.test(body)) counts.failures += 1;
    else if (/<error\b/.test(body)) counts.errors += 1;
    else if (/<skipped\b/.test(body)) counts.skipped += 1;
  }
  return counts;
}

function addCounts(total: JunitCounts, counts: JunitCounts): void {
  total.tests += counts.tests;
  total.failures += counts.failures;
  total.errors += counts.errors;
  total.skipped += counts.skipped;
}

/** The opening tag with its count attributes replaced by `counts`. */
function withCounts(open: string, counts: JunitCounts): string {
  const stripped = open.replace(/\s(tests|failures|errors|skipped)="[^"]*"/g, '');
  return `${stripped} tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface CollectionJson {
  item?: { id?: unknown }[];
  [field: string]: unknown;
}

function mergeCollections(collections: unknown[], itemOrder: string[]): unknown {
  const last = collections.at(-1);
  if (!isRecord(last)) return last;
  const items = new Map<unknown, unknown>();
  for (const collection of collections) {
    if (!isRecord(collection) || !Array.isArray(collection.item)) continue;
    for (const item of (collection as CollectionJson).item ?? []) {
      const id = isRecord(item) ? item.id : undefined;
      if (id === undefined) items.set(Symbol('item without id'), item);
      else if (!items.has(id)) items.set(id, item);
    }
  }
  const rank = (id: unknown) => {
    const index = typeof id === 'string' ? itemOrder.indexOf(id) : -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  // Array.prototype.sort is stable: items the order does not know keep the order they came in.
  const ordered = [...items].sort(([a], [b]) => rank(a) - rank(b)).map(([, item]) => item);
  return { ...last, item: ordered };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Stat {
  total?: number;
  pending?: number;
  failed?: number;
}

interface NewmanJsonSummary {
  collection?: unknown;
  environment?: unknown;
  globals?: unknown;
  run?: {
    stats?: Record<string, Stat>;
    timings?: Record<string, number>;
    executions?: unknown[];
    transfers?: { responseTotal?: number };
    failures?: unknown[];
    error?: unknown;
  };
}

export interface LabelledSummary {
  label: string;
  summary: NewmanJsonSummary;
}

/**
 * Merges newman JSON summaries; `gatecheck` is added at the top. Each part was given only its own
 * items, so the summary's `collection` is the last part's with the items of all parts, each once,
 * in `itemOrder` (top-level ids in collection order) when given.
 */
export function mergeJsonSummaries(
  parts: LabelledSummary[],
  gatecheck: Record<string, unknown>,
  itemOrder: string[] = [],
): Record<string, unknown> {
  const stats: Record<string, Required<Stat>> = {};
  const executions: unknown[] = [];
  const failures: unknown[] = [];
  let responseTotal = 0;
  let started = Number.POSITIVE_INFINITY;
  let completed = 0;
  let error: unknown = null;
  for (const { summary } of parts) {
    const run = summary.run ?? {};
    for (const [name, stat] of Object.entries(run.stats ?? {})) {
      const sum = (stats[name] ??= { total: 0, pending: 0, failed: 0 });
      sum.total += stat.total ?? 0;
      sum.pending += stat.pending ?? 0;
      sum.failed += stat.failed ?? 0;
    }
    executions.push(...(run.executions ?? []));
    failures.push(...(run.failures ?? []));
    responseTotal += run.transfers?.responseTotal ?? 0;
    started = Math.min(started, run.timings?.started ?? started);
    completed = Math.max(completed, run.timings?.completed ?? completed);
    error ??= run.error ?? null;
  }
  const last = parts.at(-1)?.summary;
  return {
    gatecheck: { ...gatecheck, parts: parts.map((part) => part.label) },
    collection: mergeCollections(
      parts.map((part) => part.summary.collection),
      itemOrder,
    ),
    environment: last?.environment,
    globals: last?.globals,
    run: {
      stats,
      timings: {
        started: Number.isFinite(started) ? started : undefined,
        completed: completed || undefined,
      },
      executions,
      transfers: { responseTotal },
      failures,
      error,
    },
  };
}
