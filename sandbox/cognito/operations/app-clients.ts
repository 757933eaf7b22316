import { invalidParameter } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { appClientId, appClientSecret } from '../ids.js';
import {
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringList,
  requireString,
  type Input,
} from '../input.js';
import { findClientInPool, findPool } from '../lookup.js';
import { describeOAuthSettings, readOAuthSettings } from '../oauth/client-settings.js';
import { epochSeconds, type AppClient } from '../state.js';
import type { TokenLifetimes } from '../../types.js';

/**
 * AWS's default when `ExplicitAuthFlows` is not given (docs/reference/aws-wire-behaviour.md §1.9).
 */
export const defaultExplicitAuthFlows = [
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_CUSTOM_AUTH',
];

const allowFlows = [
  'ALLOW_USER_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];
const legacyFlows = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];

/**
 * Validates `ExplicitAuthFlows`: `ALLOW_*` values require `ALLOW_REFRESH_TOKEN_AUTH`
 * (`REFRESH_TOKEN_AUTH should always be allowed.`, aws/aws-cdk#7625) and cannot be mixed with the
 * legacy values (that message is UNCONFIRMED).
 */
function explicitAuthFlows(given: string[] | undefined): string[] {
  if (given === undefined) return [...defaultExplicitAuthFlows];
  for (const flow of given) {
    if (!allowFlows.includes(flow) && !legacyFlows.includes(flow)) {
      throw invalidParameter(
        `1 validation error detected: Value '[${given.join(', ')}]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${[...legacyFlows, ...allowFlows].join(', ')}]`,
      );
    }
  }
  const usesAllow = given.some((flow) => allowFlows.includes(flow));
  if (usesAllow && given.some((flow) => legacyFlows.includes(flow))) {
    throw invalidParameter('ExplicitAuthFlows cannot mix legacy and ALLOW_ prefixed values.');
  }
  if (usesAllow && !given.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    throw invalidParameter('REFRESH_TOKEN_AUTH should always be allowed.');
  }
  return [...given];
}

const unitSeconds: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Token validity fields, in `TokenValidityUnits` (default hours for ID/access, days for refresh). */
function tokenValidity(input: Input): Partial<TokenLifetimes> {
  const units = optionalObject(input, 'TokenValidityUnits') ?? {};
  const seconds = (member: string, unitMember: string, defaultUnit: string) => {
    const value = optionalNumber(input, member);
    if (value === undefined) return undefined;
    const unit = optionalString(units, unitMember) ?? defaultUnit;
    const factor = unitSeconds[unit];
    if (factor === undefined)
      throw invalidParameter(`Invalid TokenValidityUnits.${unitMember}: ${unit}`);
    return value * factor;
  };
  const validity: Partial<TokenLifetimes> = {};
  const id = seconds('IdTokenValidity', 'IdToken', 'hours');
  const access = seconds('AccessTokenValidity', 'AccessToken', 'hours');
  const refresh = seconds('RefreshTokenValidity', 'RefreshToken', 'days');
  if (id !== undefined) validity.id = id;
  if (access !== undefined) validity.access = access;
  if (refresh !== undefined) validity.refresh = refresh;
  return validity;
}

/** `AuthSessionValidity`: minutes, 3–15, default 3 (docs/reference/aws-wire-behaviour.md §1.8). */
function authSessionValidity(input: Input): number {
  const minutes = optionalNumber(input, 'AuthSessionValidity') ?? 3;
  if (!Number.isInteger(minutes) || minutes < 3 || minutes > 15) {
    throw invalidParameter(
      `1 validation error detected: Value '${minutes}' at 'authSessionValidity' failed to satisfy constraint: Member must have value between 3 and 15`,
    );
  }
  return minutes;
}

/** `UserPoolClientType` as CreateUserPoolClient and DescribeUserPoolClient return it. */
export function describeClient(client: AppClient) {
  return {
    UserPoolId: client.userPoolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.clientSecret === undefined ? {} : { ClientSecret: client.clientSecret }),
    LastModifiedDate: epochSeconds(client.createdAt),
    CreationDate: epochSeconds(client.createdAt),
    RefreshTokenValidity: client.described.RefreshTokenValidity ?? 30,
    ...(client.described.AccessTokenValidity === undefined
      ? {}
      : { AccessTokenValidity: client.described.AccessTokenValidity }),
    ...(client.described.IdTokenValidity === undefined
      ? {}
      : { IdTokenValidity: client.described.IdTokenValidity }),
    TokenValidityUnits: client.described.TokenValidityUnits ?? {
      AccessToken: 'hours',
      IdToken: 'hours',
      RefreshToken: 'days',
    },
    ExplicitAuthFlows: client.explicitAuthFlows,
    ...describeOAuthSettings(client.oauth),
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: client.authSessionValidity,
  };
}

export function createUserPoolClient(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const clientName = requireString(input, 'ClientName');
  const prevent = optionalString(input, 'PreventUserExistenceErrors') ?? 'LEGACY';
  if (prevent !== 'LEGACY' && prevent !== 'ENABLED') {
    throw invalidParameter(`Invalid PreventUserExistenceErrors: ${prevent}`);
  }
  const withSecret = optionalBoolean(input, 'GenerateSecret') ?? false;
  const oauth = readOAuthSettings(input, pool, withSecret);
  const client: AppClient = {
    clientId: appClientId(),
    clientName,
    userPoolId: pool.id,
    ...(withSecret ? { clientSecret: appClientSecret() } : {}),
    explicitAuthFlows: explicitAuthFlows(optionalStringList(input, 'ExplicitAuthFlows')),
    authSessionValidity: authSessionValidity(input),
    validity: tokenValidity(input),
    described: {
      RefreshTokenValidity: input.RefreshTokenValidity,
      AccessTokenValidity: input.AccessTokenValidity,
      IdTokenValidity: input.IdTokenValidity,
      TokenValidityUnits: input.TokenValidityUnits,
    },
    preventUserExistenceErrors: prevent,
    oauth,
    createdAt: ctx.clock.now(),
  };
  pool.clients.set(client.clientId, client);
  ctx.state.clients.set(client.clientId, client);
  return { UserPoolClient: describeClient(client) };
}

export function describeUserPoolClient(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  return {
    UserPoolClient: describeClient(findClientInPool(pool, requireString(input, 'ClientId'))),
  };
}
