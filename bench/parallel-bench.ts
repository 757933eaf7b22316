/**
 * Parallel-run benchmark: the same generated collection run against the sandbox (gateway latency
 * 50 ms, as a real region adds) once with one newman run and once with N workers after one
 * sign-in. Prints both wall times and the speed-up.
 *
 * `npx tsx bench/parallel-bench.ts [--operations 8] [--workers 8] [--latency 50]`, or
 * `runParallelBench(print)` from bench/run-bench.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { main } from '../generators/cli/main.js';
import { runCollection } from '../generators/run/run-collection.js';
import { startSandbox } from '../sandbox/index.js';

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

export async function measureParallelRun(
  options: Partial<ParallelBenchOptions> = {},
): Promise<ParallelBenchResult> {
  const settings = { ...defaults, ...options };
  const dir = await mkdtemp(join(tmpdir(), 'gatecheck-parallel-bench-'));
  const silent = { out: () => {}, err: () => {} };
  try {
    const specPath = join(dir, 'parallel-bench-api.json');
    await writeFile(specPath, syntheticSpec(settings.operations));
    const generated = await main(['generate', specPath, '--out-dir', dir], silent);
    if (generated !== 0) throw new Error(`gatecheck generate exited ${generated}`);
    const collectionPath = join(dir, 'collections', 'parallel-bench-api.postman_collection.json');
    const sandbox = await startSandbox({ specPath, latencyMs: settings.latencyMs });
    try {
      const user = sandbox.users.find((candidate) => candidate.role === 'main');
      if (!user) throw new Error('the sandbox has no main user');
      const values: Record<string, string> = {
        baseUrl: sandbox.apiBaseUrl,
        region: sandbox.region,
        cognitoEndpoint: sandbox.cognitoEndpoint,
        userPoolId: sandbox.userPoolId,
        clientId: sandbox.clientId,
        username: user.username,
        password: user.password,
        sandboxUrl: sandbox.sandboxUrl,
      };
      const run = (workers: number) =>
        runCollection({
          collectionPath,
          values,
          secrets: [user.password],
          reportsDir: join(dir, 'reports'),
          workers,
          io: silent,
        });
      const sequential = await run(1);
      const parallel = await run(settings.workers);
      const checks = (result: typeof sequential) =>
        result.tally.passed +
        result.tally.failed +
        result.tally.inconclusive +
        result.tally.skipped;
      return {
        sequentialMs: sequential.durationMs,
        parallelMs: parallel.durationMs,
        speedup: sequential.durationMs / parallel.durationMs,
        checks: checks(parallel),
      };
    } finally {
      await sandbox.stop();
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
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      operations: { type: 'string' },
      workers: { type: 'string' },
      latency: { type: 'string' },
    },
  });
  await runParallelBench((line) => process.stdout.write(`${line}\n`), {
    ...(values.operations ? { operations: Number(values.operations) } : {}),
    ...(values.workers ? { workers: Number(values.workers) } : {}),
    ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
  });
}
