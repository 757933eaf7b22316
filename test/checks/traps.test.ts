/**
 * The rendered scripts in the real Postman sandbox (newman) against trap answers: a negative check
 * passes on API Gateway's exact rejection and on nothing that merely looks like one
 * (docs/reference/check-catalogue.md §2.1, §2.3 "assertion mutants").
 */
import { expect } from 'chai';
import { planNegativeChecks } from '../../generators/plan/plan-negative-checks.js';
import type { ControlCheck, NegativeCheck } from '../../generators/plan/types.js';
import {
  renderNegativeScripts,
  renderRunGuard,
  renderRunStart,
} from '../../generators/render/render-negative-scripts.js';
import { httpRejections, model, operation } from '../support/api-model.js';
import {
  answer,
  closedPortUrl,
  itemFor,
  runItems,
  startFixtureServer,
  type FixtureServer,
  type ItemSpec,
} from './newman-harness.js';

const restId = { 'x-amzn-RequestId': '6f1c7a52-0000-4000-8000-000000000001' };
const json = (value: unknown) => JSON.stringify(value);

const traps = {
  '/trap/unauthorized': answer(
    401,
    { ...restId, 'x-amzn-ErrorType': 'UnauthorizedException' },
    json({ message: 'Unauthorized' }),
  ),
  '/trap/missing-authentication-token': answer(
    403,
    { ...restId, 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
    json({ message: 'Missing Authentication Token' }),
  ),
  '/trap/waf': answer(403, restId, json({ message: 'Forbidden' })),
  '/trap/access-denied': answer(
    403,
    { ...restId, 'x-amzn-ErrorType': 'AccessDeniedException' },
    json({ message: 'User: anonymous is not authorized to perform: execute-api:Invoke' }),
  ),
  '/trap/throttled': answer(
    429,
    { ...restId, 'x-amzn-ErrorType': 'TooManyRequestsException' },
    json({ message: 'Too Many Requests' }),
  ),
  '/trap/ok': answer(200, restId, json({ message: 'Hello from Lambda!' })),
  '/trap/no-request-id': answer(
    401,
    { 'x-amzn-ErrorType': 'UnauthorizedException' },
    json({ message: 'Unauthorized' }),
  ),
  '/trap/http-unauthorized': answer(
    401,
    { 'apigw-requestid': 'Ab1cDEFGhIJKLMn=' },
    json({ message: 'Unauthorized' }),
  ),
};

describe('negative checks in the Postman sandbox: trap answers', function () {
  let server: FixtureServer;
  let closed: string;

  before(async () => {
    server = await startFixtureServer({
      ...traps,
      '/ok': answer(200, restId, json({ message: 'Hello from Lambda!' })),
      '/http-ok': answer(
        200,
        { 'apigw-requestid': 'Ab1cDEFGhIJKLMn=' },
        json({ message: 'Hello from Lambda!' }),
      ),
      '/sentinel': answer(404, restId, json({ message: 'no such user' })),
    });
    closed = await closedPortUrl();
  });
  after(() => server.close());

  const variables = { idToken: 'not-used-by-no-token', accessToken: '' };

  function pair(kind: string, http = false): [ControlCheck, NegativeCheck] {
    const op = http ? operation({ rejections: httpRejections }) : operation();
    const checks = planNegativeChecks(model([op], http ? { gatewayKind: 'http' } : {}), op);
    const negative = checks.find((c) => c.role === 'negative' && c.kind === kind) as NegativeCheck;
    // The control of the negative's block (the first check of the block).
    const control = checks.find((c) => c.id === negative.controlId) as ControlCheck;
    return [control, negative];
  }

  function items(check: ControlCheck | NegativeCheck, url: string, name = check.name): ItemSpec {
    return { ...itemFor(check, url, renderNegativeScripts(check)), name };
  }

  it('passes only on the gateway’s exact rejection (REST and HTTP API)', async () => {
    const [control, negative] = pair('no-token');
    const [httpControl, httpNegative] = pair('no-token', true);
    const targets = [...Object.keys(traps).map((path) => server.url + path), `${closed}/demo`];
    const run = await runItems(
      [
        ...targets.flatMap((url) => [
          items(control, `${server.url}/ok`, `control → ${url}`),
          items(negative, url, `REST → ${url}`),
        ]),
        ...targets.flatMap((url) => [
          items(httpControl, `${server.url}/http-ok`, `http control → ${url}`),
          items(httpNegative, url, `HTTP → ${url}`),
        ]),
      ],
      variables,
    );
    const verdict = (item: string) => {
      const results = run.assertions.filter((a) => a.item === item);
      expect(results.length, item).to.be.above(0);
      for (const result of results)
        expect(result.name.startsWith('no-token: '), result.name).to.equal(true);
      return results.every((a) => a.passed);
    };
    const passing = targets.flatMap((url) => [`REST → ${url}`, `HTTP → ${url}`]).filter(verdict);
    expect(passing).to.deep.equal([
      `REST → ${server.url}/trap/unauthorized`,
      `HTTP → ${server.url}/trap/http-unauthorized`,
    ]);
    // Every control passed: the failures above are the negatives' own.
    expect(run.assertions.filter((a) => a.item.includes('control') && !a.passed)).to.deep.equal([]);
    expect(run.variables['gatecheck.inconclusive']).to.equal('0');
  });

  it('reports a negative after a failing control as inconclusive, never as passed', async () => {
    const [control, negative] = pair('no-token');
    const run = await runItems(
      [
        items(control, `${server.url}/trap/missing-authentication-token`),
        items(negative, `${server.url}/trap/unauthorized`),
      ],
      variables,
    );
    const results = run.assertions.filter((a) => a.item === negative.name);
    expect(results.map((a) => [a.name, a.passed])).to.deep.equal([
      ['no-token: inconclusive: control did not pass', false],
    ]);
    expect(run.variables, JSON.stringify(run.variables)).to.include({
      'gatecheck.inconclusive': '1',
    });
    expect(run.variables['gatecheck.ran']).to.equal('2');
  });

  it('never reuses a verdict: a negative whose control did not run this time is inconclusive', async () => {
    const [control, negative] = pair('no-token');
    // The block's last negative clears the control's verdict once it has read it.
    const last = { ...negative, releasesControl: true as const };
    const run = await runItems(
      [
        items(control, `${server.url}/ok`),
        items(negative, `${server.url}/trap/unauthorized`, 'block'),
        items(last, `${server.url}/trap/unauthorized`, 'first'),
        items(negative, `${server.url}/trap/unauthorized`, 'second, without its control'),
      ],
      variables,
    );
    expect(run.assertions.filter((a) => a.item === 'block').every((a) => a.passed)).to.equal(true);
    expect(run.assertions.filter((a) => a.item === 'first').every((a) => a.passed)).to.equal(true);
    expect(
      run.assertions.filter((a) => a.item.startsWith('second')).map((a) => a.name),
    ).to.deep.equal(['no-token: inconclusive: control did not pass']);
  });

  it('a control on a sentinel target passes when the integration answers, fails on a gateway rejection', async () => {
    const op = operation({ method: 'delete', path: '/users/{id}' });
    const [control] = planNegativeChecks(model([op]), op) as [ControlCheck];
    const run = await runItems(
      [
        items(control, `${server.url}/sentinel`, 'backend 404'),
        items(control, `${server.url}/trap/missing-authentication-token`, 'gateway 403'),
        items(control, `${server.url}/trap/unauthorized`, 'gateway 401'),
      ],
      { idToken: 'a.b.c' },
    );
    const passed = (item: string) =>
      run.assertions.filter((a) => a.item === item).every((a) => a.passed);
    expect([passed('backend 404'), passed('gateway 403'), passed('gateway 401')]).to.deep.equal([
      true,
      false,
      false,
    ]);
  });

  it('public checks: the documented status without a token, with the gateway’s request id', async () => {
    const op = operation({ security: [], protection: { kind: 'public' } });
    const [check] = planNegativeChecks(model([op]), op);
    const run = await runItems(
      [
        { ...itemFor(check!, `${server.url}/ok`, renderNegativeScripts(check!)), name: 'ok' },
        {
          ...itemFor(check!, `${server.url}/trap/unauthorized`, renderNegativeScripts(check!)),
          name: 'rejected',
        },
      ],
      {},
    );
    const passed = (item: string) =>
      run.assertions.filter((a) => a.item === item).every((a) => a.passed);
    expect([passed('ok'), passed('rejected')]).to.deep.equal([true, false]);
  });

  it('the run guard fails a run with fewer checks than planned or an inconclusive negative', async () => {
    const [control, negative] = pair('no-token');
    const start = renderRunStart();
    const body = (expected: number, as: 'test' | 'prerequest'): ItemSpec[] => [
      { name: start.name, method: 'GET', url: `${server.url}/ok`, prerequest: start.prerequest },
      items(control, `${server.url}/ok`),
      items(negative, `${server.url}/trap/unauthorized`),
      {
        name: `guard ${as}`,
        method: 'GET',
        url: `${server.url}/ok`,
        [as]: renderRunGuard({ expectedCheckCount: expected }).test,
      },
    ];
    const guard = (run: Awaited<ReturnType<typeof runItems>>) =>
      run.assertions.filter((a) => a.item.startsWith('guard')).map((a) => [a.name, a.passed]);
    // Counters left over from an earlier run are reset by the start item.
    const exact = await runItems(body(2, 'test'), {
      'gatecheck.ran': '40',
      'gatecheck.inconclusive': '3',
    });
    expect(guard(exact)).to.deep.equal([
      ['run guard: every planned check ran or was skipped (2 planned)', true],
      ['run guard: no negative check was inconclusive', true],
    ]);
    expect(exact.sent).to.not.include(renderRunStart().name);
    const short = await runItems(body(3, 'prerequest'), {});
    expect(guard(short)).to.deep.equal([
      ['run guard: every planned check ran or was skipped (3 planned)', false],
      ['run guard: no negative check was inconclusive', true],
    ]);
    expect(short.sent).to.not.include('guard prerequest');
  });
});
