import { expect } from 'chai';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
};

/**
 * As a new user gets it: `npm pack` (which builds dist/ through prepack), the tarball installed
 * into an empty project, and the installed CLI and library used from there, with nothing of this
 * repository on the path but the tarball and one example spec.
 */
describe('the packed package, installed into an empty project @slow', function () {
  this.timeout(600_000);
  let work: string;
  let app: string;

  /** Runs a command in the installed project; the child's environment never names this repo. */
  async function inApp(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
    return run(file, args, {
      cwd: app,
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'gatecheck-pack-'));
    app = join(work, 'app');
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
    await run('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      '{ "name": "app", "private": true, "type": "module" }\n',
    );
    copyFileSync(join(root, 'examples/dev-token-api.yaml'), join(app, 'api.yaml'));
    await inApp('npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      join(work, packed!.filename),
    ]);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships the built code and the scripts, not the tests or the sources', () => {
    const installed = join(app, 'node_modules/gatecheck');
    const top = readdirSync(installed).sort();
    expect(top).to.include.members(['bin', 'dist', 'scripts', 'package.json']);
    expect(top).to.not.include.members(['test', 'generators', 'sandbox', 'node_modules']);
  });

  it('npx gatecheck --version prints the package version', async () => {
    const { stdout } = await inApp('npx', ['--no-install', 'gatecheck', '--version']);
    expect(stdout.trim()).to.equal(version);
  });

  it('npx gatecheck inspect reads a spec', async () => {
    const { stdout } = await inApp('npx', ['--no-install', 'gatecheck', 'inspect', 'api.yaml']);
    expect(stdout).to.match(/^dev-token-api \(OpenAPI 3\.0, REST API\)/);
    expect(stdout).to.include('Cognito authorizer');
  });

  it('npx gatecheck generate writes a collection and environments', async () => {
    await inApp('npx', ['--no-install', 'gatecheck', 'generate', 'api.yaml', '--out-dir', 'out']);
    expect(readdirSync(join(app, 'out/collections'))).to.deep.equal([
      'dev-token-api.postman_collection.json',
    ]);
    expect(readdirSync(join(app, 'out/environments')).length).to.be.above(0);
  });

  it('the library: generate, startSandbox and runCollection from "gatecheck"', async () => {
    writeFileSync(
      join(app, 'use-library.mjs'),
      `import { generate, runCollection, sandboxRunValues, startSandbox } from 'gatecheck';
import { join } from 'node:path';
const result = await generate('api.yaml', { outDir: 'lib-out', forSandbox: true });
const sandbox = await startSandbox({ specPath: 'api.yaml' });
const lines = [];
try {
  const run = await runCollection({
    collectionPath: join(result.outDir, result.apis[0].collectionPath),
    ...sandboxRunValues(sandbox),
    reportsDir: 'lib-reports',
    io: { out: (line) => lines.push(line), err: (line) => lines.push(line) },
  });
  console.log(JSON.stringify({ exitCode: run.exitCode, tally: run.tally, files: result.files.length }));
} finally {
  await sandbox.stop();
}
`,
    );
    const { stdout } = await inApp('node', ['use-library.mjs']);
    const outcome = JSON.parse(stdout.trim().split('\n').pop()!) as {
      exitCode: number;
      files: number;
      tally: { passed: number; failed: number; inconclusive: number };
    };
    expect(outcome.exitCode, stdout).to.equal(0);
    expect(outcome.files).to.be.above(1);
    expect(outcome.tally.passed).to.be.above(10);
    expect(outcome.tally.failed + outcome.tally.inconclusive).to.equal(0);
  });
});
