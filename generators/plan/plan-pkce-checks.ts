/**
 * PKCE is enforced by the user pool domain's `/oauth2/token`, not by API Gateway, so it is checked
 * there (docs/reference/check-catalogue.md §1.3; aws-wire-behaviour.md §1.10): the run's user
 * signs in on the login page twice with an S256 code challenge; the first code is exchanged with
 * a `code_verifier` that does not match (must be refused with 400 `invalid_grant`), the second
 * with the right one (must give tokens), so the refusal cannot come from a bad code or URL.
 *
 * Planned only when a method needs a user's OAuth 2.0 token (token-source.ts). The login page is
 * posted as a plain form (the sandbox's, and the classic Hosted UI's `/login`, UNCONFIRMED for
 * newer managed login pages): where it answers without a code, the steps are skipped.
 */
import type { ApiModel } from '../model/types.js';
import { contentId } from './content-id.js';
import { chooseTokenSource } from './token-source.js';

export type PkceStep = 'login-refused' | 'wrong-verifier' | 'login-accepted' | 'right-verifier';

export interface PkceCheck {
  role: 'pkce';
  id: string;
  name: string;
  step: PkceStep;
  /** The scopes the code flow asks for (the user-token methods' scopes). */
  scopes: string[];
}

const steps: ReadonlyArray<{ step: PkceStep; title: string }> = [
  { step: 'login-refused', title: 'sign in on the login page (code for the wrong verifier)' },
  { step: 'wrong-verifier', title: 'a code_verifier that does not match is refused' },
  { step: 'login-accepted', title: 'sign in on the login page (code for the right verifier)' },
  { step: 'right-verifier', title: 'the matching code_verifier gives tokens' },
];

export function planPkceChecks(model: ApiModel): PkceCheck[] {
  const scopes: string[] = [];
  for (const operation of model.operations) {
    const choice = chooseTokenSource(operation);
    if (choice?.grant !== 'oauth-user') continue;
    for (const scope of choice.scopes) if (!scopes.includes(scope)) scopes.push(scope);
  }
  if (scopes.length === 0) return [];
  return steps.map(({ step, title }) => ({
    role: 'pkce',
    id: contentId(model.slug, 'pkce', step),
    name: `PKCE · ${title}`,
    step,
    scopes,
  }));
}
