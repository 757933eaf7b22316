import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import type { Input } from '../input.js';
import { operations } from '../operations/index.js';
import type { Throttle } from '../throttle.js';
import { readBody, sendCognitoError, sendOutput } from './wire.js';

const targetPrefix = 'AWSCognitoIdentityProviderService.';

/**
 * Any `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...` header
 * passes: the sandbox accepts any credentials, it only insists that admin calls are signed.
 */
function isSigned(req: IncomingMessage): boolean {
  const authorization = req.headers.authorization ?? '';
  return (
    /^AWS4-HMAC-SHA256 /.test(authorization) &&
    /Credential=/.test(authorization) &&
    /Signature=/.test(authorization)
  );
}

function parseInput(body: string): Input {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Coral's error for a body that is not JSON (text UNCONFIRMED).
    throw new CognitoError('SerializationException', 'Request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CognitoError('SerializationException', 'Request body must be a JSON object.');
  }
  return parsed as Input;
}

/**
 * `POST /` with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`. Unknown targets:
 * `UnknownOperationException`; unsigned admin calls: `MissingAuthenticationTokenException`
 * `Missing Authentication Token` (the text AWS SDKs surface, aws/aws-aspnet-cognito-identity-provider#66;
 * status 400 UNCONFIRMED). The content type is not enforced.
 */
export async function handleApiCall(
  ctx: OperationContext,
  throttle: Throttle,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const target = String(req.headers['x-amz-target'] ?? '');
    const name = target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : '';
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    const body = await readBody(req);
    if (!operation) {
      throw new CognitoError(
        'UnknownOperationException',
        `Unknown operation ${target || '(no X-Amz-Target)'}.`,
      );
    }
    if (operation.signed && !isSigned(req)) {
      throw new CognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    throttle.check(name);
    sendOutput(res, await operation.handle(ctx, parseInput(body)));
  } catch (error) {
    if (error instanceof CognitoError) return sendCognitoError(res, error);
    const message = error instanceof Error ? error.message : String(error);
    sendCognitoError(
      res,
      new CognitoError('InternalErrorException', `Internal error: ${message}`),
      500,
    );
  }
}
