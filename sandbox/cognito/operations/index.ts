import type { OperationContext } from '../context.js';
import type { Input } from '../input.js';
import {
  adminAddUserToGroup,
  adminCreateUser,
  adminDisableUser,
  adminEnableUser,
  adminGetUser,
  adminSetUserMfaPreference,
  adminSetUserPassword,
  createGroup,
} from './admin-users.js';
import { createUserPoolClient, describeUserPoolClient } from './app-clients.js';
import { adminInitiateAuth, initiateAuth } from './initiate-auth.js';
import {
  adminRespondToAuthChallenge,
  respondToAuthChallenge,
} from './respond-to-auth-challenge.js';
import { confirmSignUp, signUp } from './sign-up.js';
import {
  associateSoftwareToken,
  setUserMfaPreference,
  verifySoftwareToken,
} from './software-token.js';
import { createResourceServer, describeResourceServerOperation } from './resource-servers.js';
import {
  createUserPoolDomain,
  deleteUserPoolDomain,
  describeUserPoolDomain,
} from './user-pool-domains.js';
import { createUserPool } from './user-pools.js';
import { getUser, globalSignOut, revokeToken } from './user-tokens.js';

export interface Operation {
  /**
   * Admin and management operations need SigV4 (IAM) at AWS; the user-facing ones are
   * `smithy.api#noAuth` (docs/reference/aws-wire-behaviour.md §1.1).
   */
  signed: boolean;
  handle(ctx: OperationContext, input: Input): object | Promise<object>;
}

const signed = (handle: Operation['handle']): Operation => ({ signed: true, handle });
const open = (handle: Operation['handle']): Operation => ({ signed: false, handle });

/** The operations the stand-in answers, by the name after `AWSCognitoIdentityProviderService.`. */
export const operations: Record<string, Operation> = {
  CreateUserPool: signed(createUserPool),
  CreateUserPoolClient: signed(createUserPoolClient),
  DescribeUserPoolClient: signed(describeUserPoolClient),
  CreateResourceServer: signed(createResourceServer),
  DescribeResourceServer: signed(describeResourceServerOperation),
  CreateUserPoolDomain: signed(createUserPoolDomain),
  DescribeUserPoolDomain: signed(describeUserPoolDomain),
  DeleteUserPoolDomain: signed(deleteUserPoolDomain),
  CreateGroup: signed(createGroup),
  AdminCreateUser: signed(adminCreateUser),
  AdminSetUserPassword: signed(adminSetUserPassword),
  AdminGetUser: signed(adminGetUser),
  AdminDisableUser: signed(adminDisableUser),
  AdminEnableUser: signed(adminEnableUser),
  AdminAddUserToGroup: signed(adminAddUserToGroup),
  AdminSetUserMFAPreference: signed(adminSetUserMfaPreference),
  AdminInitiateAuth: signed(adminInitiateAuth),
  AdminRespondToAuthChallenge: signed(adminRespondToAuthChallenge),
  InitiateAuth: open(initiateAuth),
  RespondToAuthChallenge: open(respondToAuthChallenge),
  GetUser: open(getUser),
  GlobalSignOut: open(globalSignOut),
  RevokeToken: open(revokeToken),
  SignUp: open(signUp),
  ConfirmSignUp: open(confirmSignUp),
  AssociateSoftwareToken: open(associateSoftwareToken),
  VerifySoftwareToken: open(verifySoftwareToken),
  SetUserMFAPreference: open(setUserMfaPreference),
};
