/**
 * Runs repeat against one sandbox, as a user repeats `gatecheck run` while `gatecheck sandbox` stays
 * up: the users API's positive DELETE removes the record its positive GET and PUT use, and the
 * second run must still pass.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { sandboxRunValues, startSandboxForCli } from '../../generators/cli/sandbox-session.js';
import { runCollection } from '../../generators/run/run-collection.js';
import type { Sandbox } from '../../sandbox/index.js';

describe('the users API run twice against one sandbox @slow', function () {
  this.timeout(120_000);
  const spec = 'examples/users-api.json';
  const quiet = { out: () => {}, err: () => {} };
  let dir: string;
  let sandbox: Sandbox;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-repeat-run-'));
    expect(await main(['generate', spec, '--for-sandbox', '--out-dir', dir], quiet)).to.equal(0);
    sandbox = await startSandboxForCli({ specPath: spec });
  });
  after(async () => {
    await sandbox?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes every check the second time too', async () => {
    for (const attempt of ['first', 'second']) {
      const result = await runCollection({
        collectionPath: join(dir, 'collections', 'users-api.postman_collection.json'),
        ...sandboxRunValues(sandbox),
        reportsDir: join(dir, 'reports', attempt),
        io: quiet,
      });
      expect(result.tally.failures, `${attempt} run`).to.deep.equal([]);
      expect(result.exitCode, `${attempt} run`).to.equal(0);
    }
  });
});
