/** What the gateway writes back: status, headers and the exact body bytes. */
export interface GatewayAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Why the gateway refused a request, before any integration ran. */
export type Refusal =
  | { reason: 'unauthorized' }
  | { reason: 'expired' }
  | { reason: 'insufficient-scope'; scopes: string[] }
  | { reason: 'invalid-api-key' }
  /** A Lambda authorizer's policy denied the call. */
  | { reason: 'explicit-deny' }
  | { reason: 'no-route'; authorization?: string };
