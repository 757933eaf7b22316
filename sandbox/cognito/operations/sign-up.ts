import { CognitoError, notAuthorized } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { numericCode } from '../ids.js';
import { attributeList, optionalString, requireString, type Input } from '../input.js';
import { findClient, findUser, poolOf } from '../lookup.js';
import { maskDestination, type DeliveryMedium } from '../outbox.js';
import { checkPassword } from '../password-policy.js';
import { checkSecretHash } from '../secret-hash.js';
import type { User } from '../state.js';
import { addUser, newUser } from './admin-users.js';

function deliveryFor(
  user: User,
): { medium: DeliveryMedium; attribute: string; destination: string } | undefined {
  const email = user.attributes.get('email');
  if (email) return { medium: 'EMAIL', attribute: 'email', destination: email };
  const phone = user.attributes.get('phone_number');
  if (phone) return { medium: 'SMS', attribute: 'phone_number', destination: phone };
  return undefined;
}

/**
 * `SignUp`: an UNCONFIRMED user and a 6-digit confirmation code in the outbox (email if the user
 * has one, else SMS). `UsernameExistsException` text `User already exists` (UNCONFIRMED).
 */
export function signUp(ctx: OperationContext, input: Input) {
  const client = findClient(ctx.state, requireString(input, 'ClientId'));
  const pool = poolOf(ctx.state, client);
  const username = requireString(input, 'Username');
  checkSecretHash(client, username, optionalString(input, 'SecretHash'));
  const password = optionalString(input, 'Password');
  if (password !== undefined) checkPassword(pool.passwordPolicy, password);
  const user = newUser(
    ctx,
    pool,
    username,
    attributeList(input, 'UserAttributes'),
    'UNCONFIRMED',
    password,
  );
  addUser(pool, user, 'User already exists');
  const delivery = deliveryFor(user);
  user.confirmationCode = numericCode(6);
  if (delivery) {
    ctx.outbox.deliver({
      username,
      userPoolId: pool.id,
      medium: delivery.medium,
      code: user.confirmationCode,
    });
  }
  const session = ctx.sessions.open(
    { userPoolId: pool.id, clientId: client.clientId, username, step: 'SIGN_UP' },
    client.authSessionValidity,
  );
  return {
    UserConfirmed: false,
    UserSub: user.sub,
    ...(delivery
      ? {
          CodeDeliveryDetails: {
            Destination: maskDestination(delivery.medium, delivery.destination),
            DeliveryMedium: delivery.medium,
            AttributeName: delivery.attribute,
          },
        }
      : {}),
    Session: session,
  };
}

/**
 * `ConfirmSignUp`: confirms the user, marks the address the code went to as verified, and returns
 * a `Session` that signs the user in through `InitiateAuth` `USER_AUTH` without a second code
 * (docs/reference/aws-wire-behaviour.md §5). Texts for a wrong code and a confirmed user are
 * UNCONFIRMED.
 */
export function confirmSignUp(ctx: OperationContext, input: Input) {
  const client = findClient(ctx.state, requireString(input, 'ClientId'));
  const pool = poolOf(ctx.state, client);
  const username = requireString(input, 'Username');
  const code = requireString(input, 'ConfirmationCode');
  checkSecretHash(client, username, optionalString(input, 'SecretHash'));
  const user = findUser(pool, username);
  if (user.status !== 'UNCONFIRMED') {
    throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  }
  if (code !== user.confirmationCode) {
    throw new CognitoError(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  }
  user.status = 'CONFIRMED';
  delete user.confirmationCode;
  const delivery = deliveryFor(user);
  if (delivery) user.attributes.set(`${delivery.attribute}_verified`, 'true');
  user.modifiedAt = ctx.clock.now();
  const session = ctx.sessions.open(
    {
      userPoolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      step: 'CONFIRMED_SIGN_UP',
    },
    client.authSessionValidity,
  );
  return { Session: session };
}
