/**
 * Parallel-run benchmark: the same generated collection run against the sandbox (gateway latency
 * 50 ms, as a real region adds) once with one newman run and once with N workers after one
 * sign-in. Prints both wall times and the speed-up.
 *
 * The sandbox runs in a process of its own, as the API does in real use: in the runner's process
 * it would take CPU from the runs being measured. It hands its URLs and credentials over IPC;
 * nothing of them is printed.
 *
 * `npx tsx bench/parallel-bench.ts [--operations 8] [--workers 8] [--latency 50]`, or
 * `runParallelBench(print)` from bench/run-bench.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

// gatecheck as users run it: the built code in dist/ (`npm run build`). From source, every worker
// process would first compile the TypeScript it loads, which users never pay for.
const fromDist = <Module>(path: string) =>
  import(new URL(`../dist/generators/${path}`, import.meta.url).href) as Promise<Module>;
const { main } = await fromDist<typeof import('../generators/cli/main.js')>('cli/main.js');
const { sandboxRunValues, startSandboxForCli } =
  await fromDist<typeof import('../generators/cli/sandbox-session.js')>('cli/sandbox-session.js');
const { runCollection } =
  await fromDist<typeof import('../generators/run/run-collection.js')>('run/run-collection.js');

export interface ParallelBenchOptions {
  /** Operations in the synthetic API (each becomes a folder of ~40 checks). */
  operations: number;
  workers: number;
  latencyMs: number;
}

export interface ParallelBenchResult {
  sequentialMs: number;
  parallelMs: number;
  speedup: number;
  checks: number;
  /** CPU time the sandbox process spent answering each run (it shares the machine's cores). */
  sandboxCpuMs: { sequential: number; parallel: number };
}

const defaults: ParallelBenchOptions = { operations: 8, workers: 8, latencyMs: 50 };

/** A REST API export with `count` GET operations behind one Cognito authorizer. */
function syntheticSpec(count: number): string {
  const paths: Record<string, unknown> = {};
  for (let index = 1; index <= count; index += 1) {
    paths[`/items${index}`] = {
      get: {
        operationId: `getItems${index}`,
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { example: { items: [] } } },
          },
        },
        security: [{ authorizer: [] }],
      },
    };
  }
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'parallel-bench-api', version: '1' },
    servers: [
      {
        url: 'https://bench000001.execute-api.us-east-1.amazonaws.com/{basePath}',
        variables: { basePath: { default: 'prod' } },
      },
    ],
    paths,
    components: {
      securitySchemes: {
        authorizer: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'cognito_user_pools',
          'x-amazon-apigateway-authorizer': {
            type: 'cognito_user_pools',
            providerARNs: [
              'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bench0001',
            ],
          },
        },
      },
    },
  });
}

/** What the sandbox process sends once it listens. */
interface SandboxReady {
  values: Record<string, string>;
  secrets: string[];
}

/** Asks the sandbox process for the CPU time it has used so far (user + system, ms). */
async function sandboxCpuMs(child: ChildProcess): Promise<number> {
  const answer = once(child, 'message') as Promise<[{ cpuMs: number }]>;
  child.send('cpu');
  return (await answer)[0].cpuMs;
}

