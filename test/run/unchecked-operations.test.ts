/**
 * Nothing unchecked is silent: against the sandbox, an operation gatecheck cannot check is reported
 * as skipped and named in the run summary, and an OpenAPI 3 export whose Cognito scheme sits under
 * Swagger's securityDefinitions gets real checks that fail when every authorizer is removed.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxRunValues } from '../../generators/cli/sandbox-session.js';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import { collectionPath, renderOutputs } from '../../generators/render/render-outputs.js';
import { runCollectionPrinted } from './helpers.js';
import { writeFilesAtomically } from '../../generators/write/write-files.js';
import { startSandbox } from '../../sandbox/index.js';
import type { Fault } from '../../sandbox/types.js';

const fixtures = new URL('../fixtures/specs/', import.meta.url).pathname;

async function runAgainstSandbox(spec: string, faults: Fault[] = []) {
  const specPath = `${fixtures}${spec}`;
  const model = buildModel(await loadSpec(specPath));
  const sandbox = await startSandbox({ specPath, faults });
  const dir = await mkdtemp(join(tmpdir(), 'gatecheck-unchecked-'));
  const lines: string[] = [];
  try {
    await writeFilesAtomically(
      dir,
      renderOutputs(model, planCollection(model), { forSandbox: true }),
    );
    const result = await runCollectionPrinted({
      collectionPath: join(dir, collectionPath(model.slug)),
      ...sandboxRunValues(sandbox),
      reportsDir: join(dir, 'reports'),
      workers: 1,
      io: { out: (line) => lines.push(line), err: (line) => lines.push(line) },
    });
    return { result, lines };
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('operations gatecheck cannot check are never silent @slow', function () {
  this.timeout(120_000);

  it('an IAM method is reported as not checked, with a line in the run summary', async () => {
    const { result, lines } = await runAgainstSandbox('cognito-and-lambda.json');
    expect(result.exitCode, lines.join('\n')).to.equal(0);
    expect(result.tally.unchecked).to.deep.equal(['GET /lambda · not checked']);
    expect(lines).to.include(
      '  not checked: 1 operation(s) behind authorizers gatecheck cannot test: GET /lambda',
    );
  });

  it('OpenAPI 3 with the Cognito scheme under securityDefinitions: removing every authorizer fails the run', async () => {
    const intact = await runAgainstSandbox('oas3-swagger-security-definitions.json');
    expect(intact.result.exitCode, intact.lines.join('\n')).to.equal(0);
    // Every one of the four protected operations got its checks, and they passed.
    for (const operation of [
      'GET /notes',
      'POST /notes',
      'GET /notes/{id}',
      'DELETE /notes/{id}',
    ]) {
      const passed = intact.result.report.checks
        .filter((check) => check.group === operation && check.status === 'passed')
        .map((check) => check.label);
      expect(passed, operation).to.include.members(['positive', 'no-token']);
    }
    const broken = await runAgainstSandbox('oas3-swagger-security-definitions.json', [
      { name: 'authorizer-removed' },
    ]);
    expect(broken.result.exitCode).to.equal(1);
    expect(broken.result.tally.failed).to.be.greaterThan(0);
  });
});
