import { expect } from 'chai';
import sdk from 'postman-collection';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { environmentVariables } from '../../generators/contract/environment-variables.js';
import { neutraliseVariables } from '../../generators/render/neutralise-variables.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import { renderOutputs } from '../../generators/render/render-outputs.js';
import { runVariables } from '../../generators/contract/run-variables.js';
import { tempFolder } from './hostile-helpers.js';

const pool = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';
const secretNames = [
  ...environmentVariables.filter((v) => v.secret).map((v) => v.key),
  runVariables.refreshToken,
  runVariables.idToken,
  runVariables.accessToken,
];
const ref = (name: string): string => `{{${name}}}`;
const everySecret = secretNames.map(ref).join('-');

/** A spec whose every string a request could carry names secret Postman variables. */
function hostileSpec(): string {
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'Variables', version: '1' },
    servers: [
      {
        url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/{stage}',
        variables: { stage: { default: `prod${ref('password')}` } },
      },
    ],
    paths: {
      [`/items/{id}`]: {
        post: {
          security: [{ pool: [] }],
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'string', example: everySecret },
            },
            {
              name: `X-${ref('password')}`,
              in: 'header',
              required: true,
              schema: { type: 'string', example: everySecret },
            },
            {
              name: 'q',
              in: 'query',
              required: true,
              schema: { type: 'string', example: everySecret },
            },
          ],
          requestBody: {
            required: true,
            content: {
              [`application/json;x=${ref('clientSecret')}`]: {
                schema: { type: 'object', properties: { a: { type: 'string' } } },
                example: { a: everySecret, [ref('password')]: 1 },
              },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
      '/open': {
        get: {
          security: [],
          parameters: [
            {
              name: 'X-Key',
              in: 'header',
              required: true,
              example: everySecret,
              schema: { type: 'string' },
            },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      securitySchemes: {
        pool: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'cognito_user_pools',
          'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [pool] },
        },
      },
    },
  });
}

interface Item {
  name: string;
  request?: unknown;
  item?: Item[];
}
function requestsOf(items: Item[], into: Array<{ name: string; request: unknown }> = []) {
  for (const item of items) {
    if (item.request !== undefined) into.push({ name: item.name, request: item.request });
    if (item.item) requestsOf(item.item, into);
  }
  return into;
}

describe('hostile specs: {{variables}} in spec text', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let collection: { item: Item[] };
  let environment: { values: { key: string; value: string }[] };
  before(async () => {
    folder = await tempFolder();
    const file = await folder.write('variables.json', hostileSpec());
    const model = buildModel(await loadSpec(file));
    const outputs = renderOutputs(model, planCollection(model));
    collection = JSON.parse(outputs.find((o) => o.path.startsWith('collections/'))!.content);
    environment = JSON.parse(outputs.find((o) => o.path.startsWith('environments/'))!.content);
  });
  after(() => folder.remove());

  it('neutralises {{ so no variable pattern matches, visibly', () => {
    expect(neutraliseVariables('{{password}}')).to.equal('{ {password}}');
    expect(neutraliseVariables('{{{x}}}')).to.equal('{ { {x}}}');
    const values = { password: 'P' };
    expect(
      sdk.Property.replaceSubstitutions(neutraliseVariables('a{{password}}b'), values as never),
    ).to.equal('a{ {password}}b');
  });

  it('no generated request resolves a secret variable outside the Cognito requests', () => {
    const requests = requestsOf(collection.item);
    expect(requests.length).to.be.greaterThan(3);
    const values: Record<string, string> = {};
    for (const name of secretNames) values[name] = `SECRET(${name})`;
    values['baseUrl'] = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod';
    values['cognitoEndpoint'] = 'https://cognito-idp.eu-west-1.amazonaws.com/';
    let apiRequests = 0;
    for (const { name, request } of requests) {
      const parsed = new sdk.Request(request as sdk.RequestDefinition);
      if (parsed.url.toString().startsWith('{{cognitoEndpoint}}')) continue;
      apiRequests += 1;
      // What gatecheck itself puts in a request: the token in the token header, the API key.
      const own = new Set<string>();
      parsed.headers.each((header) => {
        if (
          /^(Bearer )?\{\{(idToken|accessToken|expiredToken|otherPoolToken|unscopedAccessToken|foreignKeyToken)\}\}$/.test(
            String(header.value),
          ) ||
          header.value === '{{apiKey}}'
        ) {
          own.add(String(header.key));
        }
      });
      const resolved = parsed.toJSON();
      resolved.header = (resolved.header ?? []).filter((h) => !own.has(String(h.key)));
      const text = sdk.Property.replaceSubstitutions(JSON.stringify(resolved), values as never);
      expect(text, name).to.not.include('SECRET(');
    }
    expect(apiRequests).to.be.greaterThan(2);
  });

  it('keeps the spec text visible, neutralised', () => {
    const text = JSON.stringify(collection);
    expect(text).to.include('{ {password}}');
    expect(text).to.not.match(/\{\{password\}\}|\{\{clientSecret\}\}/);
  });

  it('neutralises spec text in environment values (server variable defaults)', () => {
    const baseUrl = environment.values.find((v) => v.key === 'baseUrl')!.value;
    expect(baseUrl).to.not.include('{{');
    expect(baseUrl).to.match(/prod(%7B%7B|\{ \{)password/);
  });
});
