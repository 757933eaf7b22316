/**
 * The collection: the Sign-in folder first, then one folder per operation (positive check, then
 * each control + negative pair, or the public check), the revocation folder, and the run guard
 * last. Built as typed objects from the plan; the collection pre-request script holds the script
 * library (script-library.ts), and each item's scripts are one call into it with the item's data.
 */
import { itemName } from './item-name.js';
import type { ApiModel, Operation } from '../model/types.js';
import type { GatecheckPlan } from '../plan/plan-collection.js';
import type { RevocationCheck } from '../plan/plan-revocation-checks.js';
import type { CollectionPlan, OperationPlan, PlannedCheck } from '../plan/types.js';
import { contentId } from '../plan/content-id.js';
import {
  collectionSchemaUrl,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanFolder,
  type PostmanItem,
  type PostmanVariable,
} from './postman-types.js';
import { renderRevocationScripts } from './negative-revocation-scripts.js';
import { authzPersonasValue, renderAuthzFolder } from './render-authz.js';
import {
  renderNegativeScripts,
  renderRunGuard,
  renderRunStart,
} from './render-negative-scripts.js';
import { renderPositiveItem } from './render-positive.js';
import { renderRequest } from './render-request.js';
import { renderScript } from './render-script.js';
import { scriptLibrary, type LibraryOptions } from './script-library.js';
import { scriptsFingerprint } from './scripts-fingerprint.js';
import { renderSignInFolder, scriptEvents, signInIds } from './render-sign-in.js';
import { runVariables } from '../contract/run-variables.js';
import { chooseTokenSource } from '../plan/token-source.js';
import {
  oauthCollectionVariables,
  oauthNeeds,
  oauthRequestIds,
  renderOAuthFolder,
} from './render-oauth.js';
import { withUserTokenAuth } from './user-token-folder.js';
import { renderPkceFolder } from './render-pkce.js';

/** How a collection is rendered; by default for AWS, with nothing of the sandbox in it. */
export type RenderOptions = LibraryOptions;

export function renderCollection(
  model: ApiModel,
  plan: GatecheckPlan,
  options: RenderOptions = {},
): PostmanCollection {
  const ids = signInIds(model.slug);
  const needs = oauthNeeds(model);
  const oauthIds = oauthRequestIds(model.slug);
  // The script library first (it defines `gatecheck` unless the sandbox holds it), then the
  // sign-in on demand. `gatecheck run` moves it into the first request of each newman run
  // (run/library-once.ts), so it runs once per run instead of before every request.
  const prerequest = `${scriptLibrary(options, model.schemas)}\n\n${renderScript(
    'collection/prerequest.js.hbs',
    {
      signInRequestIds: [
        ids.initiateAuth,
        ids.respondToChallenge,
        ids.refresh,
        oauthIds['client-credentials'],
        oauthIds['oauth-user'],
        ...plan.pkce.map((check) => check.id),
      ],
    },
  )}`;
  const oauthFolder = renderOAuthFolder(model, needs);
  const operations = new Map(model.operations.map((operation) => [operation.id, operation]));
  return {
    info: {
      _postman_id: contentId(model.slug, 'collection'),
      name: itemName(model.title),
      description: collectionDescription(model),
      schema: collectionSchemaUrl,
      gatecheckScripts: scriptsFingerprint(),
    },
    event: [collectionPrerequestEvent(prerequest)],
    variable: [
      ...collectionVariables(model),
      ...oauthCollectionVariables(needs),
      ...(plan.authz ? [authzPersonasValue(plan.authz)] : []),
    ],
    item: [
      renderRunStartItem(model),
      renderSignInFolder(model.slug),
      ...(plan.pkce.length > 0 ? [renderPkceFolder(model.slug, plan.pkce)] : []),
      ...(oauthFolder ? [oauthFolder] : []),
      ...plan.operations.map((operationPlan) =>
        renderOperationFolder(model, operationPlan, operations.get(operationPlan.operationId)),
      ),
      ...(plan.authz ? [renderAuthzFolder(model, plan.authz)] : []),
      ...(plan.revocation.length > 0 ? [renderRevocationFolder(model, plan.revocation)] : []),
      renderRunGuardItem(model, plan),
    ],
  };
}

