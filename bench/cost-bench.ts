/**
 * What a run and a generation cost, measured in one go and printed as ratios:
 * 1. requests per protected operation at `--depth standard` (the users example, the volumez exports
 *    of --specs-dir when given, a synthetic 200-operation export), from the plan;
 * 2. run CPU per request against bare newman sending the same requests (the collection with its
 *    scripts removed), from alternating pairs against the sandbox (in a process of its own);
 * 3. peak RSS, report size and wall time of the synthetic run;
 * 4. generate CPU against openapi-to-postmanv2's CLI on the GitHub and Stripe exports
 *    (test/fixtures/real-specs) and a 1-operation export, from alternating pairs.
 * Every measured program runs in a fresh Node process; CPU is user + system time of that process,
 * start-up included (bench/tools/report-cpu.mjs). Ratios are of the medians of the pairs.
 */
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { syntheticExport } from './synthetic-export.js';

const root = resolve(import.meta.dirname, '..');
const fromDist = <Module>(path: string) =>
  import(new URL(`../dist/generators/${path}`, import.meta.url).href) as Promise<Module>;

export interface CostBenchOptions {
  specsDir?: string;
  /** Alternating pairs per comparison. */
  pairs: number;
  /** Operations of the synthetic export. */
  operations: number;
  print: (line: string) => void;
}

interface ProcessCost {
  cpuMs: number;
  maxRssKb: number;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs `node [--import report-cpu] args` and returns what the process said of itself. */
async function measured(
  args: string[],
  dir: string,
  execArgv: string[] = [],
): Promise<ProcessCost> {
  const report = join(dir, `cost-${process.hrtime.bigint()}.json`);
  const child = spawn(
    process.execPath,
    [...execArgv, '--import', join(root, 'bench/tools/report-cpu.mjs'), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GATECHECK_BENCH_REPORT: report },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0 && code !== 1)
    throw new Error(`${args.slice(0, 2).join(' ')} exited ${code}: ${stderr.slice(-400)}`);
  const cost = JSON.parse(await readFile(report, 'utf8')) as Omit<ProcessCost, 'stdout' | 'stderr'>;
  return { ...cost, stdout, stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `pairs` runs of a and b, alternating (a, b, a, b, …), so a change of load hits both alike. */
async function alternate(
  pairs: number,
  a: () => Promise<ProcessCost>,
  b: () => Promise<ProcessCost>,
  c?: () => Promise<ProcessCost>,
): Promise<{ a: ProcessCost[]; b: ProcessCost[]; c: ProcessCost[] }> {
  const result = { a: [] as ProcessCost[], b: [] as ProcessCost[], c: [] as ProcessCost[] };
  for (let pair = 0; pair < pairs; pair += 1) {
    result.a.push(await a());
    result.b.push(await b());
    if (c) result.c.push(await c());
  }
  return result;
}

const verdict = (value: number, target: number) =>
  value <= target ? `target <= ${target}: met` : `target <= ${target}: NOT met`;

// 1. Requests per protected operation --------------------------------------------------------

async function requestsPerOperation(spec: string) {
  const { loadAndModel } =
    await fromDist<typeof import('../generators/pipeline.js')>('pipeline.js');
  const { planCollection } =
    await fromDist<typeof import('../generators/plan/plan-collection.js')>(
      'plan/plan-collection.js',
    );
  const { model } = await loadAndModel(spec);
  const protectedOperations = model.operations.filter(
    (operation) => operation.protection.kind === 'cognito' || operation.protection.kind === 'jwt',
  ).length;
  const count = (depth: 'standard' | 'full') =>
    planCollection(model, { depth }).operations.reduce(
      (sum, operation) =>
        sum + operation.checks.filter((check) => check.role !== 'unchecked').length,
      0,
    );
  return { protectedOperations, standard: count('standard'), full: count('full') };
}

// 2, 3. Run cost ------------------------------------------------------------------------------

/**
 * The same items with one trivial test script each: what newman itself costs a collection that
 * checks every answer (one script execution per request, the least a check can take).
 */
function withOneTestEach(collection: Record<string, unknown>): Record<string, unknown> {
  const add = (item: Record<string, unknown>): Record<string, unknown> =>
    Array.isArray(item.item)
      ? { ...item, item: (item.item as Array<Record<string, unknown>>).map(add) }
      : {
          ...item,
          event: [
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: [
                  "pm.test('answered', function () { pm.expect(pm.response.code).to.be.a('number'); });",
                ],
              },
            },
          ],
        };
  return add(collection);
}

/** The collection as bare newman gets it: the same items, no scripts anywhere. */
function withoutScripts(collection: { event?: unknown; item: unknown[] }) {
  const strip = (item: Record<string, unknown>): Record<string, unknown> => {
    const rest = { ...item };
    delete rest.event;
    return Array.isArray(rest.item)
      ? { ...rest, item: (rest.item as Array<Record<string, unknown>>).map(strip) }
      : rest;
  };
  return strip(collection as unknown as Record<string, unknown>);
}

function directorySize(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + directorySize(join(path, name)), 0);
}

