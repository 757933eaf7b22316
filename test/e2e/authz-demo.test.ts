/**
 * The users example's persona checks through `demo`: the correct sandbox passes with the matrix
 * printed; `--fault owner-check-removed` exits 1 with exactly the catching checks failing and the
 * leaking requests named; and in both runs nothing the run created is left behind.
 */
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { awsClientConfig } from '../../generators/aws/client-config.js';
import { signInWithSdk } from '../../generators/aws/sdk-sign-in.js';
import { runDemo } from '../../generators/cli/commands/demo.js';
import type { Fault, Sandbox } from '../../sandbox/types.js';

interface Outcome {
  exitCode: number;
  output: string[];
  /** Records still owned by the `owner` persona after the run (the run's own objects). */
  leftBehind: unknown[];
  summary: { authzMatrix?: unknown };
}

async function recordsOfOwner(sandbox: Sandbox): Promise<unknown[]> {
  const owner = sandbox.personas.find((persona) => persona.name === 'owner')!;
  const client = new CognitoIdentityProviderClient(
    awsClientConfig({ region: sandbox.region, endpoint: sandbox.cognitoEndpoint }, {}),
  );
  try {
    const tokens = await signInWithSdk(client, {
      userPoolId: sandbox.userPoolId,
      clientId: sandbox.clientId,
      username: owner.username,
      password: owner.password,
      admin: true,
    });
    const sub = decodeJwt(tokens.idToken).sub;
    const answer = await fetch(`${sandbox.apiBaseUrl}/users`, {
      headers: { Authorization: tokens.idToken },
    });
    const records = (await answer.json()) as Array<{ owner?: string }>;
    return records.filter((record) => record.owner === sub);
  } finally {
    client.destroy();
  }
}

async function demo(faults: Fault[]): Promise<Outcome> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'gatecheck-authz-demo-'));
  const output: string[] = [];
  let leftBehind: unknown[] = [];
  try {
    const exitCode = await runDemo(
      {
        specPath: 'examples/users-api.json',
        reportsDir,
        workers: 1,
        clientSecret: false,
        faults,
        afterRun: async (sandbox) => {
          leftBehind = await recordsOfOwner(sandbox);
        },
      },
      { out: (line) => output.push(line), err: () => undefined },
    );
    const [run] = readdirSync(reportsDir);
    const summary = JSON.parse(
      readFileSync(join(reportsDir, run!, 'summary.json'), 'utf8'),
    ) as Outcome['summary'];
    return { exitCode, output, leftBehind, summary };
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

describe('demo of the users API with personas @slow', function () {
  this.timeout(180_000);

  it('passes against the correct sandbox, prints the matrix and cleans up', async () => {
    const { exitCode, output, leftBehind, summary } = await demo([]);
    expect(exitCode, output.join('\n')).to.equal(0);
    const start = output.findIndex((line) => line.startsWith('  authorization '));
    expect(output.slice(start, start + 5)).to.deep.equal([
      '  authorization       owner    other    admin    support',
      '  GET /users/{id}     allowed  allowed  allowed  allowed',
      '  GET /users          allowed  allowed  allowed  allowed',
      '  PUT /users/{id}     allowed  refused  allowed  refused',
      '  DELETE /users/{id}  allowed  refused  allowed  refused',
    ]);
    expect(summary.authzMatrix).to.have.property('personas');
    expect(leftBehind).to.deep.equal([]);
  });

  it('--fault owner-check-removed: exit 1, the leaking requests named, still cleaned up', async () => {
    const { exitCode, output, leftBehind } = await demo([{ name: 'owner-check-removed' }]);
    expect(exitCode).to.equal(1);
    const failures = output.filter((line) => line.startsWith('    ✗ '));
    const failingItems = new Set(
      // `    ✗ <check>: <reason>`: check names hold no ': '.
      failures.map((line) => line.slice(6).split(': ')[0]),
    );
    expect([...failingItems].sort()).to.deep.equal([
      'authz · DELETE /users/{id} · other → refused',
      'authz · DELETE /users/{id} · owner → allowed',
      'authz · DELETE /users/{id} · support → refused',
      'authz · PUT /users/{id} · other → refused',
      'authz · PUT /users/{id} · support → refused',
    ]);
    expect(
      failures.some((line) =>
        /leak: PUT http:\/\/\S+\/users\/\S+ as other answered 200/.test(line),
      ),
    ).to.equal(true);
    expect(output.at(-1)).to.match(/^demo failed, as it should/);
    expect(leftBehind).to.deep.equal([]);
  });
});