/**
 * The collection pre-request event, its script written as ONE string, not one per line: it runs
 * before every request, and newman's sandbox handles a script's lines one by one each time (the
 * library's 1,200 lines cost ~1.3 ms more per request than the same text as one string). The
 * Postman app shows both the same way.
 */
export function collectionPrerequestEvent(script: string): PostmanEvent {
  return { listen: 'prerequest', script: { type: 'text/javascript', exec: [script] } };
}

function renderOperationFolder(
  model: ApiModel,
  plan: OperationPlan,
  operation: Operation | undefined,
): PostmanFolder {
  const choice = operation ? chooseTokenSource(operation) : undefined;
  const folder: PostmanFolder = {
    id: contentId(model.slug, 'operation', plan.operationId),
    name: itemName(plan.title),
    description: operation ? operationDescription(operation) : plan.title,
    item: plan.checks.map(renderCheckItem),
  };
  return choice?.grant === 'oauth-user'
    ? withUserTokenAuth(folder, plan.checks, choice.scopes)
    : folder;
}

export function renderCheckItem(check: PlannedCheck): PostmanItem {
  return withPoolSignIn(
    check.role === 'positive'
      ? renderPositiveItem(check)
      : {
          id: check.id,
          name: itemName(check.name),
          event: scriptEvents(renderNegativeScripts(check)),
          request: renderRequest(check),
          response: [],
        },
  );
}

/**
 * A request that sends a token of user pool N >= 2 (`{{gatecheck.pool.<N>...}}`) and has no
 * pre-request script gets one that signs in to that pool first (scripts/library/pool-sign-in.js):
 * no Sign-in folder signs in to those pools. Items with a pre-request script do it there
 * (gatecheck.whenSignedIn).
 */
function withPoolSignIn(item: PostmanItem): PostmanItem {
  const events = (item.event ?? []) as Array<{ listen?: string }>;
  if (events.some((event) => event.listen === 'prerequest')) return item;
  if (!JSON.stringify(item.request).includes('{{gatecheck.pool.')) return item;
  return {
    ...item,
    event: [
      ...scriptEvents({ prerequest: renderScript('positive/pool-sign-in.prerequest.js.hbs', {}) }),
      ...(item.event ?? []),
    ],
  };
}

function renderRevocationFolder(model: ApiModel, checks: RevocationCheck[]): PostmanFolder {
  return {
    id: contentId(model.slug, 'revocation'),
    name: 'Revocation (Cognito)',
    description:
      'API Gateway keeps accepting a signed-out token until it expires (AWS documents this), so revocation is checked against Cognito: a dedicated user (`revocationUsername`) signs in, signs out everywhere, and GetUser must then refuse the old access token. Skipped when `revocationUsername` is empty.',
    item: checks.map((check) => ({
      id: check.id,
      name: itemName(check.name),
      event: scriptEvents(renderRevocationScripts(check)),
      request: {
        method: 'POST',
        header: Object.entries(check.headers).map(([key, value]) => ({ key, value })),
        url: check.url,
        body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } },
      },
      response: [],
    })),
  };
}

/** First item: resets the run counters; its pre-request script skips its own request. */
function renderRunStartItem(model: ApiModel): PostmanItem {
  const start = renderRunStart();
  return frameItem(contentId(model.slug, 'run-start'), start.name, start.prerequest);
}

/**
 * Last item: fails the run when fewer checks ran than were planned. Its script runs as the
 * pre-request script and skips the request, so nothing is sent.
 */
function renderRunGuardItem(model: ApiModel, plan: CollectionPlan): PostmanItem {
  const guard = renderRunGuard(plan);
  return frameItem(contentId(model.slug, 'run-guard'), guard.name, guard.test);
}

function frameItem(id: string, name: string, prerequest: string): PostmanItem {
  return {
    id,
    name,
    event: scriptEvents({ prerequest }),
    // A Postman item needs a request; it is skipped. Were a runtime unable to skip, a bare GET to
    // Cognito's endpoint changes nothing anywhere.
    request: {
      method: 'GET',
      header: [],
      url: '{{cognitoEndpoint}}',
    },
    response: [],
  };
}

/**
 * Run-time state lives in collection variables (see contract/run-variables.ts), declared here empty so the
 * Postman app shows them. The documented schemas are not among them: they travel with the script
 * library (`gatecheck.schemas`), as every variable is handed to every script the sandbox runs.
 */
