import { invalidParameter, resourceNotFound } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { requireString, type Input } from '../input.js';
import { findPool } from '../lookup.js';

/**
 * CreateUserPoolDomain with a prefix domain (`<prefix>.auth.<region>.amazoncognito.com` at AWS):
 * lower-case letters, digits and hyphens, not containing `aws`, `amazon` or `cognito` (developer
 * guide, "Using the Amazon Cognito domain"). One domain per pool; texts UNCONFIRMED.
 */
export function createUserPoolDomain(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const domain = requireString(input, 'Domain');
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domain) || /aws|amazon|cognito/.test(domain)) {
    throw invalidParameter(`Domain ${domain} is not a valid domain prefix.`);
  }
  if (pool.domain !== undefined)
    throw invalidParameter('User pool already has a domain configured.');
  if (ctx.state.domains.has(domain)) {
    throw invalidParameter('Domain already associated with another user pool.');
  }
  pool.domain = domain;
  ctx.state.domains.set(domain, pool.id);
  return {};
}

export function describeUserPoolDomain(ctx: OperationContext, input: Input) {
  const domain = requireString(input, 'Domain');
  const userPoolId = ctx.state.domains.get(domain);
  if (userPoolId === undefined) return { DomainDescription: {} };
  const pool = findPool(ctx.state, userPoolId);
  return {
    DomainDescription: {
      UserPoolId: pool.id,
      AWSAccountId: '000000000000',
      Domain: domain,
      Status: 'ACTIVE',
      Version: '1',
    },
  };
}

export function deleteUserPoolDomain(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const domain = requireString(input, 'Domain');
  if (pool.domain !== domain) throw resourceNotFound(`Domain ${domain} does not exist.`);
  ctx.state.domains.delete(domain);
  delete pool.domain;
  return {};
}
