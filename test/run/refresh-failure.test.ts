import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureApi, type FixtureApi } from './fixtures/fixture-api.js';
import { fixtureCollection, writeFixtureFiles } from './fixtures/fixture-collection.js';
import { captureIo, runCollectionPrinted } from './helpers.js';

/** The Sign-in folder's refresh, as generated: REFRESH_TOKEN_AUTH with the captured token. */
const refreshItem = {
  name: 'Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)',
  request: {
    method: 'POST',
    url: '{{cognitoEndpoint}}',
    header: [
      { key: 'Content-Type', value: 'application/x-amz-json-1.1' },
      { key: 'X-Amz-Target', value: 'AWSCognitoIdentityProviderService.InitiateAuth' },
    ],
    body: {
      mode: 'raw',
      raw: '{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"{{clientId}}","AuthParameters":{"REFRESH_TOKEN":"{{refreshToken}}"}}',
    },
  },
  event: [
    {
      listen: 'test',
      script: {
        exec: [
          "pm.test('sign-in: Cognito REFRESH_TOKEN_AUTH answers 200', function () { pm.response.to.have.status(200); });",
        ],
      },
    },
  ],
};

describe('runCollection: a refresh that fails after a successful sign-in', function () {
  this.timeout(60_000);
  let api: FixtureApi;
  let files: Awaited<ReturnType<typeof writeFixtureFiles>>;
  let reportsDir: string;

  before(async () => {
    api = await startFixtureApi();
    const collection = fixtureCollection(['/items']);
    const signIn = collection.item[0] as { item: unknown[] };
    signIn.item.push(refreshItem);
    // The fixture Cognito refuses every InitiateAuth without the password: the refresh fails.
    files = await writeFixtureFiles(collection, api.url);
    reportsDir = await mkdtemp(join(tmpdir(), 'gatecheck-reports-'));
  });
  after(async () => {
    await api.close();
    await rm(files.dir, { recursive: true, force: true });
    await rm(reportsDir, { recursive: true, force: true });
  });

  it('is the refresh check failing (exit 1), not a sign-in failure (exit 2); the API checks run', async () => {
    const io = captureIo();
    const result = await runCollectionPrinted({
      collectionPath: files.collectionPath,
      environmentPath: files.environmentPath,
      values: { password: api.password },
      secrets: [api.password],
      reportsDir,
      io,
      sleep: async () => {},
    });
    expect(result.signInFailure).to.equal(undefined);
    expect(result.exitCode).to.equal(1);
    expect(result.tally.failed).to.equal(1);
    expect(result.tally.passed).to.be.above(0);
    expect(io.all()).to.include('Refresh tokens (InitiateAuth REFRESH_TOKEN_AUTH)');
    expect(io.all()).to.not.include('sign-in failed');
  });
});
