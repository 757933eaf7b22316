import type { TokenLifetimes } from '../types.js';
import type { PoolKeys } from './signing-keys.js';
import type { SrpVerifier } from './srp.js';

/**
 * The first factors a pool can offer to `USER_AUTH` (`AuthFactorType`,
 * docs/reference/aws-wire-behaviour.md §5).
 */
export const firstAuthFactors = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const;
export type FirstAuthFactor = (typeof firstAuthFactors)[number];

export type UserPoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS';
export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

export interface UserPool {
  id: string;
  name: string;
  arn: string;
  tier: UserPoolTier;
  allowedFirstAuthFactors: FirstAuthFactor[];
  mfaConfiguration: MfaConfiguration;
  passwordPolicy: PasswordPolicy;
  keys: PoolKeys;
  /**
   * Scopes a pre token generation trigger (event version V2/V3) adds to access tokens from API
   * sign-ins. Empty by default: such tokens then carry only `aws.cognito.signin.user.admin`
   * (docs/reference/aws-wire-behaviour.md §1.10).
   */
  preTokenGenerationScopes: string[];
  /** The user pool domain's prefix (CreateUserPoolDomain); its OAuth 2.0 endpoints need one. */
  domain?: string;
  /** Resource servers by identifier: their scopes are `<identifier>/<ScopeName>`. */
  resourceServers: Map<string, ResourceServer>;
  /** Keyed by lower-cased user name: new pools are case-insensitive by default. */
  users: Map<string, User>;
  groups: Map<string, Group>;
  clients: Map<string, AppClient>;
  createdAt: number;
}

export interface ResourceServer {
  identifier: string;
  name: string;
  scopes: { ScopeName: string; ScopeDescription: string }[];
}

/**
 * An app client's OAuth 2.0 settings (`UserPoolClientType`, docs/reference/aws-wire-behaviour.md
 * §1.10).
 */
export interface OAuthSettings {
  /** `code`, `implicit`, `client_credentials`. */
  flows: string[];
  scopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** `AllowedOAuthFlowsUserPoolClient`: false means the OAuth endpoints refuse the client. */
  enabled: boolean;
}

export interface Group {
  name: string;
  description?: string;
  precedence?: number;
  createdAt: number;
}

export interface AppClient {
  clientId: string;
  clientName: string;
  userPoolId: string;
  clientSecret?: string;
  explicitAuthFlows: string[];
  /** Minutes a sign-in session string stays valid (3–15, default 3). */
  authSessionValidity: number;
  /** Seconds; undefined = the stand-in's configured lifetimes. */
  validity: Partial<TokenLifetimes>;
  /** As given at creation, echoed by DescribeUserPoolClient. */
  described: Record<string, unknown>;
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  oauth: OAuthSettings;
  createdAt: number;
}

export interface SoftwareToken {
  /** Base32 secret. */
  secret: string;
  verified: boolean;
  enabled: boolean;
}

export interface User {
  username: string;
  sub: string;
  /** Attribute name → value, in the order given (never contains `sub`). */
  attributes: Map<string, string>;
  password?: string;
  /** Salt and SRP verifier of the current password, set whenever the password is. */
  srp?: SrpVerifier;
  status: UserStatus;
  enabled: boolean;
  groups: string[];
  softwareToken?: SoftwareToken;
  /** Sign-up confirmation code waiting to be entered. */
  confirmationCode?: string;
  /** `origin_jti` of every authentication, so GlobalSignOut can revoke them all. */
  origins: Set<string>;
  createdAt: number;
  modifiedAt: number;
}

export interface RefreshTokenRecord {
  userPoolId: string;
  clientId: string;
  username: string;
  originJti: string;
  /**
   * Epoch seconds of the original authentication; refreshed tokens keep it
   * (docs/reference/aws-wire-behaviour.md §1.7).
   */
  authTime: number;
  /** Epoch ms. */
  expiresAt: number;
  /** Scopes granted by the OAuth 2.0 endpoints; undefined for API sign-ins. */
  scopes?: string[];
}

/** A code from `/oauth2/authorize`, redeemable once at `/oauth2/token`. */
export interface AuthorizationCode {
  userPoolId: string;
  clientId: string;
  username: string;
  redirectUri: string;
  scopes: string[];
  /** PKCE (RFC 7636): S256 challenge, when the authorize request gave one. */
  codeChallenge?: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Everything the stand-in remembers; in memory only, gone when it stops. */
export interface CognitoState {
  pools: Map<string, UserPool>;
  /** Client id → client, across pools (client ids are globally unique at AWS too). */
  clients: Map<string, AppClient>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** `origin_jti` values revoked by GlobalSignOut / RevokeToken. */
  revokedOrigins: Set<string>;
  /** Short names for pools (`main`, `other`) usable in sandbox-only requests. */
  poolAliases: Map<string, string>;
  /** User pool domain prefix → pool id (domains are unique across pools). */
  domains: Map<string, string>;
  authorizationCodes: Map<string, AuthorizationCode>;
}

export function createState(): CognitoState {
  return {
    pools: new Map(),
    clients: new Map(),
    refreshTokens: new Map(),
    revokedOrigins: new Set(),
    poolAliases: new Map(),
    domains: new Map(),
    authorizationCodes: new Map(),
  };
}

/** Seconds since the epoch, as JWT time claims and AWS JSON timestamps use. */
export const epochSeconds = (ms: number) => Math.floor(ms / 1000);
