/**
 * The sandbox's Amazon Cognito user pool stand-in: the JSON API (`X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>`), per-pool JWKS, and sandbox-only paths.
 */
export { startCognito, type CognitoOptions, type CognitoStandIn } from './start-cognito.js';
export { secretHash } from './secret-hash.js';
export type { Clock } from './clock.js';
export type { DeliveredCode } from './outbox.js';
export type { TestTokenRequest } from './test-tokens.js';
export type { ThrottleConfig } from './throttle.js';
