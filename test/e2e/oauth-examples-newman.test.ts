/**
 * The OAuth 2.0 examples with plain newman (no gatecheck runner): the collection as generated for
 * the sandbox (`generate --for-sandbox`: test tokens are minted by it), the
 * sandbox's values as `--env-var`s would give them, and the refresh token a person gets once from
 * the code flow (here: the sandbox's login page posted by an HTTP client). Each passes against a
 * healthy sandbox and fails, at the check meant for it, against the matching fault.
 */
import { expect } from 'chai';
import newman from 'newman';
import { renderSources } from '../../generators/pipeline.js';
import { sandboxOAuthValues, sandboxRefreshToken } from '../../generators/cli/sandbox-oauth.js';
import { sandboxRunValues } from '../../generators/cli/sandbox-session.js';
import { startSandbox, type Fault } from '../../sandbox/index.js';

interface Outcome {
  failing: Set<string>;
  /** Failure messages by item name. */
  messages: Map<string, string[]>;
  assertions: number;
  requestNames: string[];
}

/** The collection `generate --for-sandbox` writes for the spec (same path as the committed one). */
async function forSandbox(spec: string, collection: string): Promise<unknown> {
  const { files } = await renderSources([spec], { forSandbox: true });
  const file = files.find((candidate) => collection.endsWith(candidate.path));
  if (!file) throw new Error(`${spec} renders no ${collection}`);
  return JSON.parse(file.content) as unknown;
}

async function plainNewman(
  spec: string,
  collection: string,
  faults: Fault[],
  values: (base: Record<string, string>) => Record<string, string> = (v) => v,
  refreshScopes?: string[],
): Promise<Outcome> {
  const sandbox = await startSandbox({ specPath: spec, faults });
  try {
    const run = sandboxRunValues(sandbox).values;
    const main = sandbox.users.find((user) => user.role === 'main')!;
    const oauth = refreshScopes
      ? {
          oauthRefreshToken: await sandboxRefreshToken(
            sandbox,
            main.username,
            main.password,
            refreshScopes,
          ),
        }
      : (await sandboxOAuthValues(sandbox)).values;
    const env = values({
      ...run,
      ...oauth,
      // The environment file's own flow (SRP), with the password: what a CI job passes.
      authFlow: 'USER_SRP_AUTH',
      preferredChallenge: '',
      password: main.password,
    });
    const failing = new Set<string>();
    const messages = new Map<string, string[]>();
    const requestNames: string[] = [];
    let assertions = 0;
    const generated = await forSandbox(spec, collection);
    await new Promise<void>((resolve, reject) => {
      newman
        .run(
          {
            collection: generated as never,
            environment: { values: Object.entries(env).map(([key, value]) => ({ key, value })) },
            reporters: [],
          },
          (error) => (error ? reject(error) : resolve()),
        )
        .on('request', (_error, args) => requestNames.push(args.item.name))
        .on('assertion', (error, args) => {
          assertions += 1;
          if (error && !(args as unknown as { skipped?: boolean }).skipped) {
            failing.add(args.item.name);
            messages.set(args.item.name, [
              ...(messages.get(args.item.name) ?? []),
              String(error.message),
            ]);
          }
        });
    });
    return { failing, messages, assertions, requestNames };
  } finally {
    await sandbox.stop();
  }
}

const examples = [
  {
    spec: 'examples/srp-only-api.yaml',
    collection: 'collections/srp-only-api.postman_collection.json',
    fault: 'token-use-ignored' as const,
    caughtBy: ['GET /notes · wrong-token-type'],
  },
  {
    spec: 'examples/m2m-api.yaml',
    collection: 'collections/m2m-api.postman_collection.json',
    fault: 'machine-scopes-ignored' as const,
    caughtBy: ['GET /orders · missing-scope', 'PUT /orders/{id}/shipment · missing-scope'],
  },
  {
    spec: 'examples/hosted-ui-api.yaml',
    collection: 'collections/hosted-ui-api.postman_collection.json',
    fault: 'pkce-not-verified' as const,
    caughtBy: ['PKCE · a code_verifier that does not match is refused'],
  },
  {
    spec: 'examples/token-header-api.yaml',
    collection: 'collections/token-header-api.postman_collection.json',
    fault: 'scopes-ignored' as const,
    caughtBy: ['GET /profile · missing-scope', 'GET /profile · api-sign-in-token'],
  },
];

