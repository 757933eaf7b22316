import { expect } from 'chai';
import { secretsInOAuthExchange } from '../../../generators/run/newman/oauth-exchange.js';

describe('secrets in user pool domain traffic', () => {
  it('takes the login form, a Basic client authentication, the redirect code and the answered tokens', () => {
    const basic = Buffer.from('client-id:client-secret-value').toString('base64');
    expect(
      secretsInOAuthExchange({
        path: '/__domain/x/oauth2/token',
        form: [
          { key: 'grant_type', value: 'authorization_code' },
          { key: 'code', value: 'the-code' },
          { key: 'code_verifier', value: 'the-verifier' },
        ],
        authorization: `Basic ${basic}`,
        responseBody: '{"access_token":"a.b.c","refresh_token":"r","token_type":"Bearer"}',
      }),
    ).to.deep.equal(['the-code', 'the-verifier', basic, 'client-secret-value', 'a.b.c', 'r']);
    expect(
      secretsInOAuthExchange({
        path: '/login',
        form: [
          { key: 'username', value: 'alice' },
          { key: 'password', value: 'pw-1' },
        ],
        location: 'https://oauth.pstmn.io/v1/callback?code=c%2D1&state=s',
        responseBody: '',
      }),
    ).to.deep.equal(['pw-1', 'c%2D1', 'c-1']);
  });

  it('ignores other endpoints', () => {
    expect(
      secretsInOAuthExchange({
        path: '/prod/items',
        form: [{ key: 'password', value: 'x' }],
        responseBody: '',
      }),
    ).to.deep.equal([]);
  });
});
