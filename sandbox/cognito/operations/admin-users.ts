import { randomInt } from 'node:crypto';
import { CognitoError, invalidParameter, resourceNotFound } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { uuid } from '../ids.js';
import {
  attributeList,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  requireString,
  type Input,
} from '../input.js';
import { findPool, findUser, lookupUser, userKey } from '../lookup.js';
import { checkPassword } from '../password-policy.js';
import { makeVerifier, poolNameOf } from '../srp.js';
import { setPassword } from '../user-password.js';
import { epochSeconds, type PasswordPolicy, type User, type UserPool } from '../state.js';

/** `[{Name, Value}]` with `sub` first, as AdminGetUser / GetUser list them. */
export function attributeListOf(user: User): { Name: string; Value: string }[] {
  return [
    { Name: 'sub', Value: user.sub },
    ...[...user.attributes].map(([Name, Value]) => ({ Name, Value })),
  ];
}

function mfaSettings(user: User) {
  return user.softwareToken?.enabled
    ? { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }
    : {};
}

/** A temporary password satisfying the pool's policy, for AdminCreateUser without one. */
function generatedPassword(policy: PasswordPolicy): string {
  const pick = (chars: string) => chars.charAt(randomInt(chars.length));
  const body = Array.from({ length: Math.max(policy.MinimumLength, 12) }, () =>
    pick('abcdefghijkmnopqrstuvwxyz'),
  ).join('');
  return `${body}A7!`;
}

/** A new user record; `sub` is a fresh UUID, attributes are kept in the given order. */
export function newUser(
  ctx: OperationContext,
  pool: UserPool,
  username: string,
  attributes: [string, string][],
  status: User['status'],
  password?: string,
): User {
  const now = ctx.clock.now();
  return {
    username,
    sub: uuid(),
    attributes: new Map(attributes.filter(([name]) => name !== 'sub')),
    ...(password === undefined
      ? {}
      : { password, srp: makeVerifier(poolNameOf(pool.id), username, password) }),
    status,
    enabled: true,
    groups: [],
    origins: new Set(),
    createdAt: now,
    modifiedAt: now,
  };
}

/** `UserNameExistsException`'s text for AdminCreateUser (`User account already exists`, UNCONFIRMED). */
export function addUser(pool: UserPool, user: User, message: string): void {
  if (lookupUser(pool, user.username)) throw new CognitoError('UsernameExistsException', message);
  pool.users.set(userKey(user.username), user);
}

/**
 * `AdminCreateUser`: with a password the user is `FORCE_CHANGE_PASSWORD` and answers
 * NEW_PASSWORD_REQUIRED at first sign-in (docs/reference/aws-wire-behaviour.md §1.3). Invitation
 * messages are not modelled: without `TemporaryPassword` a random one is set that nobody learns.
 */
export function adminCreateUser(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const username = requireString(input, 'Username');
  const temporary = optionalString(input, 'TemporaryPassword');
  if (temporary !== undefined) checkPassword(pool.passwordPolicy, temporary);
  const password = temporary ?? generatedPassword(pool.passwordPolicy);
  const user = newUser(
    ctx,
    pool,
    username,
    attributeList(input, 'UserAttributes'),
    'FORCE_CHANGE_PASSWORD',
    password,
  );
  addUser(pool, user, 'User account already exists');
  return {
    User: {
      Username: user.username,
      Attributes: attributeListOf(user),
      UserCreateDate: epochSeconds(user.createdAt),
      UserLastModifiedDate: epochSeconds(user.modifiedAt),
      Enabled: user.enabled,
      UserStatus: user.status,
    },
  };
}

/**
 * `Permanent: true` → CONFIRMED; otherwise FORCE_CHANGE_PASSWORD
 * (docs/reference/aws-wire-behaviour.md §1.3).
 */
export function adminSetUserPassword(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const user = findUser(pool, requireString(input, 'Username'));
  const password = requireString(input, 'Password');
  checkPassword(pool.passwordPolicy, password);
  setPassword(pool, user, password);
  user.status = optionalBoolean(input, 'Permanent') ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.modifiedAt = ctx.clock.now();
  return {};
}

export function adminGetUser(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const user = findUser(pool, requireString(input, 'Username'));
  return {
    Username: user.username,
    UserAttributes: attributeListOf(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  };
}

function setEnabled(ctx: OperationContext, input: Input, enabled: boolean) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const user = findUser(pool, requireString(input, 'Username'));
  user.enabled = enabled;
  user.modifiedAt = ctx.clock.now();
  return {};
}

export const adminDisableUser = (ctx: OperationContext, input: Input) =>
  setEnabled(ctx, input, false);
export const adminEnableUser = (ctx: OperationContext, input: Input) =>
  setEnabled(ctx, input, true);

/** `CreateGroup` (`GroupExistsException` text UNCONFIRMED). */
export function createGroup(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const name = requireString(input, 'GroupName');
  if (pool.groups.has(name)) {
    throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
  }
  const description = optionalString(input, 'Description');
  const precedence = optionalNumber(input, 'Precedence');
  const group = {
    name,
    createdAt: ctx.clock.now(),
    ...(description === undefined ? {} : { description }),
    ...(precedence === undefined ? {} : { precedence }),
  };
  pool.groups.set(name, group);
  return {
    Group: {
      GroupName: name,
      UserPoolId: pool.id,
      ...(description === undefined ? {} : { Description: description }),
      ...(precedence === undefined ? {} : { Precedence: precedence }),
      CreationDate: epochSeconds(group.createdAt),
      LastModifiedDate: epochSeconds(group.createdAt),
    },
  };
}

/**
 * `AdminAddUserToGroup`: the group must exist, as at AWS (create it with `CreateGroup`;
 * `Group not found.` text UNCONFIRMED). Groups appear in `cognito:groups` of new tokens.
 */
export function adminAddUserToGroup(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const user = findUser(pool, requireString(input, 'Username'));
  const name = requireString(input, 'GroupName');
  if (!pool.groups.has(name)) throw resourceNotFound('Group not found.');
  if (!user.groups.includes(name)) user.groups.push(name);
  return {};
}

/**
 * `AdminSetUserMFAPreference` for software tokens: enabling needs a verified token
 * (AssociateSoftwareToken + VerifySoftwareToken first; the error text is UNCONFIRMED).
 */
export function adminSetUserMfaPreference(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const user = findUser(pool, requireString(input, 'Username'));
  applyMfaPreference(user, optionalObject(input, 'SoftwareTokenMfaSettings'));
  return {};
}

export function applyMfaPreference(user: User, settings: Input | undefined): void {
  if (!settings) return;
  const enabled = optionalBoolean(settings, 'Enabled') ?? optionalBoolean(settings, 'PreferredMfa');
  if (enabled === undefined) return;
  if (enabled && !user.softwareToken?.verified) {
    throw invalidParameter('User has not verified software token mfa');
  }
  if (user.softwareToken) user.softwareToken.enabled = enabled;
}
