import { expect } from 'chai';
import { InputError } from '../../generators/errors.js';
import type { Stage } from '../../generators/model/types.js';
import { modelOf, warningCodes } from './model-of.js';

const api = { info: { title: 'x', version: '1' }, paths: {} };

function stagesOf(document: object, baseUrl?: string): Omit<Stage, 'origin'>[] {
  return modelOf(document, baseUrl === undefined ? {} : { baseUrl }).stages.map(
    ({ name, baseUrl: url }) => ({ name, baseUrl: url }),
  );
}

describe('readServers', () => {
  const host = 'https://abc123.execute-api.eu-west-1.amazonaws.com';
  const cases: { name: string; given: object; want: Omit<Stage, 'origin'>[] }[] = [
    {
      name: 'OAS3 basePath variable without a leading slash (real exports)',
      given: {
        openapi: '3.0.1',
        ...api,
        servers: [{ url: `${host}/{basePath}`, variables: { basePath: { default: 'prod' } } }],
      },
      want: [{ name: 'prod', baseUrl: `${host}/prod` }],
    },
    {
      name: 'OAS3 basePath variable with a leading slash (AWS guide)',
      given: {
        openapi: '3.0.1',
        ...api,
        servers: [{ url: `${host}/{basePath}`, variables: { basePath: { default: '/v1' } } }],
      },
      want: [{ name: 'v1', baseUrl: `${host}/v1` }],
    },
    {
      name: 'other server variables use their defaults',
      given: {
        openapi: '3.0.1',
        ...api,
        servers: [
          {
            url: 'https://{apiId}.execute-api.{region}.amazonaws.com/dev',
            variables: { apiId: { default: 'abc123' }, region: { default: 'eu-west-1' } },
          },
        ],
      },
      want: [{ name: 'dev', baseUrl: `${host}/dev` }],
    },
    {
      name: 'a custom domain with no path',
      given: { openapi: '3.0.1', ...api, servers: [{ url: 'https://api.example.com/' }] },
      want: [{ name: 'default', baseUrl: 'https://api.example.com' }],
    },
    {
      name: 'Swagger host + basePath, https preferred',
      given: {
        swagger: '2.0',
        ...api,
        host: 'abc123.execute-api.eu-west-1.amazonaws.com',
        basePath: '/prod',
        schemes: ['http', 'https'],
      },
      want: [{ name: 'prod', baseUrl: `${host}/prod` }],
    },
    {
      name: 'Swagger custom domain without basePath',
      given: { swagger: '2.0', ...api, host: 'api.example.com' },
      want: [{ name: 'default', baseUrl: 'https://api.example.com' }],
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(stagesOf(given)).to.deep.equal(want);
    });
  }

  it('the baseUrl option replaces the servers: one stage named from its last segment', () => {
    const given = { openapi: '3.0.1', ...api, servers: [{ url: 'https://elsewhere.example.com' }] };
    expect(stagesOf(given, 'http://127.0.0.1:4010/staging/')).to.deep.equal([
      { name: 'staging', baseUrl: 'http://127.0.0.1:4010/staging' },
    ]);
    expect(stagesOf(given, 'http://127.0.0.1:4010')).to.deep.equal([
      { name: 'default', baseUrl: 'http://127.0.0.1:4010' },
    ]);
  });

  it('a baseUrl option that is not an http(s) URL → InputError', () => {
    expect(() => modelOf({ openapi: '3.0.1', ...api }, { baseUrl: 'ftp://x' })).to.throw(
      InputError,
      /is not an http\(s\) URL/,
    );
  });

  it('no servers → placeholder https://example.invalid and a no-servers warning', () => {
    const model = modelOf({ openapi: '3.0.1', ...api });
    expect(model.stages.map((s) => s.baseUrl)).to.deep.equal(['https://example.invalid']);
    expect(warningCodes(model)).to.deep.equal(['no-servers']);
  });
});