/** Starts the sandbox in a child process (this file with `--serve-sandbox`). */
async function startSandboxProcess(
  specPath: string,
  latencyMs: number,
): Promise<{ child: ChildProcess; ready: SandboxReady }> {
  const child = fork(
    fileURLToPath(import.meta.url),
    ['--serve-sandbox', specPath, '--latency', String(latencyMs)],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the sandbox process ended (exit code ${String(code)})`);
    }),
  ])) as [SandboxReady];
  return { child, ready: message };
}

/** The child side: serve the sandbox until the parent disconnects. */
async function serveSandbox(specPath: string, latencyMs: number): Promise<void> {
  const sandbox = await startSandboxForCli({ specPath, latencyMs });
  process.once('disconnect', () => {
    void sandbox.stop().then(() => process.exit(0));
  });
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  });
  process.send?.(sandboxRunValues(sandbox) satisfies SandboxReady);
}

export async function measureParallelRun(
  options: Partial<ParallelBenchOptions> = {},
): Promise<ParallelBenchResult> {
  const settings = { ...defaults, ...options };
  const dir = await mkdtemp(join(tmpdir(), 'gatecheck-parallel-bench-'));
  const silent = { out: () => {}, err: () => {} };
  try {
    const specPath = join(dir, 'parallel-bench-api.json');
    await writeFile(specPath, syntheticSpec(settings.operations));
    const generated = await main(['generate', specPath, '--for-sandbox', '--out-dir', dir], silent);
    if (generated !== 0) throw new Error(`gatecheck generate exited ${generated}`);
    const collectionPath = join(dir, 'collections', 'parallel-bench-api.postman_collection.json');
    const { child, ready } = await startSandboxProcess(specPath, settings.latencyMs);
    try {
      const run = async (workers: number) => {
        const cpuBefore = await sandboxCpuMs(child);
        const result = await runCollection({
          collectionPath,
          values: ready.values,
          secrets: ready.secrets,
          reportsDir: join(dir, 'reports'),
          workers,
          io: silent,
        });
        // A benchmark of a run that failed would measure the wrong thing.
        if (result.exitCode !== 0) {
          throw new Error(`the run with ${workers} worker(s) exited ${result.exitCode}`);
        }
        return { ...result, sandboxCpuMs: (await sandboxCpuMs(child)) - cpuBefore };
      };
      const sequential = await run(1);
      const parallel = await run(settings.workers);
      const checks = (result: typeof sequential) =>
        result.tally.passed +
        result.tally.failed +
        result.tally.inconclusive +
        result.tally.skipped;
      if (checks(sequential) !== checks(parallel)) {
        throw new Error(
          `${checks(sequential)} checks ran sequentially, ${checks(parallel)} in parallel`,
        );
      }
      return {
        sequentialMs: sequential.durationMs,
        parallelMs: parallel.durationMs,
        speedup: sequential.durationMs / parallel.durationMs,
        checks: checks(parallel),
        sandboxCpuMs: { sequential: sequential.sandboxCpuMs, parallel: parallel.sandboxCpuMs },
      };
    } finally {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Entry point for bench/run-bench.ts. */
export async function runParallelBench(
  print: (line: string) => void,
  options: Partial<ParallelBenchOptions> = {},
): Promise<ParallelBenchResult> {
  const settings = { ...defaults, ...options };
  print(
    `Parallel run benchmark: ${settings.operations} operations, sandbox latency ${settings.latencyMs} ms, ` +
      `1 newman run vs ${settings.workers} workers after one sign-in.`,
  );
  const result = await measureParallelRun(settings);
  print(`  sequential: ${(result.sequentialMs / 1000).toFixed(1)} s`);
  print(`  ${settings.workers} workers: ${(result.parallelMs / 1000).toFixed(1)} s`);
  print(`  speed-up: ${result.speedup.toFixed(1)}x (${result.checks} checks per run)`);
  print(
    `  sandbox CPU: ${(result.sandboxCpuMs.sequential / 1000).toFixed(1)} s sequential, ` +
      `${(result.sandboxCpuMs.parallel / 1000).toFixed(1)} s in parallel (same cores as the runner)`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      operations: { type: 'string' },
      workers: { type: 'string' },
      latency: { type: 'string' },
      'serve-sandbox': { type: 'string' },
    },
  });
  if (values['serve-sandbox']) {
    await serveSandbox(values['serve-sandbox'], Number(values.latency ?? defaults.latencyMs));
  } else {
    await runParallelBench((line) => process.stdout.write(`${line}\n`), {
      ...(values.operations ? { operations: Number(values.operations) } : {}),
      ...(values.workers ? { workers: Number(values.workers) } : {}),
      ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
    });
  }
}
