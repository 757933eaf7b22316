/**
 * The OAuth 2.0 side of a collection, for methods whose scopes only the user pool domain's
 * endpoints issue (docs/reference/aws-wire-behaviour.md §1.10; docs/tokens-and-scopes.md):
 *
 * - an "OAuth 2.0 tokens" folder after Sign-in: a `client_credentials` request to
 *   `{{cognitoDomain}}/oauth2/token` with HTTP Basic client authentication, and a `refresh_token`
 *   request with the refresh token the user supplies once (`oauthRefreshToken`); both capture the
 *   access token, and the sign-in on demand asks again when it is about to expire;
 * - on each folder of a method that needs a user's token, the Postman app's own OAuth 2.0
 *   authorization (authorization code + PKCE, auth and token URLs from `{{cognitoDomain}}`,
 *   scopes from the spec), so "Get New Access Token" signs in through the managed login page.
 */
import type { ApiModel } from '../model/types.js';
import { oauthScopesByGrant } from '../plan/token-source.js';
import type { OAuthGrant } from '../plan/types.js';
import { contentId } from '../plan/content-id.js';
import { neutraliseVariables as plain } from './neutralise-variables.js';
import type {
  PostmanAuth,
  PostmanAuthAttribute,
  PostmanFolder,
  PostmanItem,
  PostmanVariable,
} from './postman-types.js';
import { renderScript } from './render-script.js';
import { scriptEvents } from './render-sign-in.js';
import { runVariables } from '../contract/run-variables.js';

/** The Postman app's redirect URI for browser sign-ins (registered on the app client). */
export const postmanCallbackUrl = 'https://oauth.pstmn.io/v1/callback';

export interface OAuthNeeds {
  /** Scopes of the user token (code flow), empty when no method needs one. */
  user: string[];
  /** Scopes of the client credentials token, empty when no method needs one. */
  machine: string[];
}

export function oauthNeeds(model: ApiModel): OAuthNeeds {
  const scopes = oauthScopesByGrant(model.operations);
  return { user: scopes['oauth-user'], machine: scopes['client-credentials'] };
}

export function oauthRequestIds(slug: string): Record<OAuthGrant, string> {
  return {
    'client-credentials': contentId(slug, 'oauth2', 'client_credentials'),
    'oauth-user': contentId(slug, 'oauth2', 'refresh_token'),
  };
}

const attribute = (key: string, value: string | boolean): PostmanAuthAttribute => ({
  key,
  value,
  type: typeof value === 'boolean' ? 'boolean' : 'string',
});

/** The "OAuth 2.0 tokens" folder; undefined when no method needs an OAuth 2.0 token. */
export function renderOAuthFolder(model: ApiModel, needs: OAuthNeeds): PostmanFolder | undefined {
  if (needs.user.length === 0 && needs.machine.length === 0) return undefined;
  const ids = oauthRequestIds(model.slug);
  const items: PostmanItem[] = [];
  if (needs.machine.length > 0)
    items.push(
      tokenItem(
        ids['client-credentials'],
        'Client credentials (POST /oauth2/token)',
        'client-credentials',
        {
          auth: {
            type: 'basic',
            basic: [
              attribute('username', '{{machineClientId}}'),
              attribute('password', '{{machineClientSecret}}'),
            ],
          },
          form: [
            { key: 'grant_type', value: 'client_credentials' },
            { key: 'scope', value: `{{${runVariables.machineScopes}}}` },
          ],
        },
      ),
    );
  if (needs.user.length > 0)
    items.push(
      tokenItem(
        ids['oauth-user'],
        'Refresh user token (POST /oauth2/token refresh_token)',
        'oauth-user',
        {
          auth: { type: 'noauth' },
          form: [
            { key: 'grant_type', value: 'refresh_token' },
            { key: 'client_id', value: '{{clientId}}' },
            { key: 'refresh_token', value: '{{oauthRefreshToken}}' },
          ],
        },
      ),
    );
  return {
    id: contentId(model.slug, 'oauth2'),
    name: 'OAuth 2.0 tokens',
    description:
      'Tokens of the user pool domain (`{{cognitoDomain}}`) for methods whose scopes API sign-ins never carry: client credentials for machine scopes, and a refresh_token grant with the refresh token of a code flow sign-in (`oauthRefreshToken`, from GATECHECK_REFRESH_TOKEN). Skipped when not configured. See docs/tokens-and-scopes.md.',
    item: items,
  };
}

function tokenItem(
  id: string,
  name: string,
  grant: OAuthGrant,
  request: { auth: PostmanAuth; form: Array<{ key: string; value: string }> },
): PostmanItem {
  return {
    id,
    name,
    event: scriptEvents({
      prerequest: renderScript('oauth/token.prerequest.js.hbs', { grant }),
      test: renderScript('oauth/token.test.js.hbs', { grant }),
    }),
    request: {
      method: 'POST',
      header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      url: '{{cognitoDomain}}/oauth2/token',
      body: { mode: 'urlencoded', urlencoded: request.form },
      auth: request.auth,
    },
    response: [],
  };
}

/**
 * The Postman app's OAuth 2.0 authorization for a folder of methods that need a user's token:
 * authorization code with PKCE (S256) through the managed login page. The token it gets is sent
 * by the positive check and the controls, which inherit it; in newman it is `{{oauthAccessToken}}`,
 * from the refresh_token grant. Implicit grant (legacy, no refresh token) is not offered.
 */
export function userTokenAuth(scopes: readonly string[]): PostmanAuth {
  return {
    type: 'oauth2',
    oauth2: [
      attribute('grant_type', 'authorization_code_with_pkce'),
      attribute('authUrl', '{{cognitoDomain}}/oauth2/authorize'),
      attribute('accessTokenUrl', '{{cognitoDomain}}/oauth2/token'),
      attribute('clientId', '{{clientId}}'),
      attribute('clientSecret', '{{clientSecret}}'),
      attribute('scope', scopes.map(plain).join(' ')),
      attribute('challengeAlgorithm', 'S256'),
      attribute('redirect_uri', postmanCallbackUrl),
      attribute('useBrowser', true),
      attribute('client_authentication', 'header'),
      attribute('tokenName', 'gatecheck user token'),
      attribute('addTokenTo', 'header'),
      attribute('headerPrefix', 'Bearer'),
      attribute('accessToken', `{{${runVariables.oauthAccessToken}}}`),
    ],
  };
}

/** Collection variables of the OAuth 2.0 tokens, declared empty (tokens never in a file). */
export function oauthCollectionVariables(needs: OAuthNeeds): PostmanVariable[] {
  const variables: PostmanVariable[] = [];
  if (needs.user.length > 0)
    variables.push({
      key: runVariables.oauthAccessToken,
      value: '',
      type: 'string',
      description: 'Access token of the code flow (refresh_token grant), never in a file',
    });
  if (needs.machine.length > 0)
    variables.push(
      {
        key: runVariables.machineAccessToken,
        value: '',
        type: 'string',
        description: 'Client credentials access token, never in a file',
      },
      {
        key: runVariables.machineScopes,
        value: needs.machine.map(plain).join(' '),
        type: 'string',
        description: 'Scopes the client credentials grant asks for (from the spec)',
      },
    );
  return variables;
}
