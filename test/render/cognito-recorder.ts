/**
 * A pass-through in front of the Cognito stand-in on 127.0.0.1: it records which step each call
 * was and how Cognito answered, and may rewrite a request on the way (to make Cognito answer in a
 * way its configuration alone cannot, e.g. a PASSWORD challenge after a USER_AUTH InitiateAuth).
 * Only names are recorded, never a password, code, session or token.
 */
import { createServer, type Server } from 'node:http';
import { listenLocally } from '../support/local-server.js';

type Json = Record<string, unknown>;

export interface RecordedCall {
  /** `InitiateAuth`, `RespondToAuthChallenge`, ... (from `X-Amz-Target`). */
  operation: string;
  /** `AuthFlow` of an InitiateAuth, `ChallengeName` of a RespondToAuthChallenge. */
  step: string;
  /** The factor chosen in a SELECT_CHALLENGE answer (`ChallengeResponses.ANSWER`). */
  answer?: string;
  /** What Cognito answered: `tokens`, the challenge name, or the error `__type`. */
  outcome: string;
}

export interface CognitoRecorder {
  /** Endpoint for the collection's `cognitoEndpoint` (trailing slash, as Cognito's). */
  endpoint: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

/** Changes a request body before it reaches Cognito; gets the operation name. */
export type Rewrite = (operation: string, body: Json) => Json;

export async function startCognitoRecorder(
  target: string,
  rewrite: Rewrite = (_operation, body) => body,
): Promise<CognitoRecorder> {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const targetHeader = String(request.headers['x-amz-target'] ?? '');
      const operation = targetHeader.split('.').pop() ?? '';
      const body = rewrite(operation, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json);
      void fetch(target, {
        method: 'POST',
        headers: {
          'X-Amz-Target': targetHeader,
          'Content-Type': String(request.headers['content-type'] ?? ''),
        },
        body: JSON.stringify(body),
      }).then(
        async (answer) => {
          const text = await answer.text();
          calls.push({ operation, ...stepOf(body), outcome: outcomeOf(text) });
          response
            .writeHead(answer.status, {
              'Content-Type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1',
            })
            .end(text);
        },
        (error: Error) => response.writeHead(502).end(error.message),
      );
    });
  });
  const { url, close } = await listenLocally(server);
  return { endpoint: `${url}/`, calls, close };
}

function stepOf(body: Json): Pick<RecordedCall, 'step' | 'answer'> {
  const responses = (body.ChallengeResponses ?? {}) as Json;
  return {
    step: String(body.AuthFlow ?? body.ChallengeName ?? ''),
    ...(typeof responses.ANSWER === 'string' ? { answer: responses.ANSWER } : {}),
  };
}

function outcomeOf(text: string): string {
  const answer = JSON.parse(text) as Json;
  if (answer.AuthenticationResult) return 'tokens';
  return String(answer.ChallengeName ?? answer.__type ?? 'unknown');
}

/** Drops one AuthParameters entry from every USER_AUTH InitiateAuth. */
export function withoutAuthParameter(name: string): Rewrite {
  return (operation, body) => {
    if (operation !== 'InitiateAuth' || body.AuthFlow !== 'USER_AUTH') return body;
    const parameters = { ...(body.AuthParameters as Json) };
    delete parameters[name];
    return { ...body, AuthParameters: parameters };
  };
}
