/**
 * Proof that the generated checks catch a broken gateway (docs/reference/check-catalogue.md §2.3,
 * configuration mutants): each API's collection runs with newman against the sandbox, once healthy
 * (every check passes) and once per fault, on a fresh sandbox each time (positive checks change its
 * data). A fault must fail exactly the negative checks that target it, and nothing else; every
 * fault must be caught by some check of some API.
 */
import { expect } from 'chai';
import { faultNames, type FaultName } from '../../sandbox/index.js';
import { caughtBy, tokenKinds, type AuthorizerFault } from './mutation-expectations.js';
import { runAgainstSandbox, runGuard } from './mutation-run.js';

const apis = [
  'examples/lab-demo-api.yaml',
  'examples/users-api.json',
  'examples/dev-token-api.yaml',
  // The token in a header named `Token`, an `email` scope, a public method.
  'examples/token-header-api.yaml',
  // An HTTP API with a JWT authorizer: no token_use check, an audience check, no API keys.
  'test/fixtures/specs/http-jwt-oas31.json',
  // A Cognito authorizer with identityValidationExpression, Lambda TOKEN and REQUEST authorizers
  // that verify Cognito tokens (x-gatecheck-cognito).
  'examples/lambda-authorizer-api.yaml',
  // Two user pools: a method per pool and one that accepts both.
  'examples/two-pool-api.yaml',
  // Resource-server scopes: client credentials tokens of the user pool domain.
  'examples/m2m-api.yaml',
  // OIDC scopes: the code flow's user token (refresh_token grant) and the PKCE check.
  'examples/hosted-ui-api.yaml',
];

/** PKCE is the token endpoint's, not the gateway's: only the PKCE check of a user-token API sees it. */
const pkceFault = {
  apis: ['examples/hosted-ui-api.yaml', 'examples/token-header-api.yaml'],
  must: ['PKCE · a code_verifier that does not match is refused'],
};

const authorizerFaults = faultNames.filter(
  (name): name is AuthorizerFault =>
    name !== 'owner-check-removed' &&
    name !== 'group-check-removed' &&
    name !== 'pkce-not-verified',
);

/**
 * The users API's own owner/admin rule, broken two ways, and the persona checks of its rules file
 * (examples/users-api.authz.yaml) that must catch each: another user's (`other`) and another group's
 * (`support`) write on the owner's object. After a delete that should have been refused, the
 * owner's own delete of that object may fail too (it is gone).
 */
const handlerFaults: Record<
  'owner-check-removed' | 'group-check-removed',
  { must: string[]; may: string[] }
> = {
  'owner-check-removed': {
    must: [
      'authz · PUT /users/{id} · other → refused',
      'authz · PUT /users/{id} · support → refused',
      'authz · DELETE /users/{id} · other → refused',
      'authz · DELETE /users/{id} · support → refused',
    ],
    may: ['authz · DELETE /users/{id} · owner → allowed', runGuard],
  },
  'group-check-removed': {
    must: [
      'authz · PUT /users/{id} · support → refused',
      'authz · DELETE /users/{id} · support → refused',
    ],
    may: ['authz · DELETE /users/{id} · owner → allowed', runGuard],
  },
};

/** The users API keeps its records on `/users/{id}`; this method alone loses its authorizer. */
const usersApi = 'examples/users-api.json';
const oneMethod = 'GET /users/{id}';

