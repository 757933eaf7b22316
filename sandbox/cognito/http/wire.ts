import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CognitoError } from '../cognito-error.js';

/**
 * The awsJson1_1 content type of every Cognito request and response
 * (docs/reference/aws-wire-behaviour.md §1.1).
 */
export const amzJson = 'application/x-amz-json-1.1';

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A successful operation: 200, its output shape as JSON, a request id. */
export function sendOutput(res: ServerResponse, output: object): void {
  send(res, 200, amzJson, JSON.stringify(output), { 'x-amzn-RequestId': randomUUID() });
}

/**
 * An error exactly as Cognito sends it: 400, `{"__type","message"}`, `x-amzn-ErrorType` with its
 * trailing colon, `x-amzn-ErrorMessage`, `x-amzn-RequestId` (docs/reference/aws-wire-behaviour.md
 * §1.2; localstack#3201 quoting real AWS). Every client error travels as 400 whatever the Smithy
 * model's httpError says.
 */
export function sendCognitoError(res: ServerResponse, error: CognitoError, status = 400): void {
  send(res, status, amzJson, JSON.stringify({ __type: error.type, message: error.message }), {
    'x-amzn-ErrorType': `${error.type}:`,
    // Header values must be printable ASCII; messages can quote request values.
    'x-amzn-ErrorMessage': error.message.replace(/[^\x20-\x7e]/g, '?'),
    'x-amzn-RequestId': randomUUID(),
  });
}

/** Plain JSON for the non-AWS parts (JWKS, sandbox-only paths). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body));
}

/** The request body as text; bodies over 1 MiB are refused. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('Request body too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
