/**
 * The Hosted UI sign-in and the domain lookup against answers shaped as AWS gives them where the
 * sandbox answers differently: an unregistered callback is a redirect to the domain's own
 * `/error?error=redirect_mismatch` page (the sandbox shows an error page), and an environment
 * file's `cognitoDomain` is trusted only when it is Cognito's or loopback.
 */
import { expect } from 'chai';
import { signInWithHostedUi } from '../../generators/aws/hosted-ui-sign-in.js';
import { signInForRun, userPoolDomainUrl } from '../../generators/aws/token-hand-off.js';
import { InputError } from '../../generators/errors.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

async function inputError(call: Promise<unknown>): Promise<InputError> {
  try {
    await call;
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('Hosted UI: answers as AWS gives them (generators/aws/hosted-ui-sign-in.ts)', () => {
  let server: LocalServer;
  let domain: string;
  let answer: (url: URL) => { status: number; location?: string };

  before(async () => {
    server = await startLocalServer((req, res) => {
      const { status, location } = answer(new URL(req.url ?? '/', domain));
      res.writeHead(status, location ? { Location: location } : {}).end();
    });
    domain = server.url;
  });
  after(() => server.close());

  const options = () => ({
    domain,
    clientId: 'client-1',
    scopes: ['openid'],
    port: 0,
    onAuthorizeUrl: () => {
      throw new Error('the URL must not be printed');
    },
  });

  it("an unregistered callback: AWS's redirect to /error?error=redirect_mismatch is one line", async () => {
    answer = () => ({ status: 302, location: '/error?error=redirect_mismatch&client_id=client-1' });
    const error = await inputError(signInWithHostedUi(options()));
    expect(error.message).to.equal(
      "Cognito's authorize endpoint refused the sign-in: redirect_mismatch",
    );
    expect(error.hint).to.match(
      /^Add http:\/\/127\.0\.0\.1:\d+\/callback to the app client's CallbackURLs/,
    );
  });

  it('an unknown scope: the redirect back to the callback with error=invalid_scope', async () => {
    answer = (url) => ({
      status: 302,
      location: `${url.searchParams.get('redirect_uri')}?error=invalid_scope&state=${url.searchParams.get('state')}`,
    });
    const error = await inputError(signInWithHostedUi(options()));
    expect(error.message).to.equal(
      "Cognito's authorize endpoint refused the sign-in: invalid_scope",
    );
    expect(error.hint).to.include('AllowedOAuthScopes');
  });

  it('the code + PKCE request itself: S256 challenge, a state, the loopback redirect', async () => {
    let seen: URL | undefined;
    answer = (url) => {
      seen = url;
      return { status: 302, location: '/error?error=unauthorized_client' };
    };
    await inputError(signInWithHostedUi({ ...options(), scopes: ['openid', 'email'] }));
    expect(seen?.pathname).to.equal('/oauth2/authorize');
    expect(seen?.searchParams.get('response_type')).to.equal('code');
    expect(seen?.searchParams.get('client_id')).to.equal('client-1');
    expect(seen?.searchParams.get('scope')).to.equal('openid email');
    expect(seen?.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(seen?.searchParams.get('code_challenge')).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(seen?.searchParams.get('state')).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(seen?.searchParams.get('redirect_uri')).to.match(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
  });
});

describe('user pool domain lookup (generators/aws/token-hand-off.ts)', () => {
  const environment = (cognitoDomain: string) => ({
    values: [
      { key: 'clientId', value: 'client-1' },
      { key: 'clientSecret', value: 'secret-1' },
      { key: 'region', value: 'eu-west-1' },
      { key: 'cognitoDomain', value: cognitoDomain },
    ],
  });

  it("an environment file's cognitoDomain elsewhere than Cognito: refused before the secret goes there", async () => {
    const error = await inputError(
      signInForRun({
        values: {},
        environment: environment('https://collector.example.net'),
        admin: false,
        env: {},
        source: 'client-credentials',
      }),
    );
    expect(error.message).to.equal(
      "the environment's cognitoDomain sends the client secret and tokens to collector.example.net, which is not a Cognito domain of the region",
    );
    expect(error.hint).to.include('--domain https://collector.example.net');
  });

  it('a URL, a host name or a bare prefix: the domain URL', () => {
    expect(userPoolDomainUrl('https://auth.example.com/', 'eu-west-1')).to.equal(
      'https://auth.example.com',
    );
    expect(userPoolDomainUrl('my-app.auth.eu-west-1.amazoncognito.com', 'eu-west-1')).to.equal(
      'https://my-app.auth.eu-west-1.amazoncognito.com',
    );
    expect(userPoolDomainUrl('my-app', 'eu-west-1')).to.equal(
      'https://my-app.auth.eu-west-1.amazoncognito.com',
    );
  });
});
