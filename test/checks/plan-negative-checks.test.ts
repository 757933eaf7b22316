import type { Protection } from '../../generators/model/types.js';
import { expect } from 'chai';
import type { ExpectedRejection, Operation } from '../../generators/model/types.js';
import {
  closingControlAfter,
  countChecks,
  planNegativeChecks,
} from '../../generators/plan/plan-negative-checks.js';
import { planRevocationChecks } from '../../generators/plan/plan-revocation-checks.js';
import { sentinelId } from '../../generators/plan/sentinel-targets.js';
import type { ControlCheck, NegativeCheck, PublicCheck } from '../../generators/plan/types.js';
import {
  cognitoScoped,
  httpRejections,
  model,
  operation,
  restRejections,
} from '../support/api-model.js';

type Planned = ControlCheck | NegativeCheck | PublicCheck;

const negatives = (checks: Planned[]): NegativeCheck[] =>
  checks.filter((c): c is NegativeCheck => c.role === 'negative');
const labels = (checks: Planned[]): string[] =>
  negatives(checks).map((c) => c.name.slice(c.name.indexOf(' · ') + 3));
const byKind = (checks: Planned[], kind: string): NegativeCheck => {
  const found = negatives(checks).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} check`);
  return found;
};

const tokenChecks = [
  'no-token',
  'empty-token',
  'bearer-empty',
  'bearer-garbage',
  'not-a-jwt',
  'signature-altered',
  'claims-edited',
  'alg-none (none)',
  'alg-none (None)',
  'alg-none (NONE)',
  'alg-none (nOnE)',
  'signature-stripped',
  'hs256-empty-secret',
  'hs256-public-key',
  'foreign-key',
  'expired',
];

const scopedCognito = cognitoScoped as Extract<Protection, { kind: 'cognito' }>;

describe('planNegativeChecks: which checks an operation gets', () => {
  const jwtScheme = {
    kind: 'jwt' as const,
    scheme: 'jwt',
    tokenHeader: 'Authorization',
    audience: ['client'],
  };
  const cases: Array<{ given: string; operation: Operation; http?: boolean; want: string[] }> = [
    {
      given: 'REST, Cognito, no scopes (ID token)',
      operation: operation(),
      want: [...tokenChecks, 'wrong-token-type', 'other-pool'],
    },
    {
      given: 'REST, Cognito, with scopes (access token)',
      operation: operation({ protection: cognitoScoped }),
      want: [...tokenChecks, 'wrong-token-type', 'missing-scope', 'other-pool'],
    },
    {
      given: 'REST, Cognito and an API key',
      operation: operation({ apiKey: { header: 'x-api-key' } }),
      want: [...tokenChecks, 'wrong-token-type', 'other-pool', 'api-key-missing', 'api-key-wrong'],
    },
    {
      given: 'HTTP API JWT authorizer, no scopes: token_use is not checked, no wrong-token-type',
      operation: operation({
        protection: { ...jwtScheme, tokenKind: 'id', scopes: [] },
        rejections: httpRejections,
      }),
      http: true,
      want: [...tokenChecks, 'other-pool', 'other-client'],
    },
    {
      given: 'HTTP API JWT authorizer without an audience: no other-client check',
      operation: operation({
        protection: { ...jwtScheme, tokenKind: 'id', scopes: [], audience: [] },
        rejections: httpRejections,
      }),
      http: true,
      want: [...tokenChecks, 'other-pool'],
    },
    {
      given: 'HTTP API JWT authorizer with scopes: an ID token has no scope claim',
      operation: operation({
        protection: { ...jwtScheme, tokenKind: 'access', scopes: ['demo/read'] },
        rejections: httpRejections,
      }),
      http: true,
      // `demo/read` alone: a client credentials token (token-source.ts), so the API sign-in's
      // own access token must be refused too.
      want: [
        ...tokenChecks,
        'wrong-token-type',
        'missing-scope',
        'api-sign-in-token',
        'other-pool',
        'other-client',
      ],
    },
  ];
  for (const { given, operation: op, http, want } of cases) {
    it(given, () => {
      const api = model([op], http ? { gatewayKind: 'http' } : {});
      expect(labels(planNegativeChecks(api, op))).to.deep.equal(want);
    });
  }

  it('API key held by a Lambda authorizer (api-key-source AUTHORIZER): no API key checks', () => {
    const op = operation({ apiKey: { header: 'x-api-key' } });
    const checks = planNegativeChecks(model([op], { apiKeySource: 'AUTHORIZER' }), op);
    expect(labels(checks)).to.not.include('api-key-missing');
  });

  it('other-client: a token the pool issued to another app client, minted by the sandbox', () => {
    const op = operation({
      protection: { ...jwtScheme, tokenKind: 'id', scopes: [] },
      rejections: httpRejections,
    });
    const check = planNegativeChecks(model([op], { gatewayKind: 'http' }), op).find(
      (c) => c.role === 'negative' && c.kind === 'other-client',
    );
    expect(check).to.deep.include({
      token: {
        from: 'variable',
        variable: 'otherClientToken',
        mint: { tokenUse: 'id', client: 'other' },
      },
      expect: httpRejections.unauthorized,
    });
  });

  it('operations behind unsupported authorizers get nothing', () => {
    const op = operation({ protection: { kind: 'unsupported', description: 'Lambda authorizer' } });
    expect(planNegativeChecks(model([op]), op)).to.deep.equal([]);
  });
});

describe('planNegativeChecks: expectations, credentials and targets', () => {
  const cases: Array<{
    given: string;
    operation: Operation;
    http?: boolean;
    kind: string;
    want: ExpectedRejection;
  }> = [
    {
      given: 'no token',
      operation: operation(),
      kind: 'no-token',
      want: restRejections.unauthorized,
    },
    { given: 'expired', operation: operation(), kind: 'expired', want: restRejections.expired },
    {
      given: 'missing scope on REST: 401 (AWS doc)',
      operation: operation({ protection: cognitoScoped }),
      kind: 'missing-scope',
      want: restRejections.unauthorized,
    },
    {
      given: 'missing scope on an HTTP API: 403',
      operation: operation({
        protection: {
          kind: 'jwt',
          scheme: 'jwt',
          tokenHeader: 'Authorization',
          tokenKind: 'access',
          scopes: ['a/b'],
          audience: [],
        },
        rejections: httpRejections,
      }),
      http: true,
      kind: 'missing-scope',
      want: httpRejections.insufficientScope,
    },
    {
      given: 'API key wrong',
      operation: operation({ apiKey: { header: 'x-api-key' } }),
      kind: 'api-key-wrong',
      want: restRejections.invalidApiKey,
    },
    {
      given: 'a custom UNAUTHORIZED gateway response',
      operation: operation({
        rejections: {
          ...restRejections,
          unauthorized: {
            status: 401,
            errorType: 'UnauthorizedException',
            body: { message: 'Unauthorized', type: 'UNAUTHORIZED' },
            source: 'UNAUTHORIZED',
          },
        },
      }),
      kind: 'signature-altered',
      want: {
        status: 401,
        errorType: 'UnauthorizedException',
        body: { message: 'Unauthorized', type: 'UNAUTHORIZED' },
        source: 'UNAUTHORIZED',
      },
    },
  ];
  for (const { given, operation: op, http, kind, want } of cases) {
    it(`expects the model's answer: ${given}`, () => {
      const api = model([op], http ? { gatewayKind: 'http' } : {});
      expect(byKind(planNegativeChecks(api, op), kind).expect).to.deep.equal(want);
    });
  }

  it('a method for machines: client credentials tokens, minted as the machine client, and the API sign-in token refused', () => {
    const op = operation({
      protection: { ...scopedCognito, scopes: ['orders/read'] },
      tokenSourceHint: 'machine',
    });
    const checks = planNegativeChecks(model([op]), op);
    expect(byKind(checks, 'claims-edited').token).to.deep.equal({
      from: 'forged',
      kind: 'access',
      forgery: 'claims-edited',
      grant: 'client-credentials',
    });
    expect(byKind(checks, 'missing-scope').token).to.deep.equal({
      from: 'variable',
      variable: 'unscopedMachineToken',
      mint: { tokenUse: 'access', scopes: ['gatecheck/none'], client: 'machine' },
    });
    expect(byKind(checks, 'expired').token).to.deep.equal({
      from: 'variable',
      variable: 'expiredToken',
      mint: { tokenUse: 'access', expired: true, scopes: ['orders/read'], client: 'machine' },
    });
    expect(byKind(checks, 'other-pool').token).to.deep.equal({
      from: 'variable',
      variable: 'otherPoolToken',
      mint: { tokenUse: 'access', pool: 'other', scopes: ['orders/read'] },
    });
    expect(byKind(checks, 'api-sign-in-token').token).to.deep.equal({
      from: 'captured',
      kind: 'access',
    });
    expect(byKind(checks, 'api-sign-in-token').expect).to.deep.equal(restRejections.unauthorized);
    const controls = checks.filter((c) => c.role === 'control');
    expect(
      controls.every((c) => c.token.from === 'captured' && c.token.grant === 'client-credentials'),
    ).to.equal(true);
  });

  it('a method with the email scope: the code flow user token', () => {
    const op = operation({ protection: { ...scopedCognito, scopes: ['email'] } });
    const checks = planNegativeChecks(model([op]), op);
    expect(byKind(checks, 'signature-altered').token).to.deep.include({ grant: 'oauth-user' });
    expect(byKind(checks, 'missing-scope').token).to.deep.equal({
      from: 'variable',
      variable: 'unscopedAccessToken',
      mint: { tokenUse: 'access', scopes: ['gatecheck/none'] },
    });
    expect(labels(checks)).to.include('api-sign-in-token');
  });

  it('token sources: forged from the captured token, variables with a sandbox fallback, wrong kind', () => {
    const op = operation({ protection: cognitoScoped });
    const checks = planNegativeChecks(model([op]), op);
    expect(byKind(checks, 'no-token').token).to.deep.equal({ from: 'none' });
    expect(byKind(checks, 'bearer-garbage').token).to.deep.equal({
      from: 'literal',
      value: 'Bearer x',
    });
    expect(byKind(checks, 'hs256-public-key').token).to.deep.equal({
      from: 'forged',
      kind: 'access',
      forgery: 'hs256-public-key',
    });
    expect(
      negatives(checks)
        .filter((c) => c.kind === 'alg-none')
        .map((c) => c.token),
    ).to.deep.equal(
      ['none', 'None', 'NONE', 'nOnE'].map((variant) => ({
        from: 'forged',
        kind: 'access',
        forgery: 'alg-none',
        variant,
      })),
    );
    expect(byKind(checks, 'expired').token).to.deep.equal({
      from: 'variable',
      variable: 'expiredToken',
      mint: { tokenUse: 'access', expired: true },
    });
    expect(byKind(checks, 'missing-scope').token).to.deep.equal({
      from: 'variable',
      variable: 'unscopedAccessToken',
      mint: { tokenUse: 'access', scopes: ['gatecheck/none'] },
    });
    expect(byKind(checks, 'other-pool').token).to.deep.equal({
      from: 'variable',
      variable: 'otherPoolToken',
      mint: { tokenUse: 'access', pool: 'other' },
    });
    expect(byKind(checks, 'foreign-key').token).to.deep.equal({
      from: 'variable',
      variable: 'foreignKeyToken',
      mint: { tokenUse: 'access', signer: 'foreign' },
    });
    expect(byKind(checks, 'wrong-token-type').token).to.deep.equal({
      from: 'captured',
      kind: 'id',
    });
  });

  it('API key: token checks send the valid key, key checks a valid token', () => {
    const op = operation({ apiKey: { header: 'x-api-key' } });
    const checks = planNegativeChecks(model([op]), op);
    expect(byKind(checks, 'signature-altered').apiKey).to.deep.equal({
      header: 'x-api-key',
      value: 'variable',
    });
    expect(byKind(checks, 'api-key-missing').apiKey).to.deep.equal({
      header: 'x-api-key',
      value: 'omit',
    });
    expect(byKind(checks, 'api-key-missing').token).to.deep.equal({ from: 'captured', kind: 'id' });
    expect(byKind(checks, 'api-key-wrong').apiKey).to.deep.equal({
      header: 'x-api-key',
      value: 'wrong',
    });
    for (const control of checks.filter((c) => c.role === 'control'))
      expect(control.apiKey).to.deep.equal({ header: 'x-api-key', value: 'variable' });
  });

  it('runs one control, then the block of negatives reading it, then a closing control: same request', () => {
    const op = operation({ apiKey: { header: 'x-api-key' } });
    const checks = planNegativeChecks(model([op]), op);
    const [control, ...rest] = checks as [ControlCheck, ...Array<ControlCheck | NegativeCheck>];
    const closing = rest.pop() as ControlCheck;
    expect(control.role).to.equal('control');
    expect([closing.role, closing.closing]).to.deep.equal(['control', true]);
    expect(rest.length).to.be.above(closingControlAfter);
    expect(rest.every((check) => check.role === 'negative')).to.equal(true);
    const negatives = rest as NegativeCheck[];
    for (const [index, negative] of negatives.entries()) {
      expect(negative.controlId).to.equal(control.id);
      // Only the block's last negative clears the control's verdict.
      expect(negative.releasesControl === true).to.equal(index === negatives.length - 1);
    }
    for (const check of [control, closing]) {
      expect(check.token).to.deep.equal({ from: 'captured', kind: 'id' });
      expect(check.expect).to.deep.equal(control.expect);
    }
    for (const negative of [...negatives, closing])
      for (const field of [
        'method',
        'path',
        'query',
        'headers',
        'body',
        'tokenHeader',
        'gatewayKind',
      ] as const)
        expect(negative[field], field).to.deep.equal(control[field]);
  });

  it('a short block has no closing control', () => {
    const op = operation();
    const checks = planNegativeChecks(model([op]), op, { method: true, tokenValidation: false });
    // No token, the wrong token kind: the checks the method's own settings decide.
    expect(checks.map((check) => check.role)).to.deep.equal(['control', 'negative', 'negative']);
    expect(checks.map((check) => (check as NegativeCheck).releasesControl)).to.deep.equal([
      undefined,
      undefined,
      true,
    ]);
  });

  it('names each request `<METHOD> <path> · <kind>` with stable, unique ids', () => {
    const op = operation({ method: 'get', path: '/demo' });
    const first = planNegativeChecks(model([op]), op);
    expect(first[1]?.name).to.equal('GET /demo · no-token');
    expect(first[0]?.name).to.equal('GET /demo · control');
    expect(first.at(-1)?.name).to.equal('GET /demo · closing control');
    expect(negatives(first).map((c) => c.name)).to.include('GET /demo · alg-none (nOnE)');
    expect(new Set(first.map((c) => c.id)).size).to.equal(first.length);
    expect(planNegativeChecks(model([op]), op)).to.deep.equal(first);
  });

  it('safe methods: the documented example target, a control that expects the documented success', () => {
    const op = operation({
      path: '/users/{id}',
      parameters: [{ name: 'id', in: 'path', required: true, example: 'u 1' }],
      success: { status: 200 },
    });
    const [control, negative] = planNegativeChecks(model([op]), op) as [
      ControlCheck,
      NegativeCheck,
    ];
    expect(control.path).to.equal('/users/u%201');
    expect(negative.path).to.equal('/users/u%201');
    expect(control.expect).to.deep.equal({ mode: 'success', status: 200 });
  });

  const unsafe: Array<{ method: Operation['method']; path: string; body: boolean; want: string }> =
    [
      { method: 'delete', path: '/users/{id}', body: false, want: `/users/${sentinelId}` },
      { method: 'put', path: '/users/{id}', body: true, want: `/users/${sentinelId}` },
      { method: 'post', path: '/users', body: true, want: '/users' },
      { method: 'patch', path: '/files/{proxy+}', body: true, want: `/files/${sentinelId}` },
    ];
  for (const { method, path, body, want } of unsafe) {
    it(`unsafe ${method.toUpperCase()} ${path}: sentinel target, harmless body, control expects reached-integration`, () => {
      const op = operation({
        method,
        path,
        parameters: path.includes('{')
          ? [
              {
                name: path.includes('proxy') ? 'proxy' : 'id',
                in: 'path',
                required: true,
                example: 'real-42',
              },
            ]
          : [],
        ...(body
          ? { requestBody: { contentType: 'application/json', example: { name: 'Real Person' } } }
          : {}),
      });
      const checks = planNegativeChecks(model([op]), op);
      for (const check of checks) {
        expect(check.path).to.equal(want);
        expect(check.body).to.deep.equal(
          body ? { contentType: 'application/json', raw: '{}' } : undefined,
        );
      }
      // A POST's control also expects the harmless body to be refused with a 4xx.
      expect((checks[0] as ControlCheck).expect).to.deep.equal(
        method === 'post'
          ? { mode: 'reached-integration', refused: true }
          : { mode: 'reached-integration' },
      );
    });
  }
});

