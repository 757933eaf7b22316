/**
 * Proof that the generated checks catch a broken gateway (security-checks §2.3, configuration
 * mutants): each example collection runs with newman against the sandbox, once healthy (every check
 * passes) and once per fault, on a fresh sandbox each time (positive checks change its data). A
 * fault must fail exactly the negative checks that target it, and nothing else.
 * `owner-check-removed` is left out: it breaks the users API's handler, not the authorizer.
 */
import { expect } from 'chai';
import newman from 'newman';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import type { NegativeCheck, NegativeCheckKind } from '../../generators/plan/types.js';
import { renderCollection } from '../../generators/render/render-collection.js';
import { faultNames, startSandbox, type FaultName } from '../../sandbox/index.js';
import { sandboxRunValues } from '../run/sandbox-values.js';

const specs = [
  'examples/lab-demo-api.yaml',
  'examples/users-api.json',
  'examples/dev-token-api.yaml',
];

const tokenKinds: NegativeCheckKind[] = [
  'no-token',
  'empty-token',
  'bearer-empty',
  'bearer-garbage',
  'not-a-jwt',
  'signature-altered',
  'claims-edited',
  'alg-none',
  'signature-stripped',
  'hs256-empty-secret',
  'hs256-public-key',
  'foreign-key',
  'expired',
  'wrong-token-type',
  'missing-scope',
  'other-pool',
];

/** The negative checks each fault must fail (`must`), and may also fail (`may`). */
const caughtBy: Record<
  Exclude<FaultName, 'owner-check-removed'>,
  {
    must: NegativeCheckKind[];
    may?: NegativeCheckKind[];
    onlyWhen?: (check: NegativeCheck) => boolean;
  }
> = {
  'authorizer-removed': { must: tokenKinds },
  'signature-not-verified': {
    must: [
      'signature-altered',
      'claims-edited',
      'signature-stripped',
      'hs256-empty-secret',
      'hs256-public-key',
      'foreign-key',
    ],
    // Whether an unverified `alg: none` token gets through depends on how the gateway decodes it.
    may: ['alg-none'],
  },
  'expiry-not-checked': { must: ['expired'] },
  'scopes-ignored': { must: ['missing-scope'] },
  // Only an access token on an ID-token method can show it: an ID token on a scoped method carries
  // no scope and the scope check refuses it anyway (harmless), so there `wrong-token-type` may pass.
  'token-use-ignored': {
    must: ['wrong-token-type'],
    onlyWhen: (check) => tokenKindSent(check) === 'access',
  },
  'any-issuer-accepted': { must: ['other-pool'] },
  'api-key-not-enforced': { must: ['api-key-missing', 'api-key-wrong'] },
  'alg-none-accepted': { must: ['alg-none'] },
};

function tokenKindSent(check: NegativeCheck): string | undefined {
  return check.token.from === 'captured' ? check.token.kind : undefined;
}

interface RunOutcome {
  /** Names of the items with at least one failed assertion. */
  failing: Set<string>;
  /** Names of every negative item in the collection. */
  negatives: Map<string, NegativeCheck>;
  skipped: number;
}

async function runAgainstSandbox(spec: string, fault: FaultName | undefined): Promise<RunOutcome> {
  const sandbox = await startSandbox({ specPath: spec, faults: fault ? [{ name: fault }] : [] });
  try {
    const model = buildModel(await loadSpec(spec), { baseUrl: sandbox.apiBaseUrl });
    const plan = planCollection(model);
    const negatives = new Map<string, NegativeCheck>();
    for (const operation of plan.operations)
      for (const check of operation.checks)
        if (check.role === 'negative') negatives.set(check.name, check);
    const values = { ...sandboxRunValues(sandbox), otherPoolUsername: sandbox.otherPool.username };
    const failing = new Set<string>();
    let skipped = 0;
    await new Promise<void>((resolve, reject) => {
      newman
        .run(
          {
            collection: renderCollection(
              model,
              plan,
            ) as unknown as newman.NewmanRunOptions['collection'],
            environment: { values: Object.entries(values).map(([key, value]) => ({ key, value })) },
            reporters: [],
          },
          (error) => (error ? reject(error) : resolve()),
        )
        .on('assertion', (error, args) => {
          if ((args as unknown as { skipped?: boolean }).skipped) skipped += 1;
          else if (error) failing.add(args.item.name);
        });
    });
    return { failing, negatives, skipped };
  } finally {
    await sandbox.stop();
  }
}

describe('@slow mutation: the example collections against a broken sandbox gateway', function () {
  this.timeout(180_000);
  const table: string[] = [];
  after(() => {
    if (table.length)
      console.log(
        `\n  fault → checks that caught it\n${table.map((row) => `  ${row}`).join('\n')}\n`,
      );
  });

  for (const spec of specs) {
    describe(spec, () => {
      it('passes every check against a healthy gateway', async () => {
        const { failing, skipped } = await runAgainstSandbox(spec, undefined);
        expect([...failing]).to.deep.equal([]);
        expect(skipped).to.equal(0);
      });

      for (const fault of faultNames.filter((name) => name !== 'owner-check-removed')) {
        it(`${fault}: fails exactly the checks that target it`, async () => {
          const {
            must,
            may = [],
            onlyWhen = () => true,
          } = caughtBy[fault as keyof typeof caughtBy];
          const { failing, negatives } = await runAgainstSandbox(spec, fault);
          const failedNegatives = [...negatives].filter(([name]) => failing.has(name));
          const mustFail = [...negatives]
            .filter(([, check]) => must.includes(check.kind) && onlyWhen(check))
            .map(([name]) => name);
          expect(failedNegatives.map(([name]) => name)).to.include.members(mustFail);
          const unexpected = failedNegatives.filter(
            ([, check]) => !must.includes(check.kind) && !may.includes(check.kind),
          );
          expect(
            unexpected.map(([name]) => name),
            'negatives that should have passed',
          ).to.deep.equal([]);
          // Positive checks, controls, public checks and revocation must not notice the fault, except
          // when the authorizer is gone: then the integration gets no claims and may refuse.
          const others = [...failing].filter(
            (name) => !negatives.has(name) && name !== 'gatecheck · run guard',
          );
          if (fault !== 'authorizer-removed')
            expect(others, 'other failing checks').to.deep.equal([]);
          const kinds = [...new Set(failedNegatives.map(([, check]) => check.kind))];
          table.push(
            `${spec.replace('examples/', '')} · ${fault} → ${kinds.length ? kinds.join(', ') : '(nothing to catch in this API)'}`,
          );
          if (mustFail.length)
            expect(failing.has('gatecheck · run guard') || failedNegatives.length > 0).to.equal(
              true,
            );
        });
      }
    });
  }
});
