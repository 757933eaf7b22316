import { expect } from 'chai';
import { environmentVariables } from '../../generators/contract/environment-variables.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import type { PostmanFolder, PostmanItem } from '../../generators/render/postman-types.js';
import { renderCollection } from '../../generators/render/render-collection.js';
import {
  renderEnvironment,
  renderStageEnvironments,
} from '../../generators/render/render-environment.js';
import { renderOutputs } from '../../generators/render/render-outputs.js';
import { schemaPointer } from '../../generators/render/render-positive.js';
import { demoModel, operation } from './fixtures.js';
import { expectValidCollection } from './validate-collection.js';

function render(model = demoModel) {
  return renderCollection(model, planCollection(model));
}

function folder(name: string, model = demoModel): PostmanFolder {
  return render(model).item.find((i) => i.name === name) as PostmanFolder;
}

describe('renderCollection', () => {
  it('is a valid Postman v2.1 collection that the SDK loads', () => {
    expectValidCollection(JSON.parse(JSON.stringify(render())));
  });

  it('is deterministic: same model, byte-identical files', () => {
    expect(renderOutputs(demoModel, planCollection(demoModel))).to.deep.equal(
      renderOutputs(structuredClone(demoModel), planCollection(structuredClone(demoModel))),
    );
  });

  it("names the sandbox's private paths only when generated for the sandbox", () => {
    const forAws = JSON.stringify(render());
    const forSandbox = JSON.stringify(
      renderCollection(demoModel, planCollection(demoModel), { forSandbox: true }),
    );
    expect(forAws).to.not.include('__sandbox');
    for (const path of ['/__sandbox/outbox', '/__sandbox/totp', '/__sandbox/tokens'])
      expect(forSandbox).to.include(path);
    // Everything else is the same collection, but for the library's build id, which names its
    // content (constants included).
    const build = /gatecheck\.build !== \\"[0-9a-f]+\\"|build: \\"[0-9a-f]+\\"/g;
    expect(
      forSandbox
        .replace(/\\"sandboxPaths\\":\{[^}]*\},/, '')
        .replace(/\\"sandboxSecretHeader\\":\\"[^"\\]*\\",/, '')
        .replace(build, 'build'),
    ).to.equal(forAws.replace(build, 'build'));
  });

  it('orders: run start, Sign-in, operations, revocation, run guard', () => {
    expect(render().item.map((i) => i.name)).to.deep.equal([
      'gatecheck · run start',
      'Sign-in',
      'GET /demo',
      'Revocation (Cognito)',
      'gatecheck · run guard',
    ]);
  });

  it('signs in with Cognito JSON API requests', () => {
    const signIn = folder('Sign-in').item as PostmanItem[];
    expect(signIn.map((i) => i.request.header.map((h) => `${h.key}: ${h.value}`))).to.deep.equal([
      [
        'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth',
        'Content-Type: application/x-amz-json-1.1',
      ],
      [
        'X-Amz-Target: AWSCognitoIdentityProviderService.RespondToAuthChallenge',
        'Content-Type: application/x-amz-json-1.1',
      ],
      [
        'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth',
        'Content-Type: application/x-amz-json-1.1',
      ],
    ]);
    expect(
      signIn.every((i) => i.request.url === '{{cognitoEndpoint}}' && i.request.method === 'POST'),
    ).to.equal(true);
  });

  it('sends the positive check with the needed token and the API key', () => {
    const model = {
      ...demoModel,
      operations: [
        operation({
          protection: {
            kind: 'cognito',
            scheme: 'cognito',
            tokenHeader: 'dev-auth-token',
            tokenKind: 'id',
            scopes: [],
          },
          apiKey: { header: 'x-api-key' },
        }),
      ],
    };
    const positive = folder('GET /demo', model).item[0] as PostmanItem;
    expect(positive.name).to.equal('GET /demo · positive');
    expect(positive.request.header).to.deep.equal([
      { key: 'dev-auth-token', value: '{{idToken}}' },
      { key: 'x-api-key', value: '{{apiKey}}' },
    ]);
    expect(positive.request.url).to.deep.include({ raw: '{{baseUrl}}/demo' });
    const bearer = folder('GET /demo').item[0] as PostmanItem;
    expect(bearer.request.header).to.deep.equal([
      { key: 'Authorization', value: 'Bearer {{accessToken}}' },
    ]);
  });

  it('keeps the schemas with the script library, not in a collection variable', () => {
    const collection = render();
    const variables = collection.variable;
    // Every variable travels to the sandbox with every script it runs: no large data among them.
    expect(variables.map((v) => v.key)).to.not.include('gatecheck.schemas');
    const library = collection.event?.[0]?.script.exec.join('\n') ?? '';
    expect(library).to.include(JSON.stringify({ definitions: demoModel.schemas }));
    expect(
      variables
        .filter((v) => ['idToken', 'accessToken', 'refreshToken'].includes(v.key))
        .every((v) => v.value === ''),
    ).to.equal(true);
  });

  it('reports an operation it cannot check as skipped, with the reason, instead of leaving it out', () => {
    const model = {
      ...demoModel,
      operations: [
        operation({
          protection: { kind: 'unsupported', description: 'a Lambda authorizer (request)' },
        }),
      ],
    };
    const note = folder('GET /demo', model);
    expect(note.item.map((item) => item.name)).to.deep.equal(['GET /demo · not checked']);
    const scripts = JSON.stringify(note.item[0]?.event);
    expect(scripts).to.include('gatecheck.unchecked.prerequest');
    expect(scripts).to.include('behind a Lambda authorizer (request)');
    expect(note.description).to.include('Not checked: behind a Lambda authorizer (request)');
  });

  it('escapes schema keys as JSON pointers in a URI fragment', () => {
    expect(schemaPointer('a/b~c d')).to.equal('#/definitions/a~1b~0c%20d');
  });
});

describe('environments', () => {
  it('one per stage, with what the spec tells and every secret empty', () => {
    const [only, ...rest] = renderStageEnvironments(demoModel);
    expect(rest).to.deep.equal([]);
    const values = Object.fromEntries(only!.environment.values.map((v) => [v.key, v]));
    expect(values['baseUrl']?.value).to.equal(
      'https://abc.execute-api.us-east-1.amazonaws.com/prod',
    );
    expect(values['region']?.value).to.equal('us-east-1');
    expect(values['userPoolId']?.value).to.equal('us-east-1_Demo00001');
    expect(values['cognitoEndpoint']?.value).to.equal(
      'https://cognito-idp.{{region}}.amazonaws.com/',
    );
    expect(values['authFlow']?.value).to.equal('USER_SRP_AUTH');
    for (const variable of environmentVariables) {
      expect(values[variable.key], variable.key).to.not.equal(undefined);
      if (variable.secret) expect(values[variable.key]).to.include({ value: '', type: 'secret' });
    }
  });

  it('renderEnvironment never writes a secret value and refuses unknown keys', () => {
    const environment = renderEnvironment('sandbox', {
      password: 'hunter2',
      baseUrl: 'http://127.0.0.1:1/prod',
    });
    expect(JSON.stringify(environment)).to.not.include('hunter2');
    expect(environment.values.find((v) => v.key === 'baseUrl')?.value).to.equal(
      'http://127.0.0.1:1/prod',
    );
    expect(() => renderEnvironment('x', { nope: '1' })).to.throw(/unknown variables nope/);
  });
});