async function runCost(options: CostBenchOptions, dir: string) {
  const { main } = await fromDist<typeof import('../generators/cli/main.js')>('cli/main.js');
  const silent = { out: () => {}, err: () => {} };
  const specPath = join(dir, 'bench-api.json');
  await writeFile(specPath, syntheticExport(options.operations));
  // --for-sandbox: the sandbox's user pool asks for an email code, which that collection reads.
  const generated = await main(['generate', specPath, '--for-sandbox', '--out-dir', dir], silent);
  if (generated !== 0) throw new Error(`gatecheck generate exited ${generated}`);
  const collectionPath = join(dir, 'collections', 'bench-api.postman_collection.json');
  const barePath = join(dir, 'bare.postman_collection.json');
  const collection = JSON.parse(await readFile(collectionPath, 'utf8')) as {
    item: unknown[];
  };
  const bareCollection = withoutScripts(collection);
  await writeFile(barePath, JSON.stringify(bareCollection));
  const minimalPath = join(dir, 'one-test-each.postman_collection.json');
  await writeFile(minimalPath, JSON.stringify(withOneTestEach(bareCollection)));

  // The sandbox in a process of its own (as the API is in real use), without added latency.
  const sandbox = fork(
    join(root, 'bench/parallel-bench.ts'),
    ['--serve-sandbox', specPath, '--latency', '0'],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  try {
    const [ready] = (await once(sandbox, 'message')) as [
      { values: Record<string, string>; secrets: string[] },
    ];
    const valuesFile = join(dir, 'values.json');
    await writeFile(valuesFile, JSON.stringify(ready));
    // Bare newman sends the captured tokens gatecheck would have: minted by the sandbox.
    const mint = async (tokenUse: 'id' | 'access') => {
      const response = await fetch(`${ready.values.sandboxUrl}/__sandbox/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tokenUse, username: ready.values.username }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    const bareValuesFile = join(dir, 'bare-values.json');
    await writeFile(
      bareValuesFile,
      JSON.stringify({
        values: { ...ready.values, idToken: await mint('id'), accessToken: await mint('access') },
      }),
    );
    let run = 0;
    const gatecheck = () =>
      measured(
        [
          join(root, 'bench/tools/run-gatecheck.mjs'),
          collectionPath,
          valuesFile,
          join(dir, `reports-${(run += 1)}`),
        ],
        dir,
      );
    const bare = () =>
      measured([join(root, 'bench/tools/run-bare-newman.mjs'), barePath, bareValuesFile], dir);
    const minimal = () =>
      measured([join(root, 'bench/tools/run-bare-newman.mjs'), minimalPath, bareValuesFile], dir);
    const runs = await alternate(options.pairs, gatecheck, bare, minimal);
    const parsed = (cost: ProcessCost) =>
      JSON.parse(cost.stdout.trim().split('\n').pop() ?? '{}') as {
        exitCode: number;
        requests: number;
      };
    const outcome = parsed(runs.a[0]!);
    if (outcome.exitCode !== 0)
      throw new Error(
        `the gatecheck run exited ${outcome.exitCode}: ${runs.a[0]!.stderr.slice(-400)}`,
      );
    const requests = parsed(runs.b[0]!).requests;
    return {
      requests,
      items: outcome.requests,
      gatecheckCpuMs: median(runs.a.map((cost) => cost.cpuMs)),
      bareCpuMs: median(runs.b.map((cost) => cost.cpuMs)),
      oneTestCpuMs: median(runs.c.map((cost) => cost.cpuMs)),
      maxRssMb: Math.max(...runs.a.map((cost) => cost.maxRssKb)) / 1024,
      wallMs: median(runs.a.map((cost) => cost.wallMs)),
      reportBytes: directorySize(join(dir, 'reports-1')),
    };
  } finally {
    const exited = once(sandbox, 'exit');
    sandbox.disconnect();
    await exited;
  }
}

// 4. Generate cost ----------------------------------------------------------------------------

const oneOperationExport = JSON.stringify({
  swagger: '2.0',
  info: { title: 'one-operation', version: '1' },
  host: 'abc123.execute-api.eu-west-1.amazonaws.com',
  basePath: '/prod',
  schemes: ['https'],
  securityDefinitions: {
    pool: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_One'],
      },
    },
  },
  paths: { '/x': { get: { security: [{ pool: [] }], responses: { 200: { description: 'OK' } } } } },
});

async function generateCost(spec: string, pairs: number, dir: string) {
  let run = 0;
  const out = () => join(dir, `generated-${(run += 1)}`);
  const gatecheck = () =>
    measured([join(root, 'bin/gatecheck.js'), 'generate', spec, '--out-dir', out()], dir);
  const converter = () =>
    measured(
      [
        join(root, 'node_modules/openapi-to-postmanv2/bin/openapi2postmanv2.js'),
        '-s',
        spec,
        '-o',
        join(dir, `converted-${(run += 1)}.json`),
      ],
      dir,
    );
  const runs = await alternate(pairs, gatecheck, converter);
  return {
    gatecheckCpuMs: median(runs.a.map((cost) => cost.cpuMs)),
    converterCpuMs: median(runs.b.map((cost) => cost.cpuMs)),
  };
}

export async function runCostBench(options: CostBenchOptions): Promise<void> {
  const { print } = options;
  const dir = await mkdtemp(join(tmpdir(), 'gatecheck-cost-bench-'));
  try {
    print('Requests per protected operation at --depth standard (positive, controls, negatives):');
    const specs: Array<[string, string]> = [
      ['users example', join(root, 'examples/users-api.json')],
    ];
    for (const name of ['volumez-apigw-cognito-oas3.yaml', 'volumez-restapi-swagger2.json']) {
      const path = options.specsDir ? join(options.specsDir, name) : '';
      if (path && existsSync(path)) specs.push([name, path]);
    }
    const synthetic = join(dir, 'synthetic', 'bench-api.json');
    await mkdir(join(dir, 'synthetic'), { recursive: true });
    await writeFile(synthetic, syntheticExport(options.operations));
    specs.push([`synthetic ${options.operations}-operation export`, synthetic]);
    for (const [name, path] of specs) {
      const counts = await requestsPerOperation(path);
      if (counts.protectedOperations === 0) {
        print(
          `  ${name}: no operation behind a Cognito or JWT authorizer (${counts.standard} requests)`,
        );
        continue;
      }
      const perOperation = counts.standard / Math.max(1, counts.protectedOperations);
      print(
        `  ${name}: ${perOperation.toFixed(1)} (${counts.standard} requests, ${counts.protectedOperations} protected operations; full: ${(counts.full / Math.max(1, counts.protectedOperations)).toFixed(1)}) ${verdict(perOperation, 10)}`,
      );
    }
    if (!options.specsDir) print('  (no --specs-dir: the volumez exports are left out)');

    print('');
    print(
      `Run of the synthetic ${options.operations}-operation export against the sandbox, ${options.pairs} alternating pair(s):`,
    );
    const run = await runCost(options, join(dir));
    const perRequest = (cpuMs: number) => cpuMs / Math.max(1, run.requests);
    const ratio = run.gatecheckCpuMs / run.bareCpuMs;
    // newman's floor: what one test script per request costs by itself, whatever the script does.
    const floor = run.oneTestCpuMs / run.bareCpuMs;
    print(
      `  CPU per request: gatecheck ${perRequest(run.gatecheckCpuMs).toFixed(2)} ms, bare newman ${perRequest(run.bareCpuMs).toFixed(2)} ms (${run.requests} requests): ${ratio.toFixed(2)}x ${verdict(ratio, 1.5)} (newman's floor with one test script per request: ${floor.toFixed(2)}x)`,
    );
    const overMinimum = run.gatecheckCpuMs / run.oneTestCpuMs;
    print(
      `  newman's own minimum for checks (one trivial test script per request): ${perRequest(run.oneTestCpuMs).toFixed(2)} ms, ${floor.toFixed(2)}x bare; gatecheck (scripts and its JUnit, JSON and HTML reports) ${overMinimum.toFixed(2)}x that minimum`,
    );
    print(`  peak RSS: ${run.maxRssMb.toFixed(0)} MiB ${verdict(run.maxRssMb, 600)}`);
    const reportMb = run.reportBytes / 1e6;
    print(`  report size: ${reportMb.toFixed(1)} MB ${verdict(reportMb, 20)}`);
    const wallS = run.wallMs / 1000;
    print(`  wall: ${wallS.toFixed(1)} s ${verdict(wallS, 60)}`);

    print('');
    print(
      `Generate CPU (whole process) against openapi-to-postmanv2's CLI, ${options.pairs} alternating pair(s):`,
    );
    const oneOperation = join(dir, 'one-operation.json');
    await writeFile(oneOperation, oneOperationExport);
    const realSpecs = join(root, 'test/fixtures/real-specs');
    const generation: Array<[string, string, number]> = [];
    for (const [name, file, target] of [
      ['GitHub', 'github-api.github.com-2020-08.json.gz', 0.1],
      ['Stripe', 'stripe-spec3-2022-04-12.json.gz', 0.25],
    ] as const) {
      const path = join(dir, file.replace(/\.gz$/, ''));
      await writeFile(path, gunzipSync(await readFile(join(realSpecs, file))));
      generation.push([name, path, target]);
    }
    generation.push(['1 operation', oneOperation, 0.5]);
    for (const [name, path, target] of generation) {
      const cost = await generateCost(path, options.pairs, dir);
      const value = cost.gatecheckCpuMs / cost.converterCpuMs;
      print(
        `  ${name}: gatecheck ${cost.gatecheckCpuMs.toFixed(0)} ms, openapi-to-postmanv2 ${cost.converterCpuMs.toFixed(0)} ms: ${value.toFixed(2)}x ${verdict(value, target)}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
