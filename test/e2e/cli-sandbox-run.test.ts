/**
 * `gatecheck sandbox` in one process and `gatecheck run --sandbox` in another, as a user runs them
 * in two terminals: the run finds everything it needs in the sandbox's values file and passes, no
 * secret is printed or reported, and the run-narrowing flags (--operation, --bail, --quiet,
 * --verbose, --color) do what they say. The sandbox removes its values file when it stops.
 */
import { expect } from 'chai';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxValuesFile } from '../../generators/cli/sandbox-values-file.js';
import { runCliChild, startCli, type CliResult } from '../cli/cli-child.js';
import { leaks, readTree } from '../run/helpers.js';

// Generated in `before` with --for-sandbox: it reads the one-time codes from the sandbox.
let collection = '';
const progressLine = /^\[\s*\d+\/\d+\] /;

interface RunningSandbox {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  valuesPath: string;
  stop: () => Promise<number | null>;
}

/** Starts `gatecheck sandbox` and resolves once it says it is serving. */
async function startSandboxCli(dir: string, extra: string[] = []): Promise<RunningSandbox> {
  const valuesPath = join(dir, 'values.json');
  const child = startCli([
    'sandbox',
    '--spec',
    'examples/dev-token-api.yaml',
    '--env-out',
    join(dir, 'sandbox.postman_environment.json'),
    '--values-out',
    valuesPath,
    ...extra,
  ]);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (stdout.includes('Press Ctrl-C to stop.')) resolve();
    };
    child.stdout.on('data', check);
    child.on('close', () => reject(new Error(`sandbox exited: ${stdout}`)));
  });
  return {
    child,
    stdout: () => stdout,
    valuesPath,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

function checksLine(run: CliResult): string {
  return run.stdout.split('\n').find((line) => line.startsWith('  checks: ')) ?? '';
}

function passedCount(run: CliResult): number {
  return Number(/(\d+) passed/.exec(checksLine(run))?.[1] ?? NaN);
}

function progressLines(run: CliResult): string[] {
  return run.stderr.split('\n').filter((line) => progressLine.test(line));
}

describe('gatecheck sandbox + gatecheck run --sandbox, two processes @slow', function () {
  this.timeout(180_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-cli-sandbox-'));
    const out = join(dir, 'out');
    const generated = await runCliChild([
      'generate',
      'examples/dev-token-api.yaml',
      '--for-sandbox',
      '--out-dir',
      out,
    ]);
    expect(generated.code, generated.stderr).to.equal(0);
    collection = join(out, 'collections', 'dev-token-api.postman_collection.json');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('a sandbox that behaves like AWS', () => {
    let sandbox: RunningSandbox;
    let secrets: string[];
    let full: CliResult;

    before(async () => {
      sandbox = await startSandboxCli(join(dir));
      const file = JSON.parse(await readFile(sandbox.valuesPath, 'utf8')) as SandboxValuesFile;
      secrets = file.secrets;
      full = await runCliChild([
        'run',
        collection,
        '--sandbox',
        '--sandbox-values',
        sandbox.valuesPath,
        '--reports-dir',
        join(dir, 'reports'),
      ]);
    });
    after(async () => {
      if (sandbox && sandbox.child.exitCode === null) await sandbox.stop();
    });

    it('the values file holds the API key, the revocation user and the other pool user', async () => {
      const file = JSON.parse(await readFile(sandbox.valuesPath, 'utf8')) as SandboxValuesFile;
      for (const key of ['apiKey', 'revocationUsername', 'revocationPassword', 'otherPoolUsername'])
        expect(file.values[key], key).to.be.a('string').and.not.equal('');
      expect(file.secrets).to.include(file.values['apiKey']);
      expect(leaks([sandbox.stdout()], secrets)).to.deep.equal([]);
    });

    it('run --sandbox passes: no check failed, none inconclusive, exit 0', () => {
      expect(full.code, full.stdout + full.stderr).to.equal(0);
      expect(checksLine(full)).to.match(
        /^ {2}checks: \d+ passed, 0 failed, 0 inconclusive, 0 skipped( \(.*\))?$/,
      );
    });

    it('prints and reports no secret of the sandbox', async () => {
      const reports = await readTree(join(dir, 'reports'));
      expect(reports.size).to.be.greaterThan(0);
      expect(leaks([full.stdout, full.stderr, ...reports.values()], secrets)).to.deep.equal([]);
    });

    it('--operation runs only that operation, --quiet drops the progress lines', async () => {
      const one = await runCliChild([
        'run',
        collection,
        '--sandbox',
        '--sandbox-values',
        sandbox.valuesPath,
        '--reports-dir',
        join(dir, 'reports-one'),
        '--operation',
        'listItems',
        '--quiet',
      ]);
      expect(one.code, one.stdout + one.stderr).to.equal(0);
      expect(passedCount(one)).to.be.greaterThan(0).and.lessThan(passedCount(full));
      expect(progressLines(one)).to.deep.equal([]);
      const names = progressLines(full);
      expect(names.some((line) => line.includes('POST /items'))).to.equal(true);
      const report = [...(await readTree(join(dir, 'reports-one'))).values()].join('\n');
      expect(report).to.include('GET /items');
      expect(report).to.not.include('POST /items');
    });

    it('--verbose says what the run uses, secret values named only; --color paints the summary', async () => {
      const run = await runCliChild([
        'run',
        collection,
        '--sandbox',
        '--sandbox-values',
        sandbox.valuesPath,
        '--reports-dir',
        join(dir, 'reports-verbose'),
        '--operation',
        'GET /items',
        '--verbose',
        '--color',
      ]);
      expect(run.code, run.stdout + run.stderr).to.equal(0);
      expect(run.stderr).to.match(/gatecheck: values .*apiKey \(secret\)/);
      expect(leaks([run.stdout, run.stderr], secrets)).to.deep.equal([]);
      expect(checksLine(run)).to.include('\u001b[32m');
      expect(full.stdout).to.not.include('\u001b[');
    });

    it('an operation the collection does not have: one line, exit 2', async () => {
      const run = await runCliChild([
        'run',
        collection,
        '--sandbox',
        '--sandbox-values',
        sandbox.valuesPath,
        '--operation',
        'listItem',
      ]);
      expect(run.code).to.equal(2);
      expect(run.stdout).to.equal('');
      expect(run.stderr.trim().split('\n')).to.have.length(1);
      expect(run.stderr).to.include('no operation "listItem" in the collection');
    });

    it('Ctrl-C stops the sandbox and removes its values file; run --sandbox then says so', async () => {
      expect(await sandbox.stop()).to.equal(0);
      expect(sandbox.stdout()).to.include('sandbox stopped');
      expect(existsSync(sandbox.valuesPath)).to.equal(false);
      const run = await runCliChild([
        'run',
        collection,
        '--sandbox',
        '--sandbox-values',
        sandbox.valuesPath,
      ]);
      expect(run.code).to.equal(2);
      expect(run.stderr).to.include('no sandbox values file');
    });
  });

  describe('a misconfigured sandbox: --bail stops at the first failed check', () => {
    let sandbox: RunningSandbox;
    before(async () => {
      sandbox = await startSandboxCli(join(dir, 'faulty'), ['--fault', 'signature-not-verified']);
    });
    after(async () => {
      if (sandbox && sandbox.child.exitCode === null) await sandbox.stop();
    });

    it('without --bail every check runs; with it the run stops early, both exit 1', async () => {
      const args = ['run', collection, '--sandbox', '--sandbox-values', sandbox.valuesPath];
      const all = await runCliChild([...args, '--reports-dir', join(dir, 'faulty', 'all')]);
      const bailed = await runCliChild([
        ...args,
        '--reports-dir',
        join(dir, 'faulty', 'bail'),
        '--bail',
      ]);
      expect(all.code, all.stdout).to.equal(1);
      expect(bailed.code, bailed.stdout).to.equal(1);
      const failedAt = progressLines(bailed).findIndex((line) => /: FAILED( \(.*\))?$/.test(line));
      expect(failedAt).to.be.at.least(0);
      // Nothing ran after the first failed request but the newman run's end.
      expect(progressLines(bailed).length).to.be.lessThan(progressLines(all).length);
      expect(progressLines(bailed).slice(failedAt + 1)).to.deep.equal([]);
    });
  });
});
