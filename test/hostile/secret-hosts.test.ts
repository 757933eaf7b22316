import { expect } from 'chai';
import { InputError } from '../../generators/errors.js';
import type { PostmanEnvironment } from '../../generators/run/inputs/collection-file.js';
import { checkSecretDestinations } from '../../generators/run/inputs/trust-hosts.js';

function environment(values: Record<string, string>): PostmanEnvironment {
  return {
    name: 'e',
    values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })),
  } as PostmanEnvironment;
}
const region = 'eu-west-1';
const api = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod';

describe('hostile environments: where secrets may go', () => {
  const allowed = [
    'https://cognito-idp.{{region}}.amazonaws.com/',
    'https://cognito-idp.eu-west-1.amazonaws.com/',
    'https://my-app.auth.eu-west-1.amazoncognito.com/',
    'http://127.0.0.1:4566/',
    'http://localhost:9229/',
  ];
  for (const cognitoEndpoint of allowed) {
    it(`hands secrets to ${cognitoEndpoint}`, () => {
      checkSecretDestinations({
        values: {},
        environment: environment({ region, cognitoEndpoint, baseUrl: api }),
        trustHosts: [],
      });
    });
  }

  const refused = [
    ['cognitoEndpoint', 'https://evil.example/'],
    ['cognitoEndpoint', 'https://cognito-idp.us-east-1.amazonaws.com.evil.example/'],
    ['cognitoEndpoint', 'https://my-app.auth.us-east-1.amazoncognito.com/'],
    ['baseUrl', 'https://collector.example/prod'],
  ] as const;
  for (const [variable, url] of refused) {
    it(`refuses an environment whose ${variable} is ${url}, naming --trust-host`, () => {
      const values = { region, cognitoEndpoint: allowed[1]!, baseUrl: api, [variable]: url };
      let error: unknown;
      try {
        checkSecretDestinations({ values: {}, environment: environment(values), trustHosts: [] });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(InputError);
      expect((error as InputError).describe()).to.include(`--trust-host ${new URL(url).hostname}`);
    });
  }

  it('--trust-host and the user’s own GATECHECK_* values are trusted', () => {
    const env = environment({ region, cognitoEndpoint: 'https://idp.corp.example/', baseUrl: api });
    checkSecretDestinations({ values: {}, environment: env, trustHosts: ['idp.corp.example'] });
    checkSecretDestinations({
      values: { cognitoEndpoint: 'https://idp.corp.example/' },
      environment: env,
      trustHosts: [],
    });
  });
});
