import { expect } from 'chai';
import { runVariables } from '../../../generators/contract/run-variables.js';
import { loadFragments } from './load-fragments.js';
import { stubPm } from './stub-pm.js';

/** scripts/library/run-state.js in Node, with a stub `pm`. */
describe('scripts/library/run-state.js', () => {
  const { state } = loadFragments(['run-state.js']);
  const check = { id: 'c-1', label: 'no-token' };

  it('reads any scope, "" when unset or null', () => {
    const { pm } = stubPm({ variables: { baseUrl: 'https://api', zero: '0' } });
    expect(state.read(pm, 'baseUrl')).to.equal('https://api');
    expect(state.read(pm, 'zero')).to.equal('0');
    expect(state.read(pm, 'missing')).to.equal('');
  });

  it('counts from zero, in collection variables', () => {
    const { pm, collection } = stubPm();
    state.count(pm, runVariables.ran);
    state.count(pm, runVariables.ran);
    expect(collection.get(runVariables.ran)).to.equal('2');
  });

  it('names a check state with its prefix, and takes it once', () => {
    const { pm, collection } = stubPm();
    const name = state.variable('verdict', check.id);
    expect(name).to.equal('gatecheck.control.c-1');
    collection.set(name, 'passed');
    expect(state.take(pm, name)).to.equal('passed');
    expect(collection.has(name)).to.equal(false);
    expect(state.take(pm, name)).to.equal(undefined);
  });

  for (const [text, want] of [
    ['{"a":1}', { a: 1 }],
    ['null', 'fallback'],
    ['not json', 'fallback'],
    [undefined, 'fallback'],
  ] as const) {
    it(`parseJson(${JSON.stringify(text)}) → ${JSON.stringify(want)}`, () => {
      expect(state.parseJson(text, 'fallback')).to.deep.equal(want);
    });
  }

  it('skips with pm.execution.skipRequest: reported, counted, not sent', () => {
    const { pm, record, collection } = stubPm();
    state.skip(pm, check, 'set expiredToken');
    expect(record.skipped).to.deep.equal(['no-token: skipped: set expiredToken']);
    expect(record.requestSkipped).to.equal(true);
    expect(collection.get(runVariables.skipped)).to.equal('1');
  });

  it('without skipRequest (older runtimes), leaves the reason for the test script', () => {
    const { pm, record, collection } = stubPm({ canSkip: false });
    state.skip(pm, check, 'set expiredToken');
    expect(record.skipped).to.deep.equal([]);
    expect(collection.get('gatecheck.skip.c-1')).to.equal('set expiredToken');
  });

  it('sandboxUrl only in a collection generated for the sandbox, without a trailing slash', () => {
    const { pm } = stubPm({ variables: { sandboxUrl: 'http://127.0.0.1:4011//' } });
    expect(state.sandboxUrl(pm)).to.equal('');
    const forSandbox = loadFragments(['run-state.js'], { forSandbox: true });
    expect(forSandbox.state.sandboxUrl(pm)).to.equal('http://127.0.0.1:4011');
    expect(forSandbox.state.sandboxUrl(stubPm().pm)).to.equal('');
  });

  it('sends the run API key in the check header, only when the method needs one', () => {
    const { pm, record } = stubPm({ variables: { apiKey: 'k-123' } });
    state.sendApiKey(pm, {});
    expect(record.headers).to.deep.equal({});
    state.sendApiKey(pm, { apiKey: { header: 'x-api-key' } });
    expect(record.headers).to.deep.equal({ 'x-api-key': 'k-123' });
  });

  it('Bearer in Authorization, the raw token in any other header', () => {
    expect(state.tokenHeaderValue('Authorization', 't')).to.equal('Bearer t');
    expect(state.tokenHeaderValue('authorization', 't')).to.equal('Bearer t');
    expect(state.tokenHeaderValue('X-Id-Token', 't')).to.equal('t');
  });

  it('asserts an answer: a network error (no status) fails the test', () => {
    const answered = stubPm({ response: { code: 401 } });
    expect(state.assertAnswered(answered.pm, check)).to.equal(true);
    expect(answered.record.failed).to.deep.equal([]);
    const none = stubPm();
    (none.pm as { response?: unknown }).response = {};
    expect(state.assertAnswered(none.pm, check)).to.equal(false);
    expect(none.record.failed.map((f) => f.name)).to.deep.equal([
      'no-token: API Gateway answered (no network error)',
    ]);
  });

  it("reads the gateway's error type without its detail, and its request id headers", () => {
    const { pm } = stubPm({
      response: {
        code: 401,
        headers: { 'x-amzn-ErrorType': 'UnauthorizedException:http://x', 'x-amzn-RequestId': '1' },
      },
    });
    expect(state.errorType(pm.response)).to.equal('UnauthorizedException');
    expect(
      state.requestIdPresent(pm.response, state.answers({ gateway: 'rest' }).requestIdHeaders),
    ).to.equal(true);
    expect(
      state.requestIdPresent(pm.response, state.answers({ gateway: 'http' }).requestIdHeaders),
    ).to.equal(false);
  });

  for (const { title, response, want } of [
    {
      title: 'a 404 from the integration',
      response: { code: 404, body: '{"error":"no"}' },
      want: true,
    },
    { title: 'a 200', response: { code: 200, body: '{}' }, want: true },
    { title: 'a 401', response: { code: 401, body: '{}' }, want: false },
    { title: 'a gateway 5xx', response: { code: 504, body: '{}' }, want: false },
    {
      title: 'a REST gateway answer (error type)',
      response: { code: 403, body: '{}', headers: { 'x-amzn-ErrorType': 'ForbiddenException' } },
      want: false,
    },
    {
      title: "an HTTP API gateway's own 404 body",
      response: { code: 404, body: '{"message":"Not Found"}' },
      want: false,
    },
  ]) {
    it(`reachedIntegration: ${title} → ${want}`, () => {
      const { pm } = stubPm({ response });
      const bodies = [{ status: 404, text: '{"message":"Not Found"}' }];
      expect(state.reachedIntegration(pm.response, bodies)).to.equal(want);
    });
  }
});
