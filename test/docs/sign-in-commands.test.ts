/**
 * The README's sign-in commands, pasted into bash as they are written, against a running sandbox:
 * only its ports (a free one here instead of 4011) and the CLI's path (the built `bin/gatecheck.js`
 * for `npx gatecheck`) change. The Hosted UI line needs a person at a browser; it is driven by
 * test/e2e/hosted-ui-tokens.test.ts instead.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { jsonFileText } from '../../generators/render/json-file.js';
import { renderEnvironment } from '../../generators/render/render-environment.js';
import { sandboxEnvironmentValues } from '../../generators/cli/sandbox-session.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

const section = (text: string) =>
  text.slice(
    text.indexOf('### Which sign-in to pick'),
    text.indexOf('### Import into the Postman app'),
  );

describe('README: the sign-in commands work when pasted (sandbox)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-readme-sign-in-'));
    sandbox = await startSandbox({ specPath: 'examples/lab-demo-api.yaml' });
    // What `gatecheck sandbox` writes beside the commands.
    await mkdir(join(dir, 'environments'));
    await writeFile(
      join(dir, 'environments', 'sandbox.postman_environment.json'),
      jsonFileText(renderEnvironment('gatecheck sandbox', sandboxEnvironmentValues(sandbox))),
    );
  });
  after(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('every command but the browser one exits 0, signs in as ci-user, and prints no secret', async () => {
    const readme = section(await readFile('README.md', 'utf8'));
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.split('\n');
    const browser = lines.findIndex((line) => line.startsWith('# in a browser'));
    expect(lines[browser + 1], 'the Hosted UI command').to.include('tokens');
    expect(lines[browser + 1]).to.include('--hosted-ui');
    const pasted = lines.filter((_, index) => index !== browser && index !== browser + 1);
    const script = pasted
      .join('\n')
      .replaceAll('http://127.0.0.1:4011', sandbox.sandboxUrl)
      .replaceAll('/tmp/gatecheck-refresh.env', join(dir, 'refresh.env'))
      .replaceAll('npx gatecheck', `node ${resolve('bin/gatecheck.js')}`);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir };
    // Asynchronously: the sandbox answers from this process.
    const { status, output } = await new Promise<{ status: number | null; output: string }>(
      (done) => {
        const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, env });
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.on('close', (code) => done({ status: code, output: text }));
      },
    );
    expect(status, output).to.equal(0);
    const tokensCommands = pasted.filter((line) => line.includes('gatecheck tokens')).length;
    expect(tokensCommands).to.equal(5);
    expect(output.match(/^signed in as ci-user \(sub /gm) ?? []).to.have.length(tokensCommands);
    expect(output).to.include('refresh token written to');
    expect(output).to.not.include('Ci-Pa55word!');
    expect(output).to.not.match(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
