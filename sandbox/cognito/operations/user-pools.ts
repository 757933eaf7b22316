import { invalidParameter } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { userPoolId } from '../ids.js';
import {
  optionalObject,
  optionalString,
  optionalStringList,
  requireString,
  type Input,
} from '../input.js';
import { defaultPasswordPolicy } from '../password-policy.js';
import {
  epochSeconds,
  firstAuthFactors,
  type FirstAuthFactor,
  type MfaConfiguration,
  type PasswordPolicy,
  type UserPool,
  type UserPoolTier,
} from '../state.js';

const tiers: readonly string[] = ['LITE', 'ESSENTIALS', 'PLUS'];
const mfaConfigurations: readonly string[] = ['OFF', 'ON', 'OPTIONAL'];

function enumValue<T extends string>(member: string, value: string, allowed: readonly string[]): T {
  if (!allowed.includes(value)) {
    throw invalidParameter(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value as T;
}

function passwordPolicy(policies: Input | undefined): PasswordPolicy {
  const given = optionalObject(policies ?? {}, 'PasswordPolicy') ?? {};
  return { ...defaultPasswordPolicy, ...(given as Partial<PasswordPolicy>) };
}

/**
 * `Policies.SignInPolicy.AllowedFirstAuthFactors` ⊆ PASSWORD / EMAIL_OTP / SMS_OTP / WEB_AUTHN;
 * default PASSWORD only (docs/reference/aws-wire-behaviour.md §5).
 */
function allowedFirstAuthFactors(policies: Input | undefined): FirstAuthFactor[] {
  const signIn = optionalObject(policies ?? {}, 'SignInPolicy') ?? {};
  const factors = optionalStringList(signIn, 'AllowedFirstAuthFactors') ?? ['PASSWORD'];
  return factors.map((factor) =>
    enumValue<FirstAuthFactor>(
      'policies.signInPolicy.allowedFirstAuthFactors',
      factor,
      firstAuthFactors,
    ),
  );
}

/** The parts of `UserPoolType` the stand-in models. */
export function describeUserPool(pool: UserPool) {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    Policies: {
      PasswordPolicy: pool.passwordPolicy,
      SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors },
    },
    MfaConfiguration: pool.mfaConfiguration,
    UserPoolTier: pool.tier,
    EstimatedNumberOfUsers: pool.users.size,
    CreationDate: epochSeconds(pool.createdAt),
    LastModifiedDate: epochSeconds(pool.createdAt),
  };
}

/** `CreateUserPool`: id `<region>_<9 alnum>`; tier defaults to ESSENTIALS, as for new pools. */
export function createUserPool(ctx: OperationContext, input: Input) {
  const name = requireString(input, 'PoolName');
  const policies = optionalObject(input, 'Policies');
  const tier = enumValue<UserPoolTier>(
    'userPoolTier',
    optionalString(input, 'UserPoolTier') ?? 'ESSENTIALS',
    tiers,
  );
  const mfa = enumValue<MfaConfiguration>(
    'mfaConfiguration',
    optionalString(input, 'MfaConfiguration') ?? 'OFF',
    mfaConfigurations,
  );
  const id = userPoolId(ctx.settings.region);
  const pool: UserPool = {
    id,
    name,
    arn: `arn:aws:cognito-idp:${ctx.settings.region}:000000000000:userpool/${id}`,
    tier,
    allowedFirstAuthFactors: allowedFirstAuthFactors(policies),
    mfaConfiguration: mfa,
    passwordPolicy: passwordPolicy(policies),
    keys: ctx.keys.forPool(),
    preTokenGenerationScopes: [...ctx.settings.preTokenGenerationScopes],
    resourceServers: new Map(),
    users: new Map(),
    groups: new Map(),
    clients: new Map(),
    createdAt: ctx.clock.now(),
  };
  ctx.state.pools.set(id, pool);
  return { UserPool: describeUserPool(pool) };
}
