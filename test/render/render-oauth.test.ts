import { expect } from 'chai';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { planCollection } from '../../generators/plan/plan-collection.js';
import type { PostmanFolder, PostmanItem } from '../../generators/render/postman-types.js';
import { renderCollection } from '../../generators/render/render-collection.js';
import { expectValidCollection } from './validate-collection.js';

async function collectionOf(spec: string) {
  const model = buildModel(await loadSpec(spec));
  return renderCollection(model, planCollection(model));
}

const folder = (items: Array<PostmanItem | PostmanFolder>, name: string) =>
  items.find((item) => item.name === name) as PostmanFolder | undefined;

describe('OAuth 2.0 tokens in a collection', () => {
  it('methods for machines: a client credentials request with HTTP Basic, scopes from the spec', async () => {
    const collection = await collectionOf('examples/m2m-api.yaml');
    expectValidCollection(collection);
    const oauth = folder(collection.item, 'OAuth 2.0 tokens');
    const request = (oauth?.item[0] as PostmanItem | undefined)?.request;
    expect(oauth?.item.map((item) => item.name)).to.deep.equal([
      'Client credentials (POST /oauth2/token)',
    ]);
    expect(request?.url).to.equal('{{cognitoDomain}}/oauth2/token');
    expect(request?.auth).to.deep.equal({
      type: 'basic',
      basic: [
        { key: 'username', value: '{{machineClientId}}', type: 'string' },
        { key: 'password', value: '{{machineClientSecret}}', type: 'string' },
      ],
    });
    expect(collection.variable.find((v) => v.key === 'gatecheck.machineScopes')?.value).to.equal(
      'orders-api/read orders-api/write',
    );
    const positive = folder(collection.item, 'GET /orders')?.item[0] as PostmanItem;
    expect(positive.request.header[0]).to.deep.equal({
      key: 'Authorization',
      value: 'Bearer {{machineAccessToken}}',
    });
    // No user token, so no PKCE check and no Postman app authorization on folders.
    expect(folder(collection.item, 'PKCE (Cognito)')).to.equal(undefined);
    expect(folder(collection.item, 'GET /orders')?.auth).to.equal(undefined);
  });

  it('methods with user scopes: the refresh_token grant, the PKCE check, and the app authorization on the folder', async () => {
    const collection = await collectionOf('examples/hosted-ui-api.yaml');
    expectValidCollection(collection);
    expect(collection.item.map((item) => item.name).slice(0, 4)).to.deep.equal([
      'gatecheck · run start',
      'Sign-in',
      'PKCE (Cognito)',
      'OAuth 2.0 tokens',
    ]);
    const me = folder(collection.item, 'GET /me')!;
    const attributes = Object.fromEntries(
      (me.auth?.type === 'oauth2' ? me.auth.oauth2 : []).map((a) => [a.key, a.value]),
    );
    expect(attributes).to.deep.include({
      grant_type: 'authorization_code_with_pkce',
      authUrl: '{{cognitoDomain}}/oauth2/authorize',
      accessTokenUrl: '{{cognitoDomain}}/oauth2/token',
      clientId: '{{clientId}}',
      scope: 'email',
      challengeAlgorithm: 'S256',
      accessToken: '{{oauthAccessToken}}',
    });
    // The positive check and the controls inherit it; every negative opts out.
    for (const item of me.item as PostmanItem[]) {
      const inherits = / · (positive|control|closing control)$/.test(item.name);
      expect(item.request.auth, item.name).to.deep.equal(inherits ? undefined : { type: 'noauth' });
    }
    const login = folder(collection.item, 'PKCE (Cognito)')?.item[0] as PostmanItem;
    expect(login.protocolProfileBehavior).to.deep.equal({ followRedirects: false });
    // Nothing secret in the file: bodies are built by the scripts.
    expect(JSON.stringify(collection)).to.not.match(/"code_verifier","value":"[^"]/);
  });

  it('methods that API sign-ins serve get no OAuth 2.0 folder', async () => {
    const collection = await collectionOf('examples/lab-demo-api.yaml');
    expect(folder(collection.item, 'OAuth 2.0 tokens')).to.equal(undefined);
    expect(folder(collection.item, 'PKCE (Cognito)')).to.equal(undefined);
  });
});