describe('planNegativeChecks: public operations', () => {
  it('a public GET must answer without a token with its documented status', () => {
    const op = operation({
      security: [],
      securitySource: 'operation',
      protection: { kind: 'public' },
    });
    const checks = planNegativeChecks(model([op]), op);
    expect(checks).to.have.length(1);
    const [check] = checks as [PublicCheck];
    expect(check.role).to.equal('public');
    expect(check.name).to.equal('GET /demo · public');
    expect(check.token).to.deep.equal({ from: 'none' });
    expect(check.expect).to.deep.equal({ status: 200, mode: 'success' });
  });

  it('a public write operation is flagged in its name and aimed at a sentinel', () => {
    const op = operation({
      method: 'delete',
      path: '/items/{id}',
      parameters: [{ name: 'id', in: 'path', required: true, example: '7' }],
      security: [],
      protection: { kind: 'public' },
      success: { status: 204 },
    });
    const [check] = planNegativeChecks(model([op]), op) as [PublicCheck];
    expect(check.name).to.equal('DELETE /items/{id} · public (write operation without authorizer)');
    expect(check.path).to.equal(`/items/${sentinelId}`);
    expect(check.expect).to.deep.equal({ status: 204, mode: 'reached-integration' });
  });

  it('an operation that also allows anonymous callers gets a public check, no rejection checks', () => {
    const op = operation({ security: [[{ scheme: 'cognito', scopes: [] }], []] });
    const checks = planNegativeChecks(model([op]), op);
    expect(checks.map((c) => c.role)).to.deep.equal(['public']);
  });

  it('an API-key-only method: public check with the key, then a control, missing-key and wrong-key → 403', () => {
    const op = operation({
      security: [[{ scheme: 'api_key', scopes: [] }]],
      protection: { kind: 'public' },
      apiKey: { header: 'x-api-key' },
    });
    const checks = planNegativeChecks(model([op]), op);
    expect(checks.map((c) => c.name)).to.deep.equal([
      'GET /demo · public',
      'GET /demo · control',
      'GET /demo · api-key-missing',
      'GET /demo · api-key-wrong',
    ]);
    const [, control, missing, wrong] = checks;
    expect(control).to.deep.include({
      token: { from: 'none' },
      apiKey: { header: 'x-api-key', value: 'variable' },
    });
    expect(missing).to.deep.include({
      token: { from: 'none' },
      apiKey: { header: 'x-api-key', value: 'omit' },
      expect: op.rejections.invalidApiKey,
      controlId: control?.id,
    });
    expect(wrong).to.deep.include({
      apiKey: { header: 'x-api-key', value: 'wrong' },
      controlId: control?.id,
      releasesControl: true,
    });
    expect(op.rejections.invalidApiKey.status).to.equal(403);
  });

  it('an API-key-only method with key source AUTHORIZER gets no key checks', () => {
    const op = operation({ protection: { kind: 'public' }, apiKey: { header: 'x-api-key' } });
    const checks = planNegativeChecks(model([op], { apiKeySource: 'AUTHORIZER' }), op);
    expect(checks.map((c) => c.role)).to.deep.equal(['public']);
  });

  it('in an API Gateway document an empty entry adds nothing: the authorizer is checked', () => {
    const op = operation({ security: [[{ scheme: 'cognito', scopes: [] }], []] });
    const checks = planNegativeChecks(model([op], { securityReading: 'api-gateway' }), op);
    expect(checks.map((c) => c.role)).to.include('negative');
  });
});

describe('countChecks and planRevocationChecks', () => {
  it('counts every planned check once', () => {
    const op = operation();
    const checks = planNegativeChecks(model([op]), op);
    expect(countChecks(checks)).to.equal(checks.length);
    expect(countChecks([])).to.equal(0);
  });

  it('plans sign-in, GlobalSignOut, GetUser against Cognito when an operation is behind Cognito', () => {
    const checks = planRevocationChecks(model([operation()]));
    expect(checks.map((c) => [c.step, c.headers['X-Amz-Target']])).to.deep.equal([
      ['sign-in', 'AWSCognitoIdentityProviderService.InitiateAuth'],
      ['global-sign-out', 'AWSCognitoIdentityProviderService.GlobalSignOut'],
      ['get-user', 'AWSCognitoIdentityProviderService.GetUser'],
    ]);
    expect(
      checks.every(
        (c) =>
          c.url === '{{cognitoEndpoint}}' &&
          c.headers['Content-Type'] === 'application/x-amz-json-1.1',
      ),
    ).to.equal(true);
  });

  it('plans no revocation check for an API without a user pool', () => {
    const op = operation({ security: [], protection: { kind: 'public' } });
    expect(planRevocationChecks(model([op]))).to.deep.equal([]);
  });
});
