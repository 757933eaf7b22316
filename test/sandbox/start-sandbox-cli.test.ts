import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

/**
 * `gatecheck sandbox` as users run it: the built CLI in a child process, stopped with SIGINT.
 * Needs `npx tsc -p tsconfig.build.json` first (bin/gatecheck.js loads dist/).
 */
describe('gatecheck sandbox (built CLI, child process)', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-sandbox-'));
  });
  after(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  function run(args: string[]): {
    child: ChildProcess;
    output: () => string;
    exited: Promise<number | null>;
  } {
    const spawned = spawn(process.execPath, ['bin/gatecheck.js', 'sandbox', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    spawned.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    spawned.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      spawned.on('exit', (code) => resolve(code)),
    );
    return { child: spawned, output: () => text, exited };
  }

  async function waitFor(output: () => string, marker: string): Promise<void> {
    while (!output().includes(marker)) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('prints the URLs and users (no passwords), writes the environment, serves, exits 0 on SIGINT', async () => {
    const envOut = join(dir, 'sandbox.postman_environment.json');
    const started = run(['--env-out', envOut, '--fault', 'authorizer-removed:GET /demo']);
    child = started.child;
    await waitFor(started.output, 'Press Ctrl-C to stop.');
    const output = started.output();
    const baseUrl = output.match(/API base URL\s+(\S+)/)?.[1] ?? '';
    expect(baseUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/prod$/);
    expect(output).to.match(/Cognito endpoint\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(output).to.include('main-user (main)');
    expect(output).to.include('authorizer-removed:GET /demo');
    expect(output).to.not.match(/password\s*[:=]/i);

    const environment = JSON.parse(await readFile(envOut, 'utf8')) as {
      values: { key: string; value: string }[];
    };
    const values = Object.fromEntries(environment.values.map((v) => [v.key, v.value]));
    expect(values.baseUrl).to.equal(baseUrl);
    expect(values.authFlow).to.equal('USER_AUTH');
    expect(values.preferredChallenge).to.equal('EMAIL_OTP');
    expect(values.username).to.equal('main-user');
    expect(values.sandboxUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const secret of ['password', 'clientSecret', 'apiKey', 'otpCode'])
      expect(values[secret]).to.equal('');

    // The fault given on the command line is live: /demo answers without a token.
    expect((await fetch(`${baseUrl}/demo`)).status).to.equal(200);

    started.child.kill('SIGINT');
    expect(await started.exited).to.equal(0);
    expect(started.output()).to.include('sandbox stopped');
  });

  it('bad input → exit 2 with one line, no stack trace', async () => {
    const missing = run(['--spec', join(dir, 'missing.yaml'), '--env-out', join(dir, 'x.json')]);
    expect(await missing.exited).to.equal(2);
    expect(missing.output()).to.match(/missing\.yaml: cannot read the spec/);
    expect(missing.output()).to.not.include('    at ');
    const badFault = run(['--fault', 'no-such-fault', '--env-out', join(dir, 'y.json')]);
    expect(await badFault.exited).to.equal(2);
    expect(badFault.output()).to.include('unknown fault "no-such-fault"');
  });
});
