import { expect } from 'chai';
import type { Protection } from '../../generators/model/types.js';
import { tokenChoiceOf, type TokenChoice } from '../../generators/plan/token-source.js';

const cognito = (scopes: string[]): Extract<Protection, { kind: 'cognito' }> => ({
  kind: 'cognito',
  scheme: 'cognito',
  tokenHeader: 'Authorization',
  tokenKind: scopes.length > 0 ? 'access' : 'id',
  scopes,
});

describe('tokenChoiceOf: which sign-in gives the token a method accepts', () => {
  const cases: Array<{
    given: string;
    scopes: string[];
    hint?: 'user' | 'machine';
    want: TokenChoice;
  }> = [
    {
      given: 'no scopes → the ID token of an API sign-in',
      scopes: [],
      want: { grant: 'sign-in-id', scopes: [], ambiguous: false },
    },
    {
      given: 'aws.cognito.signin.user.admin → any API sign-in access token',
      scopes: ['aws.cognito.signin.user.admin'],
      want: {
        grant: 'sign-in-access',
        scopes: ['aws.cognito.signin.user.admin'],
        ambiguous: false,
      },
    },
    {
      given:
        'aws.cognito.signin.user.admin next to a custom scope → still the API sign-in (any one passes)',
      scopes: ['orders/read', 'aws.cognito.signin.user.admin'],
      want: {
        grant: 'sign-in-access',
        scopes: ['aws.cognito.signin.user.admin'],
        ambiguous: false,
      },
    },
    {
      given: 'an OIDC scope → the code flow user token, asked for the OIDC scopes',
      scopes: ['email', 'orders/read'],
      want: { grant: 'oauth-user', scopes: ['email'], ambiguous: false },
    },
    {
      given: 'custom scopes only → client credentials, ambiguous',
      scopes: ['orders/read'],
      want: { grant: 'client-credentials', scopes: ['orders/read'], ambiguous: true },
    },
    {
      given: 'custom scopes told machine → client credentials, not ambiguous',
      scopes: ['orders/read'],
      hint: 'machine',
      want: { grant: 'client-credentials', scopes: ['orders/read'], ambiguous: false },
    },
    {
      given: 'custom scopes told user → the code flow user token',
      scopes: ['orders/read'],
      hint: 'user',
      want: { grant: 'oauth-user', scopes: ['orders/read'], ambiguous: false },
    },
  ];
  for (const { given, scopes, hint, want } of cases) {
    it(given, () => {
      expect(tokenChoiceOf(cognito(scopes), hint)).to.deep.equal(want);
    });
  }
});
