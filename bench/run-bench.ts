/**
 * `npm run bench`: what a run and a generation cost (bench/cost-bench.ts), printed as ratios from
 * alternating pairs; with --parallel-operations, the parallel-run benchmark too.
 *
 * Needs `npm run build` (gatecheck is measured from dist/, as users run it). Runs on a plain clone:
 * the big real exports come from test/fixtures/real-specs. Options: --specs-dir DIR (adds the
 * volumez exports found there; default GATECHECK_SPECS_DIR), --pairs N (default 3),
 * --operations N (the synthetic export, default 200), --parallel-operations LIST (e.g. `8,24`).
 * Exits 2 when it cannot measure.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCostBench } from './cost-bench.js';

const { values } = parseArgs({
  options: {
    'specs-dir': { type: 'string' },
    pairs: { type: 'string', default: '3' },
    operations: { type: 'string', default: '200' },
    'parallel-operations': { type: 'string' },
  },
});

if (!existsSync(resolve(import.meta.dirname, '../dist/generators/cli/main.js'))) {
  process.stderr.write('bench: run `npm run build` first (gatecheck is measured from dist/).\n');
  process.exit(2);
}
const specsDir = values['specs-dir'] ?? process.env.GATECHECK_SPECS_DIR;
if (specsDir !== undefined && !existsSync(specsDir)) {
  process.stderr.write(`bench: --specs-dir ${specsDir} does not exist\n`);
  process.exit(2);
}
const print = (line: string) => process.stdout.write(`${line}\n`);

try {
  await runCostBench({
    ...(specsDir !== undefined ? { specsDir: resolve(specsDir) } : {}),
    pairs: Math.max(1, Number(values.pairs)),
    operations: Math.max(1, Number(values.operations)),
    print,
  });
  if (values['parallel-operations']) {
    const { runParallelBench } = await import('./parallel-bench.js');
    for (const operations of values['parallel-operations'].split(',').map(Number)) {
      print('');
      await runParallelBench(print, { operations });
    }
  }
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(2);
}
