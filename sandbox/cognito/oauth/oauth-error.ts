/**
 * An error of the OAuth 2.0 endpoints: RFC 6749 §5.2 names (`invalid_request`, `invalid_client`,
 * `invalid_grant`, `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`), sent as
 * `{"error": name}` with HTTP 400 by the token endpoint (docs/reference/aws-wire-behaviour.md
 * §1.10).
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status = 400,
  ) {
    super(error);
    this.name = 'OAuthError';
  }
}
