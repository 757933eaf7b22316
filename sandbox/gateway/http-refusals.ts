import type { GatewayAnswer, Refusal } from './answer.js';

/**
 * HTTP API answers (docs/reference/aws-wire-behaviour.md §3): 401 `{"message":"Unauthorized"}` with
 * a `www-authenticate` diagnostic, 403 `{"message":"Forbidden"}` for a missing scope (OBSERVED, not
 * documented), 404 `{"message":"Not Found"}` for an unknown route. HTTP APIs have no custom gateway
 * responses and send `apigw-requestid` instead of `x-amzn-RequestId`. Only the "valid audience"
 * description is documented; the other `error_description` texts are UNCONFIRMED and written in the
 * same style.
 */
export function httpRefusalAnswer(refusal: Refusal, requestId: string): GatewayAnswer {
  const headers = { 'content-type': 'application/json', 'apigw-requestid': requestId };
  switch (refusal.reason) {
    case 'no-route':
      return { status: 404, headers, body: '{"message":"Not Found"}' };
    case 'insufficient-scope':
      return {
        status: 403,
        headers: {
          ...headers,
          'www-authenticate': `Bearer scope="${refusal.scopes.join(' ')}" error="insufficient_scope" error_description="the token does not have the required scope"`,
        },
        body: '{"message":"Forbidden"}',
      };
    case 'invalid-api-key':
    case 'explicit-deny':
      // HTTP API Lambda authorizers are not modelled; a denial is the plain 403.
      return { status: 403, headers, body: '{"message":"Forbidden"}' };
    case 'expired':
    case 'unauthorized':
      return {
        status: 401,
        headers: {
          ...headers,
          'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${
            refusal.reason === 'expired' ? 'the token has expired' : 'the token is not valid'
          }"`,
        },
        body: '{"message":"Unauthorized"}',
      };
  }
}
