/**
 * Postman environments: one per stage, built from the single variable list in
 * `generators/contract/environment-variables.ts`. Secrets are always written EMPTY with `type: secret`: their
 * values come from the process environment or the runner at run time, never from a file.
 */
import type { ApiModel, Stage, UserPoolRef } from '../model/types.js';
import { environmentVariables } from '../contract/environment-variables.js';
import { contentId } from '../plan/content-id.js';
import { neutraliseVariables as plain } from './neutralise-variables.js';
import type { PostmanEnvironment } from './postman-types.js';

/**
 * Cognito's regional endpoint (docs/reference/aws-wire-behaviour.md §1.1); the sandbox replaces it.
 */
export const defaultCognitoEndpoint = 'https://cognito-idp.{{region}}.amazonaws.com/';

/**
 * An environment holding `values` for the known variables, in the order of `contract/environment-variables.ts`.
 * Values given for secret variables are ignored (written empty); an unknown key is a bug.
 */
export function renderEnvironment(
  name: string,
  values: Record<string, string>,
): PostmanEnvironment {
  const known = new Set(environmentVariables.map((v) => v.key));
  const unknown = Object.keys(values).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new Error(`renderEnvironment: unknown variables ${unknown.join(', ')}`);
  return {
    id: contentId('environment', name),
    name,
    values: environmentVariables.map((variable) => ({
      key: variable.key,
      value: variable.secret ? '' : (values[variable.key] ?? ''),
      type: variable.secret ? ('secret' as const) : ('default' as const),
      enabled: true as const,
    })),
    _postman_variable_scope: 'environment',
  };
}

/** One environment per stage of the API, with what the spec tells about the user pool. */
export function renderStageEnvironments(
  model: ApiModel,
): Array<{ stage: Stage; environment: PostmanEnvironment }> {
  const pool = userPoolOf(model);
  return model.stages.map((stage) => ({
    stage,
    environment: renderEnvironment(`${model.title} · ${stage.name}`, {
      // Postman resolves `{{...}}` inside variable values too: spec text is neutralised.
      baseUrl: plain(stage.baseUrl),
      region: plain(pool.region ?? regionOfUrl(stage.baseUrl) ?? ''),
      cognitoEndpoint: defaultCognitoEndpoint,
      userPoolId: plain(pool.userPoolId ?? ''),
      clientId: plain(pool.clientId ?? ''),
      username: '',
      // AWS's default app client flows enable SRP, not USER_PASSWORD_AUTH
      // (docs/reference/aws-wire-behaviour.md §1.9).
      authFlow: 'USER_SRP_AUTH',
      preferredChallenge: '',
    }),
  }));
}

/**
 * The user pool of the first operation whose authorizer names a known one. A REST Cognito
 * authorizer does not name an app client; an HTTP API JWT authorizer's audience is the app client
 * id for Cognito tokens (docs/reference/aws-wire-behaviour.md §3).
 */
function userPoolOf(model: ApiModel): Partial<Pick<UserPoolRef, 'region' | 'userPoolId'>> & {
  clientId?: string;
} {
  // Several pools: the environment's user signs in to pool 1 (model/user-pools.ts).
  const first = model.pools?.[0];
  if (first?.userPoolId !== undefined)
    return { region: first.region, userPoolId: first.userPoolId };
  for (const operation of model.operations) {
    const protection = operation.protection;
    if (protection.kind === 'public' || protection.kind === 'unsupported') continue;
    const scheme = model.schemes[protection.scheme];
    if (scheme?.kind === 'lambda' && scheme.userPool.userPoolId !== undefined) {
      return { region: scheme.userPool.region, userPoolId: scheme.userPool.userPoolId };
    } else if (scheme?.kind === 'cognito') {
      const pool = scheme.userPools.find((p) => p.userPoolId !== undefined);
      if (pool) return { region: pool.region, userPoolId: pool.userPoolId };
    } else if (scheme?.kind === 'jwt' && scheme.userPool?.userPoolId !== undefined) {
      return {
        region: scheme.userPool.region,
        userPoolId: scheme.userPool.userPoolId,
        clientId: scheme.audience[0],
      };
    }
  }
  return {};
}

function regionOfUrl(url: string): string | undefined {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(url)?.[1];
}
