import { invalidParameter } from '../cognito-error.js';
import type { AppClient } from '../state.js';

/** `AuthFlowType` (docs/reference/aws-wire-behaviour.md §1.4). */
export const authFlowNames = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

/** Flows InitiateAuth refuses with `Initiate Auth method not supported.` (getmoto/moto#4836). */
const adminOnly = ['ADMIN_NO_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH'];
/** ...and the one AdminInitiateAuth refuses the same way. */
const clientOnly = ['USER_PASSWORD_AUTH'];

export function checkFlowName(authFlow: string, admin: boolean): void {
  if (!authFlowNames.includes(authFlow)) {
    throw invalidParameter(
      `1 validation error detected: Value '${authFlow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${authFlowNames.join(', ')}]`,
    );
  }
  if ((admin ? clientOnly : adminOnly).includes(authFlow)) {
    throw invalidParameter('Initiate Auth method not supported.');
  }
}

/** Which `ExplicitAuthFlows` values (new `ALLOW_*` or legacy) enable each flow. */
const enablingValues: Record<string, string[]> = {
  USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH'],
  ADMIN_USER_PASSWORD_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ADMIN_NO_SRP_AUTH: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  USER_AUTH: ['ALLOW_USER_AUTH'],
  USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH'],
  CUSTOM_AUTH: ['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'],
  REFRESH_TOKEN_AUTH: ['ALLOW_REFRESH_TOKEN_AUTH'],
  REFRESH_TOKEN: ['ALLOW_REFRESH_TOKEN_AUTH'],
};

/**
 * The client's `ExplicitAuthFlows` must enable the flow. Texts: `USER_PASSWORD_AUTH flow not
 * enabled for this client` (observed) and, for every other flow, `Auth flow not enabled for this
 * client` (observed for the admin flow; UNCONFIRMED for the rest,
 * docs/reference/aws-wire-behaviour.md §1.2, §5). Legacy clients (no `ALLOW_*` value) can always
 * refresh.
 */
export function checkFlowEnabled(client: AppClient, authFlow: string): void {
  const flows = client.explicitAuthFlows;
  const legacyClient = !flows.some((flow) => flow.startsWith('ALLOW_'));
  if (authFlow.startsWith('REFRESH_TOKEN') && legacyClient) return;
  if ((enablingValues[authFlow] ?? []).some((value) => flows.includes(value))) return;
  throw invalidParameter(
    authFlow === 'USER_PASSWORD_AUTH'
      ? 'USER_PASSWORD_AUTH flow not enabled for this client'
      : 'Auth flow not enabled for this client',
  );
}
