import { InputError } from '../errors.js';
import { asRecord, child, type Located, type ModelContext } from './context.js';
import type { Operation, SecurityAlternatives } from './types.js';

/**
 * An operation's `security`: its own when it has one (even `[]`), else the top-level default.
 * Kept as OpenAPI means it: an OR of alternatives, each an AND of schemes with scopes.
 */
export function readOperationSecurity(
  context: ModelContext,
  operation: Located,
): { security: SecurityAlternatives; securitySource: Operation['securitySource'] } {
  const own = child(operation, 'security');
  if (own.value !== undefined) {
    return { security: readSecurity(context, own), securitySource: 'operation' };
  }
  const global: Located = { value: context.document.security, pointer: '/security' };
  if (global.value !== undefined) {
    return { security: readSecurity(context, global), securitySource: 'global' };
  }
  return { security: [], securitySource: 'none' };
}

/** `[{cognito: ['scope']}, {}]` → `[[{scheme: 'cognito', scopes: ['scope']}], []]`. */
export function readSecurity(context: ModelContext, located: Located): SecurityAlternatives {
  const hint =
    'A security requirement is a list of objects mapping scheme names to scope lists, e.g. [{"cognito": []}]';
  if (!Array.isArray(located.value)) {
    throw new InputError('`security` must be a list of requirement objects', {
      file: context.source,
      pointer: located.pointer,
      hint,
    });
  }
  return located.value.map((alternative, index) => {
    const requirement = asRecord(alternative);
    if (requirement === undefined) {
      throw new InputError('a security requirement must be an object', {
        file: context.source,
        pointer: `${located.pointer}/${index}`,
        hint,
      });
    }
    return Object.entries(requirement).map(([scheme, scopes]) => ({
      scheme,
      scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    }));
  });
}

/**
 * Operation-level API key hints some exports and hand-written specs carry besides an `api_key`
 * security requirement (API Gateway's own method setting is `apiKeyRequired`).
 */
export function readApiKeyRequired(operation: Located): boolean {
  const record = asRecord(operation.value) ?? {};
  return (
    record['x-amazon-apigateway-api-key-required'] === true ||
    record.apiKeyRequired === true ||
    record['x-apiKeyRequired'] === true
  );
}
