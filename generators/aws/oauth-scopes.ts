/**
 * The OAuth scopes a spec's methods ask for, split by who can get them: the OIDC scopes and
 * `aws.cognito.signin.user.admin` only with a user grant (Hosted UI), custom resource-server scopes
 * (`<identifier>/<name>`) with either grant (docs/reference/aws-wire-behaviour.md §1.10).
 */
import type { ApiModel } from '../model/types.js';

const userOnlyScopes = new Set([
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
]);

/** Every scope a Cognito or JWT authorizer of the spec lists, sorted. */
export function specScopes(model: ApiModel): string[] {
  const scopes = new Set<string>();
  for (const operation of model.operations) {
    const protection = operation.protection;
    if (protection.kind === 'cognito' || protection.kind === 'jwt') {
      for (const scope of protection.scopes) scopes.add(scope);
    }
  }
  return [...scopes].sort();
}

/** The scopes to ask for: a machine client gets resource-server scopes only; a user also `openid`. */
export function scopesToRequest(
  scopes: string[],
  source: 'client-credentials' | 'hosted-ui',
): string[] {
  if (source === 'client-credentials') return scopes.filter((scope) => !userOnlyScopes.has(scope));
  return [...new Set(['openid', ...scopes])];
}
