/**
 * The "Authorization (personas)" folder: each planned authz request (plan/plan-authz-checks.ts) as
 * a Postman item whose scripts call scripts/library/authz-check.js, then the cleanup item that
 * deletes what the run created. The personas are named in a collection variable, so a runner can
 * tell which credentials the collection needs.
 */
import { authzPersonasVariable } from '../contract/authz-variables.js';
import type { ApiModel } from '../model/types.js';
import type { AuthzPlan, AuthzRequest } from '../plan/plan-authz-checks.js';
import { contentId } from '../plan/content-id.js';
import type { PostmanFolder, PostmanItem, PostmanVariable } from './postman-types.js';
import { renderRequest } from './render-request.js';
import { renderScript } from './render-script.js';
import { scriptEvents } from './render-sign-in.js';

export const authzFolderName = 'Authorization (personas)';

export function renderAuthzFolder(model: ApiModel, plan: AuthzPlan): PostmanFolder {
  return {
    id: contentId(model.slug, 'authz'),
    name: authzFolderName,
    description:
      'Broken object- and function-level authorization (BOLA, BFLA): each persona signs in once with its own user; the allowed personas call each operation on an object made for the run, then every other persona must be refused. The last item deletes what the run created. See docs/authorization-matrix.md.',
    item: [...plan.requests.map(renderAuthzItem), cleanupItem(model)],
  };
}

export function authzPersonasValue(plan: AuthzPlan): PostmanVariable {
  return {
    key: authzPersonasVariable,
    value: JSON.stringify(
      plan.personas.map((persona) => ({
        name: persona.name,
        groups: persona.groups,
        usernameEnv: persona.usernameEnv,
        passwordEnv: persona.passwordEnv,
      })),
    ),
    type: 'string',
    description: 'Personas of the authorization checks; credentials come from these variables',
  };
}

function renderAuthzItem(check: AuthzRequest): PostmanItem {
  const { apiKey, ...request } = check;
  const data = {
    ...check,
    // Assertion names start with the persona: the item name already says operation and verdict.
    label: check.persona,
    gateway: check.gatewayKind,
  };
  return {
    id: check.id,
    name: check.name,
    event: scriptEvents({
      prerequest: renderScript('authz/authz.prerequest.js.hbs', { check: data }),
      test: renderScript('authz/authz.test.js.hbs', { check: data }),
    }),
    // The token header is set by the pre-request script from the persona's own token.
    request: renderRequest({
      ...request,
      ...(check.objectVariable ? { pathVariables: [check.objectVariable] } : {}),
      token: { from: 'none' },
      ...(apiKey ? { apiKey: { header: apiKey.header, value: 'variable' as const } } : {}),
    }),
    response: [],
  };
}

function cleanupItem(model: ApiModel): PostmanItem {
  return {
    id: contentId(model.slug, 'authz', 'cleanup'),
    name: 'authz · delete what the run created',
    event: scriptEvents({ prerequest: renderScript('authz/cleanup.prerequest.js.hbs', {}) }),
    request: { method: 'GET', header: [], url: '{{cognitoEndpoint}}' },
    response: [],
  };
}