function collectionVariables(model: ApiModel): PostmanVariable[] {
  const empty = (key: string, description: string): PostmanVariable => ({
    key,
    value: '',
    type: 'string',
    description,
  });
  return [
    { key: runVariables.ran, value: '0', type: 'string', description: 'Checks run' },
    { key: runVariables.skipped, value: '0', type: 'string', description: 'Checks skipped' },
    {
      key: runVariables.inconclusive,
      value: '0',
      type: 'string',
      description: 'Negative checks whose control did not pass',
    },
    empty(runVariables.idToken, 'Captured at sign-in (never in a file)'),
    empty(runVariables.accessToken, 'Captured at sign-in (never in a file)'),
    empty(runVariables.refreshToken, 'Captured at sign-in (never in a file)'),
    empty(runVariables.tokenExpiresAt, 'Expiry of the captured tokens, epoch ms'),
    ...poolVariables(model),
  ];
}

/**
 * Pool N ≥ 2 of an API with several user pools: its id from the spec, and its app client, which
 * the run supplies (`GATECHECK_POOL<N>_CLIENT_ID`, with `_USERNAME` and `_PASSWORD`), read by
 * scripts/library/pool-sign-in.js.
 */
function poolVariables(model: ApiModel): PostmanVariable[] {
  return (model.pools ?? []).slice(1).flatMap((pool, index) => {
    const prefix = `gatecheck.pool.${index + 2}`;
    const env = `GATECHECK_POOL${index + 2}`;
    return [
      {
        key: `${prefix}.userPoolId`,
        value: pool.userPoolId ?? '',
        type: 'string',
        description: `User pool ${index + 2} (${env}_USER_POOL_ID overrides it)`,
      },
      {
        key: `${prefix}.clientId`,
        value: '',
        type: 'string',
        description: `An app client of user pool ${index + 2} (${env}_CLIENT_ID)`,
      },
    ];
  });
}

function collectionDescription(model: ApiModel): string {
  const lines = [
    `Generated by gatecheck from ${model.title} (OpenAPI ${model.specVersion}, ${
      model.gatewayKind === 'rest' ? 'REST API' : 'HTTP API'
    }). Do not edit: regenerate with \`gatecheck generate\`.`,
    '',
    'Run the whole collection with an environment of this API: the Sign-in folder signs in to Cognito once and keeps the tokens in collection variables; every folder then checks one operation (positive check, then each negative check right after a control on the same URL); the last request fails the run when fewer checks ran than were generated.',
    'Secrets (password, client secret, one-time code, API key) are never stored here: set them in the environment (current value) or let `gatecheck run` pass them from GATECHECK_* variables.',
  ];
  if (model.warnings.length > 0) {
    lines.push(
      '',
      'Warnings:',
      ...model.warnings.map((w) => `- ${w.message} (${w.origin.pointer})`),
    );
  }
  return lines.join('\n');
}

function operationDescription(operation: Operation): string {
  const protection = operation.protection;
  const summary = operation.summary ? `${operation.summary}\n\n` : '';
  switch (protection.kind) {
    case 'public':
      return `${summary}Public: no authorizer.`;
    case 'unsupported':
      return `${summary}Not checked: behind ${protection.description}, which gatecheck cannot test.`;
    case 'cognito':
    case 'jwt': {
      const authorizer = protection.kind === 'cognito' ? 'Cognito authorizer' : 'JWT authorizer';
      const scopes = protection.scopes.length ? `, scopes ${protection.scopes.join(' ')}` : '';
      const key = operation.apiKey ? `; API key in ${operation.apiKey.header}` : '';
      return `${summary}${authorizer} (${protection.scheme}): ${protection.tokenKind} token in ${protection.tokenHeader}${scopes}${key}.`;
    }
    case 'lambda': {
      const scopes = protection.scopes.length ? `, scopes ${protection.scopes.join(' ')}` : '';
      const key = operation.apiKey ? `; API key in ${operation.apiKey.header}` : '';
      return `${summary}Lambda ${protection.authorizerType.toUpperCase()} authorizer verifying Cognito tokens (${protection.scheme}): ${protection.tokenKind} token in ${protection.tokenHeader}${scopes}${key}.`;
    }
  }
}
