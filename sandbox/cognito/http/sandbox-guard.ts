/**
 * Who may use the sandbox-only paths (one-time codes, TOTP codes, test tokens, throttling): only
 * a request with the sandbox's own secret in `sandboxSecretHeader`, sent to the server by its
 * loopback name and port. The secret keeps out other users of the machine (the port is open to
 * every local process); the Host check keeps out web pages, which reach 127.0.0.1 only under
 * another name (DNS rebinding) and cannot choose the Host header.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sandboxSecretHeader } from '../../types.js';

export const sandboxPathPrefix = '/__sandbox/';

export interface SandboxGuard {
  secret: string;
  /** `127.0.0.1:<port>` and `localhost:<port>`. */
  hosts: string[];
}

/** Why the request is refused, or undefined when it may go on. */
export function refuseSandboxRequest(
  guard: SandboxGuard,
  req: IncomingMessage,
): string | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!guard.hosts.includes(host))
    return `Sandbox-only paths answer only requests to ${guard.hosts.join(' or ')}.`;
  const given = req.headers[sandboxSecretHeader];
  if (typeof given !== 'string' || !sameSecret(given, guard.secret))
    return `Sandbox-only paths need the sandbox's secret in the ${sandboxSecretHeader} header.`;
  return undefined;
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
