/**
 * `npm run bench`: generation speed and memory against openapi-to-postmanv2 and Portman on the
 * GitHub and Stripe specs, printed side by side with ratios; then the parallel-run benchmark.
 *
 * Needs `npm run build` (the gatecheck tool runs from dist/, as users run it).
 * Options: --runs N (default 3), --spec PATH (repeatable; default the GitHub and Stripe specs in
 * --specs-dir, itself `../shared/specs` beside the repository unless GATECHECK_SPECS_DIR names
 * another folder), --parallel-operations LIST (API sizes for the parallel-run benchmark, default
 * `8,24`: one operation per worker, and an API with more operations than workers),
 * --skip-parallel. Exits 1 when gatecheck itself fails on a spec.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, toolNames, type Measurement } from './generation-bench.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    spec: { type: 'string', multiple: true },
    'specs-dir': { type: 'string' },
    'parallel-operations': { type: 'string', default: '8,24' },
    'skip-parallel': { type: 'boolean', default: false },
  },
});

const sharedSpecs = resolve(
  values['specs-dir'] ??
    process.env.GATECHECK_SPECS_DIR ??
    resolve(import.meta.dirname, '../../shared/specs'),
);
const specs = values.spec ?? [
  resolve(sharedSpecs, 'github-api.github.com-2020-08.json'),
  resolve(sharedSpecs, 'stripe-spec3-2022-04-12.json'),
];
const runs = Number(values.runs);

for (const spec of specs) {
  if (!existsSync(spec)) {
    process.stderr.write(
      `bench: ${spec} does not exist (use --spec, --specs-dir or GATECHECK_SPECS_DIR)\n`,
    );
    process.exit(2);
  }
}
if (!existsSync(resolve(import.meta.dirname, '../dist/generators/cli/main.js'))) {
  process.stderr.write('bench: run `npm run build` first (gatecheck is measured from dist/).\n');
  process.exit(2);
}

function cell(m: Measurement): string {
  if (m.failure) return `failed (${m.failure.slice(0, 60)})`;
  return `${m.wallMs?.toFixed(0)} ms (work ${m.workMs?.toFixed(0)} ms), ${m.maxRssMb?.toFixed(0)} MB`;
}

function ratio(ours: Measurement, theirs: Measurement): string {
  if (!ours.wallMs || !theirs.wallMs || !ours.workMs || !theirs.workMs) return 'n/a';
  const speed = theirs.wallMs / ours.wallMs;
  const work = theirs.workMs / ours.workMs;
  const memory = (theirs.maxRssMb ?? 0) / (ours.maxRssMb ?? 1);
  return `${speed.toFixed(1)}x (work ${work.toFixed(1)}x) faster, ${memory.toFixed(1)}x less memory`;
}

process.stdout.write(
  `Generation benchmark: median of ${runs} runs, each tool in a fresh Node process. Wall time is the\n` +
    `whole process (start-up and module loading included); "work" is the conversion alone, measured\n` +
    `inside the process once its modules are loaded. Memory is the peak resident set.\n\n`,
);
const rows: string[][] = [
  ['spec', ...toolNames, 'gatecheck vs openapi-to-postmanv2', 'gatecheck vs portman'],
];
for (const spec of specs) {
  const results: Record<string, Measurement> = {};
  for (const tool of toolNames) {
    process.stderr.write(`  ${basename(spec)}: ${tool}...\n`);
    results[tool] = await measure(tool, spec, runs);
  }
  const ours = results.gatecheck!;
  if (ours.failure) process.exitCode = 1;
  rows.push([
    basename(spec),
    ...toolNames.map((tool) => cell(results[tool]!)),
    ratio(ours, results['openapi-to-postmanv2']!),
    ratio(ours, results.portman!),
  ]);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  process.stdout.write(`${row.map((text, column) => text.padEnd(widths[column]!)).join(' | ')}\n`);
}

if (!values['skip-parallel']) {
  const parallelBench = resolve(import.meta.dirname, 'parallel-bench.ts');
  if (existsSync(parallelBench)) {
    const { runParallelBench } = (await import(parallelBench)) as {
      runParallelBench: (
        out: (line: string) => void,
        options: { operations: number },
      ) => Promise<void>;
    };
    for (const operations of values['parallel-operations'].split(',').map(Number)) {
      process.stdout.write('\n');
      await runParallelBench((line) => process.stdout.write(`${line}\n`), { operations });
    }
  }
}
