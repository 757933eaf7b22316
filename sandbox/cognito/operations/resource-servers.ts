import { invalidParameter, resourceNotFound } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { optionalString, requireString, type Input } from '../input.js';
import { findPool } from '../lookup.js';
import type { ResourceServer } from '../state.js';

function describeResourceServer(userPoolId: string, server: ResourceServer) {
  return {
    UserPoolId: userPoolId,
    Identifier: server.identifier,
    Name: server.name,
    Scopes: server.scopes.map((scope) => ({ ...scope })),
  };
}

/** `Scopes: [{ScopeName, ScopeDescription}]`; names may not contain `/` or spaces (botocore pattern). */
function readScopes(input: Input): ResourceServer['scopes'] {
  const value = input.Scopes;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidParameter('Scopes must be a list.');
  return value.map((entry: unknown) => {
    const scope = (entry ?? {}) as Input;
    const name = requireString(scope, 'ScopeName');
    if (!/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/.test(name)) {
      throw invalidParameter(`Invalid ScopeName: ${name}`);
    }
    return { ScopeName: name, ScopeDescription: optionalString(scope, 'ScopeDescription') ?? '' };
  });
}

/** CreateResourceServer: custom scopes `<Identifier>/<ScopeName>` for client credentials and users. */
export function createResourceServer(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const identifier = requireString(input, 'Identifier');
  if (pool.resourceServers.has(identifier)) {
    // Wording UNCONFIRMED; the exception type is what a duplicate identifier gets.
    throw invalidParameter(`A resource server with identifier ${identifier} already exists.`);
  }
  const server: ResourceServer = {
    identifier,
    name: requireString(input, 'Name'),
    scopes: readScopes(input),
  };
  pool.resourceServers.set(identifier, server);
  return { ResourceServer: describeResourceServer(pool.id, server) };
}

export function describeResourceServerOperation(ctx: OperationContext, input: Input) {
  const pool = findPool(ctx.state, requireString(input, 'UserPoolId'));
  const identifier = requireString(input, 'Identifier');
  const server = pool.resourceServers.get(identifier);
  if (!server) throw resourceNotFound(`Resource server ${identifier} does not exist.`);
  return { ResourceServer: describeResourceServer(pool.id, server) };
}
