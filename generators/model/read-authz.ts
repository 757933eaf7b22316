/**
 * Resolves the authorization rules (load/load-authz.ts) against the API: every operation named by
 * `operationId` or `METHOD /path`, every persona named in a rule declared, every owned object's
 * parameter a path parameter. A wrong name is an InputError at its pointer in the rules file.
 */
import { InputError } from '../errors.js';
import type { LoadedAuthz } from '../load/load-authz.js';
import type { AuthzModel, AuthzRule, OwnedObject, Persona } from './authz-types.js';
import { pointerJoin, valueAt } from '../load/json-pointer.js';
import type { Operation } from './types.js';

interface RawPersona {
  groups?: string[];
}
interface RawObject {
  parameter: string;
  owner: string;
  create?: { operation: string; id?: string };
  delete?: string;
  fixed?: Record<string, string>;
}
interface RawRule {
  allow: string[];
  object?: string;
  refusal?: number | number[];
}

export function readAuthz(
  loaded: LoadedAuthz,
  operations: readonly Operation[],
  specDocument: unknown,
): AuthzModel {
  const at = (...tokens: string[]) => pointerJoin(loaded.pointer, ...tokens);
  const fail = (message: string, pointer: string, hint: string): never => {
    const position = loaded.locate?.(pointer);
    throw new InputError(`authorization rules: ${message}`, {
      file: loaded.source,
      pointer,
      hint,
      ...(position ? { position } : {}),
    });
  };
  const personas = readPersonas(loaded);
  const known = new Set(personas.map((persona) => persona.name));
  const checkPersona = (name: string, pointer: string) => {
    if (!known.has(name))
      fail(
        `unknown persona "${name}"`,
        pointer,
        `Declare it under personas: ${[...known].join(', ')}`,
      );
  };
  const findOperation = (key: string, pointer: string): Operation =>
    operations.find((operation) => matches(operation, key)) ??
    fail(
      `unknown operation "${key}"`,
      pointer,
      'Name an operation by its operationId or as "METHOD /path", as `gatecheck inspect` lists them',
    );

  const rawObjects = (loaded.document.objects ?? {}) as Record<string, RawObject>;
  const objects: OwnedObject[] = Object.entries(rawObjects).map(([name, raw]) => {
    checkPersona(raw.owner, at('objects', name, 'owner'));
    let source: OwnedObject['source'];
    if (raw.create) {
      const create = findOperation(
        raw.create.operation,
        at('objects', name, 'create', 'operation'),
      );
      const remove = raw.delete
        ? findOperation(raw.delete, at('objects', name, 'delete')).id
        : undefined;
      source = {
        kind: 'created',
        operationId: create.id,
        idPointer: raw.create.id ?? `/${raw.parameter}`,
        ...(remove ? { deleteOperationId: remove } : {}),
      };
    } else {
      const ids = raw.fixed ?? {};
      for (const persona of Object.keys(ids))
        checkPersona(persona, at('objects', name, 'fixed', persona));
      if (!ids[raw.owner])
        fail(
          `no fixed id for the owner "${raw.owner}"`,
          at('objects', name, 'fixed'),
          'Give the id of an object the owner owns',
        );
      source = { kind: 'fixed', ids };
    }
    return { name, parameter: raw.parameter, owner: raw.owner, source };
  });

  const rawRules = loaded.document.operations as Record<string, RawRule>;
  const rules: AuthzRule[] = Object.entries(rawRules).map(([key, raw]) => {
    const pointer = at('operations', key);
    const operation = findOperation(key, pointer);
    if (operation.protection.kind !== 'cognito' && operation.protection.kind !== 'jwt')
      fail(
        `${operation.method.toUpperCase()} ${operation.path} is not behind a Cognito or JWT authorizer`,
        pointer,
        'Personas call operations with their tokens: name only operations an authorizer protects',
      );
    raw.allow.forEach((name, index) => checkPersona(name, pointerJoin(pointer, 'allow', index)));
    if (raw.object !== undefined) {
      const object = objects.find((candidate) => candidate.name === raw.object);
      if (!object)
        fail(
          `unknown object "${raw.object}"`,
          pointerJoin(pointer, 'object'),
          'Declare it under objects',
        );
      else if (!operation.path.includes(`{${object.parameter}}`))
        fail(
          `${operation.method} ${operation.path} has no path parameter "${object.parameter}"`,
          pointerJoin(pointer, 'object'),
          "Name an object whose parameter is in this operation's path",
        );
      else if (
        object.source.kind === 'fixed' &&
        !['get', 'head', 'options'].includes(operation.method)
      )
        // A write aimed at a fixed id would change data that exists outside the run.
        fail(
          `${operation.method.toUpperCase()} ${operation.path} would change a fixed object`,
          pointerJoin(pointer, 'object'),
          'Give the object a "create" operation, so writes aim only at objects made for the run',
        );
    }
    return {
      operationId: operation.id,
      allow: raw.allow,
      refuse: personas.map((persona) => persona.name).filter((name) => !raw.allow.includes(name)),
      ...(raw.object !== undefined ? { object: raw.object } : {}),
      refusal: refusalStatuses(raw.refusal, operation, specDocument),
      origin: { file: loaded.source, pointer },
    };
  });
  return { source: loaded.source, personas, objects, rules };
}

/** The personas alone (what `provision` needs): names, groups, credential variables. */
export function readPersonas(loaded: LoadedAuthz): Persona[] {
  const rawPersonas = loaded.document.personas as Record<string, RawPersona>;
  return Object.entries(rawPersonas).map(([name, raw]) => ({
    name,
    groups: raw.groups ?? [],
    usernameEnv: `GATECHECK_${name.toUpperCase()}_USERNAME`,
    passwordEnv: `GATECHECK_${name.toUpperCase()}_PASSWORD`,
  }));
}

function matches(operation: Operation, key: string): boolean {
  if (operation.id === key) return true;
  const [method, ...rest] = key.trim().split(/\s+/);
  return method?.toLowerCase() === operation.method && rest.join(' ') === operation.path;
}

/**
 * The rule's refusal, else what the spec documents (403 and/or 404 among the operation's
 * responses), else either: an API may hide another's object (404) or forbid it (403).
 */
function refusalStatuses(
  rule: number | number[] | undefined,
  operation: Operation,
  specDocument: unknown,
): number[] {
  if (rule !== undefined) return Array.isArray(rule) ? rule : [rule];
  const responses = valueAt(specDocument, pointerJoin(operation.origin.pointer, 'responses'));
  const documented = [403, 404].filter(
    (status) => responses && typeof responses === 'object' && String(status) in responses,
  );
  return documented.length > 0 ? documented : [403, 404];
}
