import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';

const fixtures = new URL('../fixtures/specs/', import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('gatecheck inspect', () => {
  it('prints one row per operation: protection, token header and kind, scopes, API key, rejection', async () => {
    const { io, out, err } = capture();
    const code = await main(['inspect', `${fixtures}rest-cognito-swagger2.json`], io);
    expect(code).to.equal(0);
    expect(err).to.deep.equal([]);
    expect(out.slice(0, 6)).to.deep.equal([
      'Orders API (Swagger 2.0, REST API)',
      'stage prod: https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      '',
      'METHOD  PATH     PROTECTION          TOKEN HEADER   TOKEN   SCOPES        TOKEN FROM                    API KEY    REJECTION',
      'GET     /orders  Cognito authorizer  Authorization  ID      -             API sign-in (ID)              -          401 UnauthorizedException',
      'POST    /orders  Cognito authorizer  Authorization  access  orders/write  client credentials (assumed)  x-api-key  401 UnauthorizedException',
    ]);
    // `orders/write` could be a machine's or a user's scope: the warning says what was assumed.
    expect(out.at(-3)).to.equal('2 operation(s), 1 warning(s)');
    expect(out.at(-2)).to.match(
      /^warning \[token-source-ambiguous\] POST \/orders: scopes orders\/write could be resource-server scopes for machines or custom scopes for users; gatecheck uses a client_credentials token\. Add "x-gatecheck-token-source: user" .*\(#\/paths\/~1orders\/post\)$/,
    );
    // No authorization rules: the last line says how to turn the persona checks on.
    expect(out.at(-1)).to.match(
      /^authorization: no rules, so no BOLA\/BFLA checks; write .*rest-cognito-swagger2\.authz\.yaml \(or pass --authz FILE\)/,
    );
  });

  it('lists the authorization rules and the credentials each persona needs', async () => {
    const { io, out } = capture();
    const code = await main(['inspect', 'examples/users-api.json'], io);
    expect(code).to.equal(0);
    expect(out.slice(-6)).to.deep.equal([
      'authorization: rules from examples/users-api.authz.yaml: personas owner, other, admin (admin), support (support)',
      '  GET /users/{id} on user: allowed owner, other, admin, support',
      '  GET /users: allowed owner, other, admin, support',
      '  PUT /users/{id} on user: allowed owner, admin; refused (403): other, support',
      '  DELETE /users/{id} on user: allowed owner, admin; refused (403): other, support',
      '  credentials: GATECHECK_OWNER_USERNAME / GATECHECK_OWNER_PASSWORD, GATECHECK_OTHER_USERNAME / GATECHECK_OTHER_PASSWORD, GATECHECK_ADMIN_USERNAME / GATECHECK_ADMIN_PASSWORD, GATECHECK_SUPPORT_USERNAME / GATECHECK_SUPPORT_PASSWORD',
    ]);
  });

  it('lists warnings with their JSON pointers', async () => {
    const { io, out } = capture();
    expect(await main(['inspect', `${fixtures}lambda-authorizer.json`], io)).to.equal(0);
    expect(out).to.include(
      'GET     /a    unsupported (Lambda authorizer (token))  -             -      -       -           -        -',
    );
    expect(out.filter((l) => l.startsWith('warning '))).to.deep.equal([
      'warning [no-servers] the spec names no server: requests go to https://example.invalid until baseUrl is set (--base-url or GATECHECK_BASE_URL) (#/servers)',
      'warning [unsupported-scheme] security scheme "lambda-auth" (Lambda authorizer (token)) is not supported: gatecheck cannot obtain its credentials, so operations that need only it are not checked (#/components/securitySchemes/lambda-auth)',
    ]);
  });

  it('--json prints the documented schemaVersion 2 document in a stable key order', async () => {
    const { io, out } = capture();
    const code = await main(
      [
        'inspect',
        `${fixtures}http-jwt-oas31.json`,
        '--json',
        '--base-url',
        'http://127.0.0.1:4010/dev',
      ],
      io,
    );
    expect(code).to.equal(0);
    const summary = JSON.parse(out.join('\n'));
    expect(Object.keys(summary)).to.deep.equal([
      'schemaVersion',
      'title',
      'slug',
      'source',
      'specVersion',
      'securityReading',
      'gatewayKind',
      'apiKeySource',
      'stages',
      'schemes',
      'operations',
      'warnings',
    ]);
    expect(summary).to.deep.include({
      schemaVersion: 2,
      securityReading: 'api-gateway',
      gatewayKind: 'http',
      stages: [{ name: 'dev', baseUrl: 'http://127.0.0.1:4010/dev' }],
    });
    expect(summary.operations[0]).to.deep.include({
      id: 'listNotes',
      method: 'GET',
      path: '/notes',
      protection: 'jwt',
      tokenHeader: 'authorization',
      tokenKind: 'access',
      scopes: ['notes/read'],
      tokenSource: { grant: 'client-credentials', scopes: ['notes/read'], ambiguous: true },
      apiKeyHeader: null,
      rejection: {
        status: 401,
        errorType: null,
        body: { message: 'Unauthorized' },
        bodyPattern: null,
        source: 'default',
      },
    });
    expect(Object.keys(summary.operations[0])).to.deep.equal([
      'id',
      'method',
      'path',
      'protection',
      'scheme',
      'tokenHeader',
      'tokenKind',
      'scopes',
      'tokenSource',
      'apiKeyHeader',
      'apiKeySource',
      'checked',
      'notChecked',
      'unsupported',
      'securitySource',
      'rejection',
      'rejections',
      'successStatus',
      'fromAnyMethod',
      'greedyPath',
      'pointer',
    ]);
  });

  const bad: { given: string[]; want: RegExp }[] = [
    {
      given: [`${fixtures}bad/invalid-yaml.txt`],
      want: /^gatecheck: .*invalid-yaml\.txt: invalid YAML at line 8, column 1: .*\. Fix the YAML syntax at that place$/,
    },
    {
      given: [`${fixtures}bad/missing-ref.json`],
      want: /^gatecheck: .*missing-ref\.json#\/paths\/~1a\/get\/responses\/200\/\$ref: unresolvable \$ref "#\/components\/responses\/Nope"\. /,
    },
    {
      given: [`${fixtures}bad/not-a-spec.json`],
      want: /^gatecheck: .*not-a-spec\.json#: not an OpenAPI or Swagger document/,
    },
    {
      given: [`${fixtures}rest-cognito-oas30.yaml`, '--base-url', 'not a url'],
      want: /^gatecheck: --base-url "not a url" is not an http\(s\) URL\. /,
    },
  ];
  for (const { given, want } of bad) {
    it(`bad input ${given.join(' ').replace(fixtures, '')} → exit 2 and one line`, async () => {
      const { io, out, err } = capture();
      expect(await main(['inspect', ...given], io)).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err).to.have.length(1);
      expect(err[0]).to.match(want);
    });
  }
});
