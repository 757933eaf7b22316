import { expect } from 'chai';
import {
  cognitoErrorOf,
  isSignInStart,
  secretsInExchange,
} from '../../generators/run/newman/cognito-exchange.js';
import { describeLayout } from '../../generators/run/newman/collection-layout.js';
import { addCounters } from '../../generators/run/run-collection.js';
import { withStage } from '../../generators/run/inputs/base-url.js';
import { planWorkers } from '../../generators/run/newman/worker-plan.js';
import { InputError } from '../../generators/errors.js';

const folder = (name: string, requests: number) => ({
  name,
  item: Array.from({ length: requests }, (_, index) => ({
    name: `${name} ${index}`,
    request: { method: 'GET' },
  })),
});

describe('run building blocks', () => {
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

  it('replaces the stage, the last path segment of the base URL', () => {
    expect(withStage('https://abc.execute-api.eu-west-1.amazonaws.com/prod', 'dev')).to.equal(
      'https://abc.execute-api.eu-west-1.amazonaws.com/dev',
    );
    expect(withStage('http://127.0.0.1:4000', 'test')).to.equal('http://127.0.0.1:4000/test');
    expect(() => withStage('not a url', 'dev')).to.throw(InputError);
  });
});
