/**
 * Signing in through the user pool's managed login (Hosted UI) from a terminal: the authorization
 * code grant with PKCE (S256) and a loopback redirect (RFC 8252 §7.3). The person opens the
 * printed `/oauth2/authorize` URL, signs in, the browser comes back to
 * `http://127.0.0.1:<port>/callback`, and the code is redeemed at `/oauth2/token` with its
 * verifier (docs/reference/aws-wire-behaviour.md §1.10). The verifier, the code and the tokens
 * stay in this process.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';
import { networkCode, requestTokens } from './oauth-token-endpoint.js';
import type { SdkTokens } from './sdk-sign-in.js';

export interface HostedUiOptions {
  domain: string;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
  /** Loopback port of the redirect; 0 = a free port. */
  port: number;
  /** `127.0.0.1` (default) or `localhost`, as the app client's CallbackURLs spell it. */
  redirectHost?: string;
  /** Called once the redirect listens, with the URL the person opens. */
  onAuthorizeUrl: (url: string, redirectUri: string) => void;
  /** How long to wait for the browser (default 5 minutes, an authorization code's lifetime). */
  waitMs?: number;
}

/** The loopback port the sandbox's app client registers (`http://127.0.0.1:8765/callback`). */
export const defaultRedirectPort = 8765;

const codeChallenge = (verifier: string) =>
  createHash('sha256').update(verifier).digest('base64url');

/** What to change for each error Cognito's authorize endpoint answers with. */
function authorizeHint(error: string, redirectUri: string): string {
  switch (error) {
    case 'redirect_mismatch':
      return `Add ${redirectUri} to the app client's CallbackURLs, or pass --port (and --redirect-host) to match one it has`;
    case 'unauthorized_client':
      return 'Add "code" to the app client\'s AllowedOAuthFlows and set AllowedOAuthFlowsUserPoolClient to true (UpdateUserPoolClient)';
    case 'invalid_scope':
      return "Ask only for scopes in the app client's AllowedOAuthScopes (--scope)";
    case 'invalid_request':
      return 'Check GATECHECK_CLIENT_ID: it must be an app client of the pool this domain belongs to';
    default:
      return 'Check the app client id, its callback URLs and the scopes';
  }
}

function refused(error: string, redirectUri: string, description?: string | null): InputError {
  return new InputError(
    `Cognito's authorize endpoint refused the sign-in: ${error}${description ? ` (${description})` : ''}`,
    { hint: authorizeHint(error, redirectUri) },
  );
}

/**
 * Asks the authorize endpoint once before the person is sent there, so a client without the code
 * flow, an unregistered callback or an unknown scope is one line here rather than an error page
 * in the browser. Cognito redirects errors to the callback (`?error=`) once the callback is known
 * good, and to its own `/error?error=` page otherwise (redirect_mismatch).
 */
async function preflight(authorizeUrl: string, redirectUri: string, domain: string) {
  let response: Response;
  try {
    response = await fetch(authorizeUrl, { redirect: 'manual' });
  } catch (error) {
    throw new InputError(
      `cannot reach the user pool domain ${domain} (${networkCode(error) ?? 'no answer'})`,
      {
        hint: 'Check --domain or GATECHECK_COGNITO_DOMAIN: https://<prefix>.auth.<region>.amazoncognito.com (create one with CreateUserPoolDomain)',
      },
    );
  }
  const location = response.headers.get('location');
  const text = await response.text();
  if (response.status >= 300 && response.status < 400 && location) {
    const target = new URL(location, authorizeUrl);
    const error = target.searchParams.get('error');
    const toCallback = `${target.origin}${target.pathname}` === redirectUri;
    if (error && (toCallback || target.pathname.endsWith('/error'))) {
      throw refused(error, redirectUri, target.searchParams.get('error_description'));
    }
    return;
  }
  if (response.status === 404) {
    throw new InputError(`no user pool domain answers at ${domain} (HTTP 404)`, {
      hint: 'Check --domain or GATECHECK_COGNITO_DOMAIN: the prefix must be the one DescribeUserPool shows (create one with CreateUserPoolDomain)',
    });
  }
  if (response.status >= 400) {
    const shown = /id="error">([^<]+)</.exec(text)?.[1] ?? /error=([a-z_]+)/.exec(text)?.[1];
    throw refused(shown ?? `HTTP ${response.status}`, redirectUri);
  }
}

interface Callback {
  code: string;
}

/** The loopback redirect: resolves with the code of the request that carries our `state`. */
function awaitCallback(server: Server, state: string, redirectUri: string): Promise<Callback> {
  return new Promise((resolve, reject) => {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== new URL(redirectUri).pathname) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const page = (status: number, text: string) =>
        res
          .writeHead(status, {
            'Content-Type': 'text/plain; charset=utf-8',
            'Cache-Control': 'no-store',
          })
          .end(`${text}\n`);
      // A request without our state is not the answer to our authorize request (RFC 6749 §10.12).
      if (url.searchParams.get('state') !== state) {
        page(400, 'gatecheck: this sign-in was not started here; the terminal is still waiting.');
        return;
      }
      const error = url.searchParams.get('error');
      if (error) {
        page(400, `gatecheck: Cognito answered ${error}; see the terminal.`);
        reject(refused(error, redirectUri, url.searchParams.get('error_description')));
        return;
      }
      const code = url.searchParams.get('code');
      if (!code) {
        page(400, 'gatecheck: the redirect carried no code; see the terminal.');
        reject(new InputError('the redirect carried neither a code nor an error'));
        return;
      }
      page(200, 'gatecheck: signed in. You can close this tab and go back to the terminal.');
      resolve({ code });
    });
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new InputError(
              `port ${port} on 127.0.0.1 is in use, so the redirect cannot listen there`,
              {
                hint: 'Stop what listens there, or pass --port with another port registered in the app client’s CallbackURLs',
              },
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function signInWithHostedUi(options: HostedUiOptions): Promise<SdkTokens> {
  const server = createServer();
  const port = await listen(server, options.port);
  try {
    const redirectUri = `http://${options.redirectHost ?? '127.0.0.1'}:${port}/callback`;
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const authorize = new URL(`${options.domain}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: redirectUri,
      ...(options.scopes.length > 0 ? { scope: options.scopes.join(' ') } : {}),
      state,
      code_challenge: codeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    await preflight(authorize.toString(), redirectUri, options.domain);
    const waitMs = options.waitMs ?? 5 * 60 * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new InputError(
              `no sign-in came back to ${redirectUri} within ${Math.round(waitMs / 1000)} s`,
              {
                hint: 'Open the printed URL in a browser on this machine and sign in, then run the command again',
              },
            ),
          ),
        waitMs,
      );
    });
    const answered = awaitCallback(server, state, redirectUri);
    options.onAuthorizeUrl(authorize.toString(), redirectUri);
    let callback: Callback;
    try {
      callback = await Promise.race([answered, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return await requestTokens({
      domain: options.domain,
      clientId: options.clientId,
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      grant: 'authorization_code',
      fields: { code: callback.code, redirect_uri: redirectUri, code_verifier: verifier },
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