describe('@slow mutation: the generated collections against a broken sandbox gateway', function () {
  this.timeout(180_000);
  /** Fault → `api: kinds` rows, printed after the suite. */
  const table: string[] = [];
  /** Fault → the APIs where at least one check caught it. */
  const caughtIn = new Map<FaultName, Set<string>>();
  let runsDone = 0;

  function record(fault: FaultName, label: string, api: string, kinds: string[]): void {
    table.push(
      `${api.replace(/^.*\//, '')} · ${label} → ${kinds.length ? kinds.join(', ') : '(nothing caught)'}`,
    );
    if (kinds.length) caughtIn.set(fault, (caughtIn.get(fault) ?? new Set()).add(api));
  }

  after(() => {
    if (table.length)
      console.log(
        `\n  fault → checks that caught it\n${table.map((row) => `  ${row}`).join('\n')}\n`,
      );
  });

  for (const api of apis) {
    describe(api, () => {
      it('passes every check against a healthy gateway', async () => {
        const { failing, skipped } = await runAgainstSandbox(api, []);
        expect([...failing]).to.deep.equal([]);
        expect(skipped).to.equal(0);
      });

      for (const fault of authorizerFaults) {
        it(`${fault}: fails exactly the checks that target it`, async () => {
          const expectation = caughtBy[fault];
          // When nothing the fault loosens is used by this API (no API key, no scope), the run
          // still happens: it must then change nothing at all.
          const { gatewayKind, failing, negatives } = await runAgainstSandbox(api, [
            { name: fault },
          ]);
          const kindsOf = (operation: string) =>
            [...negatives.values()]
              .filter((n) => n.operation === operation)
              .map((n) => n.check.kind);
          const verdicts = [...negatives].map(([name, { check, operation }]) => ({
            name,
            kind: check.kind,
            verdict: expectation.verdict(check, gatewayKind, kindsOf(operation)),
            failed: failing.has(name),
          }));
          const failedKinds = [...new Set(verdicts.filter((v) => v.failed).map((v) => v.kind))];
          record(fault, fault, api, failedKinds);
          runsDone += 1;

          const mustFail = verdicts.filter((v) => v.verdict === 'must-fail').map((v) => v.name);
          expect([...failing], 'negatives that should have failed').to.include.members(mustFail);
          expect(
            verdicts.filter((v) => v.failed && v.verdict === 'must-pass').map((v) => v.name),
            'negatives that should have passed',
          ).to.deep.equal([]);
          // Positive checks, controls, public checks and revocation must not notice the fault, except
          // when every authorizer is gone: then the integration gets no claims and may refuse.
          const others = [...failing].filter((name) => !negatives.has(name) && name !== runGuard);
          if (fault !== 'authorizer-removed')
            expect(others, 'other failing checks').to.deep.equal([]);
        });
      }

      if (pkceFault.apis.includes(api)) {
        it('pkce-not-verified: exactly the PKCE check fails', async () => {
          const { failing } = await runAgainstSandbox(api, [{ name: 'pkce-not-verified' }]);
          record(
            'pkce-not-verified',
            'pkce-not-verified',
            api,
            pkceFault.must.filter((n) => failing.has(n)),
          );
          expect([...failing].sort()).to.deep.equal([...pkceFault.must].sort());
        });
      }

      if (api === usersApi) {
        it(`authorizer-removed from ${oneMethod} only: exactly its negative checks fail`, async () => {
          const { failing, negatives } = await runAgainstSandbox(api, [
            { name: 'authorizer-removed', target: oneMethod },
          ]);
          const ofTheMethod = [...negatives].filter(([, n]) => n.operation === oneMethod);
          expect(ofTheMethod.length, `${oneMethod} has negative checks`).to.be.above(0);
          // Every negative check of the method is about the token (the method takes no API key).
          expect(ofTheMethod.every(([, n]) => tokenKinds.includes(n.check.kind))).to.equal(true);
          // Nothing else: no other method's negatives, no positive, control or public check, no guard.
          expect([...failing].sort()).to.deep.equal(ofTheMethod.map(([name]) => name).sort());
          record('authorizer-removed', `authorizer-removed (${oneMethod})`, api, [
            ...new Set(ofTheMethod.map(([, n]) => n.check.kind)),
          ]);
        });

        // The owner/admin check is the integration's (a caller may change only their own record):
        // only the persona checks can see it, each fault failing exactly its own.
        for (const [fault, expected] of Object.entries(handlerFaults)) {
          it(`${fault}: exactly the persona checks that target it fail`, async () => {
            const { failing } = await runAgainstSandbox(api, [{ name: fault as FaultName }]);
            record(
              fault as FaultName,
              fault,
              api,
              expected.must.filter((name) => failing.has(name)),
            );
            expect([...failing], 'persona checks that should have failed').to.include.members(
              expected.must,
            );
            expect(
              [...failing].filter(
                (name) => !expected.must.includes(name) && !expected.may.includes(name),
              ),
              'other failing checks',
            ).to.deep.equal([]);
          });
        }
      } else {
        // Without authorization rules nothing uses the handler's owner check: the run is unchanged.
        it('owner-check-removed and group-check-removed change nothing', async () => {
          const { failing } = await runAgainstSandbox(api, [
            { name: 'owner-check-removed' },
            { name: 'group-check-removed' },
          ]);
          expect([...failing]).to.deep.equal([]);
        });
      }
    });
  }

  describe('all APIs', () => {
    it('every authorizer fault is caught by at least one check in at least one API', function () {
      // Run with --grep (part of the runs): nothing to conclude.
      if (runsDone < apis.length * authorizerFaults.length) this.skip();
      const missed = [...authorizerFaults, 'pkce-not-verified' as const].filter(
        (fault) => !caughtIn.has(fault),
      );
      expect(missed, 'faults no check caught').to.deep.equal([]);
    });
  });
});
