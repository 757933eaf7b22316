/**
 * The sandbox: the Cognito stand-in and the API Gateway stand-in on 127.0.0.1, provisioned through
 * the real Cognito SDK client, ready for a generated collection to run against.
 */
import { randomBytes } from 'node:crypto';
import { startCognito, type CognitoStandIn } from './cognito/index.js';
import { startGateway, type Gateway } from './gateway/start-gateway.js';
import {
  cognitoClient,
  provisionMainPool,
  provisionOtherPool,
  provisionSecondPool,
} from './provision.js';
import { provisionPersonas } from './provision-personas.js';
import { readGatewaySpec } from './spec/read-gateway-spec.js';
import type { Sandbox, SandboxOptions } from './types.js';

export type {
  Sandbox,
  SandboxOptions,
  SandboxPersona,
  SandboxUser,
  Fault,
  FaultName,
} from './types.js';
export { faultNames, sandboxPaths, sandboxSecretHeader } from './types.js';
export { SpecError } from './spec/spec-error.js';

/**
 * Starts Cognito and the gateway, provisions a trusted pool (users by role, group `admin`), a pool
 * the gateway does not trust, and an API key. API sign-in access tokens carry only
 * `aws.cognito.signin.user.admin`, as AWS issues them (docs/reference/aws-wire-behaviour.md
 * §1.10): methods with other scopes need tokens of the OAuth 2.0 endpoints. Only with
 * `preTokenGenerationTrigger: true` does the trusted pool model a pre token generation trigger
 * (V2, Essentials tier) that adds every scope the spec's methods require to API sign-in access
 * tokens.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const spec = await readGatewaySpec(options.specPath);
  const region = options.region ?? 'us-east-1';
  const cognito = await startCognito({
    region,
    ...(options.cognitoPort !== undefined ? { port: options.cognitoPort } : {}),
    ...(options.tokenLifetimes ? { tokenLifetimes: options.tokenLifetimes } : {}),
    ...(options.testSecret !== undefined ? { testSecret: options.testSecret } : {}),
    ...(options.preTokenGenerationTrigger === true
      ? { preTokenGenerationScopes: spec.requiredScopes }
      : {}),
  });
  if (options.faults?.some((fault) => fault.name === 'pkce-not-verified'))
    cognito.setOAuthFaults({ pkceNotVerified: true });
  let gateway: Gateway | undefined;
  try {
    const client = cognitoClient(cognito.endpoint, region);
    const provisionOptions = {
      endpoint: cognito.endpoint,
      region,
      clientSecret: options.clientSecret ?? false,
      ...(options.passwords ? { passwords: options.passwords } : {}),
    };
    const [main, other, second] = await Promise.all([
      provisionMainPool(client, {
        ...provisionOptions,
        specScopes: spec.requiredScopes,
        ...(spec.appClientAuthFlows ? { appClientAuthFlows: spec.appClientAuthFlows } : {}),
      }),
      provisionOtherPool(client, provisionOptions),
      spec.userPools.length > 1 ? provisionSecondPool(client, provisionOptions) : undefined,
    ]);
    const personas = await provisionPersonas(client, main.userPoolId, options.passwords);
    client.destroy();
    cognito.aliasPool('main', main.userPoolId);
    cognito.aliasPool('other', other.userPoolId);
    if (second) cognito.aliasPool('pool2', second.userPoolId);

    const apiKey = randomBytes(30).toString('base64url').slice(0, 40);
    const mainUser = main.users.find((user) => user.role === 'main');
    gateway = await startGateway({
      spec,
      ...(options.stage !== undefined ? { stage: options.stage } : {}),
      ...(options.gatewayPort !== undefined ? { port: options.gatewayPort } : {}),
      trust: {
        issuers: [cognito.issuer(main.userPoolId)],
        // Client credentials tokens name the machine client: an HTTP API that lists it as an
        // audience accepts them.
        audience: [
          main.clientId,
          ...(main.oauth?.machineClient ? [main.oauth.machineClient.clientId] : []),
        ],
        isSandboxIssuer: (issuer) => issuer.startsWith(`${cognito.url}/`),
        // The spec's first pool is the main pool; the second (and any further) the second pool.
        ...(second
          ? {
              poolIssuers: Object.fromEntries(
                spec.userPools.map((pool, index) => [
                  pool,
                  cognito.issuer(index === 0 ? main.userPoolId : second.userPoolId),
                ]),
              ),
            }
          : {}),
      },
      apiKeys: [apiKey],
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(mainUser
        ? {
            seedOwner: {
              username: mainUser.username,
              ...(main.subs[mainUser.username] ? { sub: main.subs[mainUser.username] } : {}),
            },
          }
        : {}),
    });
    return {
      ...sandboxOf(cognito, gateway, main, other, apiKey, region),
      ...(second
        ? {
            secondPool: {
              userPoolId: second.userPoolId,
              clientId: second.clientId,
              issuer: cognito.issuer(second.userPoolId),
              username: second.username,
              password: second.password,
            },
          }
        : {}),
      personas,
    };
  } catch (error) {
    await gateway?.stop();
    await cognito.stop();
    throw error;
  }
}

function sandboxOf(
  cognito: CognitoStandIn,
  gateway: Gateway,
  main: Awaited<ReturnType<typeof provisionMainPool>>,
  other: Awaited<ReturnType<typeof provisionOtherPool>>,
  apiKey: string,
  region: string,
): Omit<Sandbox, 'personas'> {
  return {
    cognitoEndpoint: cognito.endpoint,
    sandboxUrl: cognito.url,
    testSecret: cognito.testSecret,
    apiBaseUrl: gateway.apiBaseUrl,
    stage: gateway.stage,
    region,
    userPoolId: main.userPoolId,
    issuer: cognito.issuer(main.userPoolId),
    clientId: main.clientId,
    ...(main.appClientAuthFlows ? { appClientAuthFlows: main.appClientAuthFlows } : {}),
    ...(main.clientSecret ? { clientSecret: main.clientSecret } : {}),
    cognitoDomain: cognito.domainUrl(main.oauth?.domainPrefix ?? ''),
    ...(main.oauth?.machineClient ? { machineClient: main.oauth.machineClient } : {}),
    setOAuthFaults: (faults) => cognito.setOAuthFaults(faults),
    otherPool: {
      userPoolId: other.userPoolId,
      clientId: other.clientId,
      issuer: cognito.issuer(other.userPoolId),
      username: other.username,
      password: other.password,
    },
    apiKey,
    users: main.users,
    setFaults: (faults) => {
      gateway.setFaults(faults);
      cognito.setOAuthFaults({
        pkceNotVerified: faults.some((fault) => fault.name === 'pkce-not-verified'),
      });
    },
    stop: async () => {
      await Promise.all([gateway.stop(), cognito.stop()]);
    },
  };
}
