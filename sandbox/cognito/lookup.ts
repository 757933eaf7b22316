import { CognitoError, notAuthorized, resourceNotFound, userNotFound } from './cognito-error.js';
import { requireString, type Input } from './input.js';
import type { AppClient, CognitoState, User, UserPool } from './state.js';

export function findPool(state: CognitoState, userPoolId: string): UserPool {
  const pool = state.pools.get(userPoolId);
  // aws/aws-aspnet-cognito-identity-provider#135
  if (!pool) throw resourceNotFound(`User pool ${userPoolId} does not exist.`);
  return pool;
}

/** Unknown or wrong-region client ids (aws/aws-sdk-php#2183). */
export function findClient(state: CognitoState, clientId: string): AppClient {
  const client = state.clients.get(clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

/** Admin operations name both: the client must belong to the pool. */
export function findClientInPool(pool: UserPool, clientId: string): AppClient {
  const client = pool.clients.get(clientId);
  if (!client) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

export function poolOf(state: CognitoState, client: AppClient): UserPool {
  return findPool(state, client.userPoolId);
}

/** The pool and app client a sign-in call names: admin calls name the pool too (`UserPoolId`). */
export function clientOfCall(
  state: CognitoState,
  input: Input,
  admin: boolean,
): { pool: UserPool; client: AppClient } {
  if (admin) {
    const pool = findPool(state, requireString(input, 'UserPoolId'));
    return { pool, client: findClientInPool(pool, requireString(input, 'ClientId')) };
  }
  const client = findClient(state, requireString(input, 'ClientId'));
  return { pool: poolOf(state, client), client };
}

export const userKey = (username: string) => username.toLowerCase();

export function lookupUser(pool: UserPool, username: string): User | undefined {
  return pool.users.get(userKey(username));
}

/** For admin operations: always `UserNotFoundException`. */
export function findUser(pool: UserPool, username: string): User {
  const user = lookupUser(pool, username);
  if (!user) throw userNotFound();
  return user;
}

/**
 * For sign-in: with `PreventUserExistenceErrors=LEGACY` (the default) an unknown user is
 * `UserNotFoundException` `User does not exist.`; with `ENABLED` it looks like a wrong password
 * (docs/reference/aws-wire-behaviour.md §1.2).
 */
export function findUserForSignIn(pool: UserPool, client: AppClient, username: string): User {
  const user = lookupUser(pool, username);
  if (user) return user;
  if (client.preventUserExistenceErrors === 'ENABLED') {
    throw notAuthorized('Incorrect username or password.');
  }
  throw userNotFound();
}

/**
 * Disabled users: `User is disabled.` (amazon-cognito-identity-js#373; the trailing period is
 * UNCONFIRMED). Unconfirmed users: `User is not confirmed.`, even with a wrong password
 * (amazon-cognito-identity-js#288).
 */
export function assertCanSignIn(user: User): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'UNCONFIRMED') {
    throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  }
}
