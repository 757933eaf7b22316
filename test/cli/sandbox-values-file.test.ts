import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readSandboxValues,
  removeSandboxValues,
  withSandboxInputs,
  writeSandboxValues,
  type SandboxValuesFile,
} from '../../generators/cli/sandbox-values-file.js';
import { InputError } from '../../generators/errors.js';

describe('the sandbox values file (sandbox → run --sandbox)', () => {
  let dir: string;
  const file = (pid = process.pid): SandboxValuesFile => ({
    environmentPath: '/tmp/sandbox.postman_environment.json',
    values: { baseUrl: 'http://127.0.0.1:4010/dev', apiKey: 'sandbox-key-1', password: 'pw-1' },
    secrets: ['sandbox-key-1', 'pw-1'],
    pid,
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-sandbox-values-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips, readable by its owner only, in a private folder', async () => {
    const path = join(dir, '.gatecheck', 'sandbox-values.json');
    await writeSandboxValues(path, file());
    expect((await stat(path)).mode & 0o777).to.equal(0o600);
    expect((await stat(join(dir, '.gatecheck'))).mode & 0o077).to.equal(0);
    expect(await readSandboxValues(path)).to.deep.equal(file());
    await removeSandboxValues(path);
    await readSandboxValues(path).then(
      () => expect.fail('read a removed file'),
      (error: unknown) => expect(error).to.be.instanceOf(InputError),
    );
  });

  it('is git-ignored', () => {
    const result = spawnSync('git', ['check-ignore', '-q', '.gatecheck/sandbox-values.json']);
    expect(result.status).to.equal(0);
  });

  it('a file left by a sandbox that is gone is refused, with what to do', async () => {
    const path = join(dir, 'values.json');
    // A process id that has just exited, so no process has it.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    await writeSandboxValues(path, file(Number(gone.stdout)));
    const error = await readSandboxValues(path).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InputError);
    expect((error as InputError).describe()).to.equal(
      `${path}: the sandbox that wrote this file is not running any more. Start \`gatecheck sandbox\` again`,
    );
  });

  it('a file of another shape is refused', async () => {
    const path = join(dir, 'values.json');
    await writeFile(path, JSON.stringify({ values: { apiKey: 1 } }));
    const error = await readSandboxValues(path).catch((caught: unknown) => caught);
    expect((error as InputError).message).to.equal('not a sandbox values file');
    expect(await readFile(path, 'utf8')).to.include('apiKey');
  });

  it("the sandbox's values win over GATECHECK_* values, --base-url over both; its secrets are masked", () => {
    const inputs = withSandboxInputs(
      {
        values: { baseUrl: 'https://prod.example', password: 'production-pw', region: 'eu-west-1' },
        secrets: ['production-pw'],
        githubActions: false,
        notices: [],
      },
      file(),
      undefined,
    );
    expect(inputs.values).to.deep.equal({
      baseUrl: 'http://127.0.0.1:4010/dev',
      password: 'pw-1',
      region: 'eu-west-1',
      apiKey: 'sandbox-key-1',
    });
    expect(inputs.secrets).to.deep.equal(['production-pw', 'sandbox-key-1', 'pw-1']);
    const overridden = withSandboxInputs(
      { values: {}, secrets: [], githubActions: false, notices: [] },
      file(),
      'http://127.0.0.1:4010/test/',
    );
    expect(overridden.values.baseUrl).to.equal('http://127.0.0.1:4010/test');
  });
});