describe('OAuth 2.0 examples with plain newman against the sandbox @slow', function () {
  this.timeout(120_000);

  for (const example of examples) {
    it(`${example.spec}: every check passes`, async () => {
      const { failing, assertions } = await plainNewman(example.spec, example.collection, []);
      expect([...failing]).to.deep.equal([]);
      expect(assertions).to.be.greaterThan(50);
    });

    it(`${example.spec}: ${example.fault} is caught by ${example.caughtBy.join(', ')}`, async () => {
      const { failing } = await plainNewman(example.spec, example.collection, [
        { name: example.fault },
      ]);
      expect([...failing].sort()).to.deep.equal([...example.caughtBy].sort());
    });
  }

  it("the SRP-only example's app client allows no other flow: USER_PASSWORD_AUTH is refused", async () => {
    // The sandbox sets its app client up as the spec's x-gatecheck-sandbox says (AWS's defaults:
    // ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH), so the passing run above signed in with SRP.
    const { failing, messages } = await plainNewman(
      'examples/srp-only-api.yaml',
      'collections/srp-only-api.postman_collection.json',
      [],
      (values) => ({ ...values, authFlow: 'USER_PASSWORD_AUTH' }),
    );
    expect(failing).to.include('Sign in (InitiateAuth)');
    const message = messages.get('Sign in (InitiateAuth)')?.join('\n') ?? '';
    expect(message, message).to.include('USER_PASSWORD_AUTH flow not enabled for this client');
  });

  it('the user token comes from the refresh_token grant, the machine token from client credentials', async () => {
    const hosted = await plainNewman(
      'examples/hosted-ui-api.yaml',
      'collections/hosted-ui-api.postman_collection.json',
      [],
    );
    expect(hosted.requestNames).to.include('Refresh user token (POST /oauth2/token refresh_token)');
    const m2m = await plainNewman(
      'examples/m2m-api.yaml',
      'collections/m2m-api.postman_collection.json',
      [],
    );
    expect(m2m.requestNames).to.include('Client credentials (POST /oauth2/token)');
  });

  it('without a refresh token, a user-scope positive fails naming the scopes needed and carried', async () => {
    const { failing, messages } = await plainNewman(
      'examples/hosted-ui-api.yaml',
      'collections/hosted-ui-api.postman_collection.json',
      [],
      // No refresh token and no password: neither the refresh_token grant nor the PKCE check's
      // code flow can get a user token.
      (values) => {
        const rest = { ...values };
        delete rest.oauthRefreshToken;
        delete rest.password;
        return { ...rest, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' };
      },
    );
    expect(failing).to.include('GET /me · positive');
    expect(messages.get('GET /me · positive')?.join('\n')).to.include(
      'refused with 401: the method needs one of the scopes email; the token sent was empty',
    );
  });

  it('a user-scope positive whose token lacks the scope fails naming the scopes it carried', async () => {
    const { failing, messages } = await plainNewman(
      'examples/hosted-ui-api.yaml',
      'collections/hosted-ui-api.postman_collection.json',
      [],
      (values) => values,
      // A refresh token of a code flow that asked for `openid` only: its tokens lack `email`.
      ['openid'],
    );
    expect(failing).to.include('GET /me · positive');
    expect(messages.get('GET /me · positive')?.join('\n')).to.include(
      'refused with 401: the method needs one of the scopes email; the token sent carried scopes openid',
    );
  });
});
