/**
 * Ctrl-C during `demo` and `run` (the built CLI in a child process, SIGINT sent mid-run): a report
 * marked partial, one line saying so, exit 130, no temporary file and no worker process left.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

interface Interrupted {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI, sends SIGINT once a few progress lines are out, and waits for the end. */
function interruptMidRun(args: string[], env: Record<string, string>): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gatecheck.js', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /^\[\s*4\//m.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Processes (of this user) whose environment holds `marker`: what the child left running. */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker))
        pids.push(Number(entry));
    } catch {
      // Gone, or not ours.
    }
  }
  return pids;
}

async function expectPartialReport(result: Interrupted, reportsDir: string): Promise<void> {
  const printed = `${result.stdout}\n${result.stderr}`;
  expect(result.code, printed).to.equal(130);
  const line =
    /^gatecheck: interrupted \(Ctrl-C\) after \d+ of \d+ requests; partial reports: (.+)$/m.exec(
      result.stdout,
    );
  expect(line, printed).to.not.equal(null);
  const [reportDir] = await readdir(reportsDir);
  expect(line?.[1]).to.equal(join(reportsDir, reportDir ?? ''));
  const summary = JSON.parse(await readFile(join(reportsDir, reportDir!, 'summary.json'), 'utf8'));
  expect(summary.partial).to.be.an('object');
  expect(summary.exitCode).to.equal(130);
  expect(summary.partial.requests.done).to.be.lessThan(summary.partial.requests.planned);
  expect(printed).to.not.include('internal error');
}

/**
 * Node 22.1+ keeps its module compile cache (bin/gatecheck.js enables it) in the temporary folder
 * unless NODE_COMPILE_CACHE names another: a cache kept between runs on purpose, not a file of the
 * run, so it goes beside the folder checked for leftovers.
 */
function compileCacheOutside(temp: string): Record<string, string> {
  return { NODE_COMPILE_CACHE: `${temp}-compile-cache` };
}

describe('hostile interruptions: Ctrl-C mid-run', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-interrupt-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('demo: partial report, exit 130, sandbox and temporary folders gone', async () => {
    const temp = await mkdtemp(join(dir, 'tmp-demo-'));
    const reportsDir = join(dir, 'reports-demo');
    const result = await interruptMidRun(['demo', '--reports-dir', reportsDir, '--parallel', '2'], {
      TMPDIR: temp,
      ...compileCacheOutside(temp),
    });
    await expectPartialReport(result, reportsDir);
    expect(await readdir(temp)).to.deep.equal([]);
    expect(processesWith(`TMPDIR=${temp}`)).to.deep.equal([]);
    // The sandbox the demo started no longer answers.
    const cognito = /sandbox: Cognito (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(cognito).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    let answered = true;
    await fetch(cognito).catch(() => (answered = false));
    expect(answered).to.equal(false);
  });

  describe('run against a sandbox', () => {
    let sandbox: Sandbox;
    let collection: string;
    before(async () => {
      const quiet = { out: () => {}, err: () => {} };
      expect(
        await main(['generate', 'examples/lab-demo-api.yaml', '--out-dir', dir], quiet),
      ).to.equal(0);
      collection = join(dir, 'collections', 'lab-demo-api.postman_collection.json');
      sandbox = await startSandbox({ specPath: 'examples/lab-demo-api.yaml' });
    });
    after(() => sandbox?.stop());

    it('run --parallel 2: partial report, exit 130, workers and temporary files gone', async () => {
      const values = sandboxRunValues(sandbox);
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(values))
        env[`GATECHECK_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`] = value;
      const temp = await mkdtemp(join(dir, 'tmp-run-'));
      const reportsDir = join(dir, 'reports-run');
      const result = await interruptMidRun(
        ['run', collection, '--reports-dir', reportsDir, '--parallel', '2'],
        { ...env, TMPDIR: temp, GITHUB_ACTIONS: 'false', ...compileCacheOutside(temp) },
      );
      await expectPartialReport(result, reportsDir);
      expect(await readdir(temp)).to.deep.equal([]);
      expect(processesWith(`TMPDIR=${temp}`)).to.deep.equal([]);
    });
  });
});
