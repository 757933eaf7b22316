/**
 * Generation benchmark: gatecheck against openapi-to-postmanv2 and @apideck/portman on the same
 * large real specs, each tool in a fresh Node process (so start-up, module loading and parsing
 * count for everyone), wall time measured from outside, peak memory (max RSS) reported by the
 * process itself. Median of `runs` runs per tool and spec.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export interface Measurement {
  tool: string;
  spec: string;
  /** Median wall time of the whole process in ms (Node start-up and module loading included). */
  wallMs?: number;
  /** Median time of the conversion itself, measured inside the process after its modules loaded. */
  workMs?: number;
  maxRssMb?: number;
  failure?: string;
}

const benchDir = resolve(import.meta.dirname);
const tools: Record<string, (spec: string, out: string) => string[]> = {
  gatecheck: (spec, out) => [join(benchDir, 'tools/gatecheck.mjs'), spec, out],
  'openapi-to-postmanv2': (spec, out) => [
    join(benchDir, 'tools/openapi-to-postmanv2.cjs'),
    spec,
    join(out, 'collection.json'),
  ],
  portman: (spec, out) => [join(benchDir, 'tools/portman.cjs'), spec, join(out, 'collection.json')],
};

export const toolNames = Object.keys(tools);

function runOnce(
  args: string[],
): Promise<{ wallMs: number; workMs?: number; maxRssKb?: number; failure?: string }> {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const report = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !report.startsWith('{')) {
        const reason = `${stderr}\n${stdout}`
          .split('\n')
          .map((line) => stripVTControlCharacters(line).trim())
          .find((line) => /error|failed|circular/i.test(line));
        done({ wallMs, failure: reason ?? `exit code ${code}` });
        return;
      }
      const { maxRssKb, workMs } = JSON.parse(report) as { maxRssKb: number; workMs: number };
      done({ wallMs, workMs, maxRssKb });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function measure(tool: string, spec: string, runs: number): Promise<Measurement> {
  const command = tools[tool];
  if (!command) throw new Error(`unknown tool ${tool}`);
  const walls: number[] = [];
  const works: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const out = mkdtempSync(join(tmpdir(), `gatecheck-bench-${tool}-`));
    try {
      const result = await runOnce(command(spec, out));
      if (result.failure) return { tool, spec, failure: result.failure };
      walls.push(result.wallMs);
      works.push(result.workMs ?? NaN);
      rss.push((result.maxRssKb ?? 0) / 1024);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { tool, spec, wallMs: median(walls), workMs: median(works), maxRssMb: Math.max(...rss) };
}
