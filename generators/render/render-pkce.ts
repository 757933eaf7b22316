/**
 * The PKCE folder (plan-pkce-checks.ts): two sign-ins on the login page (`{{cognitoDomain}}/login`,
 * redirects not followed, so the code is read from `Location`) and two code exchanges at
 * `{{cognitoDomain}}/oauth2/token`. Bodies are built by the pre-request scripts
 * (scripts/library/pkce-check.js), so nothing secret is in the file.
 */
import type { PkceCheck } from '../plan/plan-pkce-checks.js';
import { contentId } from '../plan/content-id.js';
import { itemName } from './item-name.js';
import { neutraliseVariables as plain } from './neutralise-variables.js';
import type { PostmanFolder, PostmanItem } from './postman-types.js';
import { renderScript } from './render-script.js';
import { scriptEvents } from './render-sign-in.js';

export function renderPkceFolder(slug: string, checks: readonly PkceCheck[]): PostmanFolder {
  return {
    id: contentId(slug, 'pkce'),
    name: 'PKCE (Cognito)',
    description:
      "The user pool domain must refuse an authorization code whose PKCE challenge the code_verifier does not match: the run's user signs in on the login page twice; the first code with a wrong verifier must get 400 invalid_grant, the second with the right one tokens. Skipped without username, password and cognitoDomain, or when the login page answers without a code.",
    item: checks.map(pkceItem),
  };
}

function pkceItem(check: PkceCheck): PostmanItem {
  const data = {
    check: {
      id: check.id,
      name: itemName(check.name),
      step: check.step,
      scopes: check.scopes.map(plain),
    },
  };
  const login = check.step === 'login-refused' || check.step === 'login-accepted';
  return {
    id: check.id,
    name: itemName(check.name),
    event: scriptEvents({
      prerequest: renderScript('oauth/pkce.prerequest.js.hbs', data),
      test: renderScript('oauth/pkce.test.js.hbs', data),
    }),
    request: {
      method: 'POST',
      header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      url: login ? '{{cognitoDomain}}/login' : '{{cognitoDomain}}/oauth2/token',
      body: { mode: 'urlencoded', urlencoded: [] },
      auth: { type: 'noauth' },
    },
    response: [],
    ...(login ? { protocolProfileBehavior: { followRedirects: false } } : {}),
  };
}
