import { expect } from 'chai';
import { addAssertion, emptyTally } from '../../generators/run/check-tally.js';
import {
  cognitoErrorOf,
  isSignInStart,
  secretsInExchange,
} from '../../generators/run/cognito-exchange.js';
import { describeLayout } from '../../generators/run/collection-layout.js';
import { mergeJunit } from '../../generators/run/merge-reports.js';
import { addCounters } from '../../generators/run/run-collection.js';
import { withStage } from '../../generators/run/base-url.js';
import { planWorkers } from '../../generators/run/worker-plan.js';
import { InputError } from '../../generators/errors.js';

const folder = (name: string, requests: number) => ({
  name,
  item: Array.from({ length: requests }, (_, index) => ({
    name: `${name} ${index}`,
    request: { method: 'GET' },
  })),
});

describe('run building blocks', () => {
  it('classifies tests: inconclusive by name or message, skipped, failed, passed', () => {
    const tally = emptyTally();
    addAssertion(tally, { itemName: 'a', testName: 'status is 401', skipped: false });
    addAssertion(tally, {
      itemName: 'a',
      testName: 'status is 401',
      skipped: false,
      error: 'expected 200',
    });
    addAssertion(tally, { itemName: 'a', testName: 'expired', skipped: true });
    addAssertion(tally, {
      itemName: 'a',
      testName: 'inconclusive: control failed',
      skipped: false,
    });
    addAssertion(tally, {
      itemName: 'a',
      testName: 'other-pool',
      skipped: false,
      error: 'inconclusive: no token',
    });
    expect(tally).to.deep.include({ passed: 1, failed: 1, skipped: 1, inconclusive: 2 });
    expect(tally.failures).to.deep.equal(['a · status is 401: expected 200']);
  });

  it('reads Cognito traffic: sign-in starts (not refreshes), errors, secrets', () => {
    expect(isSignInStart('InitiateAuth', '{"AuthFlow":"USER_PASSWORD_AUTH"}')).to.equal(true);
    expect(isSignInStart('InitiateAuth', '{"AuthFlow":"REFRESH_TOKEN_AUTH"}')).to.equal(false);
    expect(isSignInStart('GetUser', '{}')).to.equal(false);
    expect(
      cognitoErrorOf(
        '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}',
      ),
    ).to.deep.equal({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(cognitoErrorOf('{"AuthenticationResult":{}}')).to.equal(undefined);
    const found = secretsInExchange(
      '{"ChallengeName":"SOFTWARE_TOKEN_MFA","Session":"sess-1","ChallengeResponses":{"USERNAME":"u","SOFTWARE_TOKEN_MFA_CODE":"123456","SECRET_HASH":"h4sh"}}',
      '{"AuthenticationResult":{"IdToken":"i","AccessToken":"a","RefreshToken":"r"}}',
    );
    expect(found).to.have.members(['123456', 'h4sh', 'sess-1', 'i', 'a', 'r']);
  });

  it('splits a collection into sign-in, preludes, operation folders and guards', () => {
    const layout = describeLayout({
      info: { name: 'x' },
      item: [
        { name: 'run start', request: {} },
        { name: 'Sign-in', item: [] },
        folder('GET /a', 1),
        { name: 'run guard', request: {} },
      ],
    });
    expect(layout.signIn?.name).to.equal('Sign-in');
    expect(layout.preludes.map((item) => item.name)).to.deep.equal(['run start']);
    expect(layout.operations.map((item) => item.name)).to.deep.equal(['GET /a']);
    expect(layout.guards.map((item) => item.name)).to.deep.equal(['run guard']);
  });

  it('shares folders among workers by size, keeping collection order in each', () => {
    const folders = [folder('a', 10), folder('b', 2), folder('c', 8), folder('d', 3)];
    const plan = planWorkers(folders, 2).map((bucket) => bucket.map((f) => f.name));
    expect(plan).to.deep.equal([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(planWorkers(folders, 8)).to.have.length(4);
    expect(planWorkers([], 4)).to.deep.equal([]);
  });

  it('adds up what each worker counted', () => {
    const sums = addCounters({ 'gatecheck.ran': '0' }, [
      { 'gatecheck.ran': '5', 'gatecheck.skipped': '1', idToken: 'x' },
      { 'gatecheck.ran': '7', 'gatecheck.skipped': '0' },
    ]);
    expect(sums).to.deep.equal({ 'gatecheck.ran': '12', 'gatecheck.skipped': '1' });
  });

  it('joins JUnit reports under one <testsuites>, counting the testcases at every level', () => {
    const one =
      '<?xml version="1.0"?>\n<testsuites name="A" tests="7" time="0.5">\n  <testsuite name="s1" tests="5" failures="0">\n    <testcase name="a"/>\n    <testcase name="b"><failure type="AssertionFailure">401</failure></testcase>\n  </testsuite>\n</testsuites>';
    const two =
      '<?xml version="1.0"?>\n<testsuites name="A" tests="1" time="0.25">\n  <testsuite name="s2" tests="1">\n    <testcase name="c"><skipped/></testcase>\n  </testsuite>\n  <testsuite name="s3"/>\n</testsuites>';
    const merged = mergeJunit('A & B', [one, two]);
    expect(merged).to.include(
      '<testsuites name="A &amp; B" tests="3" failures="1" errors="0" skipped="1" time="0.750">',
    );
    expect(merged).to.include(
      '<testsuite name="s1" tests="2" failures="1" errors="0" skipped="0">',
    );
    expect(merged).to.include(
      '<testsuite name="s2" tests="1" failures="0" errors="0" skipped="1">',
    );
    expect(merged).to.include(
      '<testsuite name="s3" tests="0" failures="0" errors="0" skipped="0"/>',
    );
    expect(merged.match(/<testsuite /g)).to.have.length(3);
    expect(merged.match(/<testcase /g)).to.have.length(3);
  });

  it('replaces the stage, the last path segment of the base URL', () => {
    expect(withStage('https://abc.execute-api.eu-west-1.amazonaws.com/prod', 'dev')).to.equal(
      'https://abc.execute-api.eu-west-1.amazonaws.com/dev',
    );
    expect(withStage('http://127.0.0.1:4000', 'test')).to.equal('http://127.0.0.1:4000/test');
    expect(() => withStage('not a url', 'dev')).to.throw(InputError);
  });
});
