/**
 * The authorization matrix as requests (docs/authorization-matrix.md): for each rule, the allowed
 * personas' requests first (the controls: they must succeed), then every other persona's same
 * request on the owner's object, which must be refused as documented (BOLA: another user's object;
 * BFLA: an operation of another group). Objects are created for the run by their owner and deleted
 * at its end, so a write never touches data that existed before the run.
 */
import { authzVariables } from '../contract/authz-variables.js';
import type { AuthzModel, AuthzRule, OwnedObject } from '../model/authz-types.js';
import type { ApiModel, HttpMethod, Operation, TokenKind } from '../model/types.js';
import { slug } from '../model/slug.js';
import { contentId } from './content-id.js';
import {
  operationTitle,
  requestBody,
  requiredHeaders,
  requiredQuery,
  resolvePath,
} from './plan-positive-checks.js';

/** Where a created object is deleted at the end of the run: the id replaces `objectIdMarker`. */
export interface CleanupTarget {
  method: HttpMethod;
  path: string;
  /** JSON pointer of the new object's id in the creating answer. */
  idPointer: string;
}

export const objectIdMarker = authzVariables.objectIdMarker;

export interface AuthzRequest {
  id: string;
  name: string;
  operationId: string;
  /** `METHOD /path`, the matrix's row. */
  operation: string;
  persona: string;
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: { contentType: string; raw: string };
  tokenHeader: string;
  tokenKind: TokenKind;
  apiKey?: { header: string };
  gatewayKind: 'rest' | 'http';
  /** The collection variable holding the object id in the path: skipped while it is empty. */
  objectVariable?: string;
  /** The variable a rule's controls mark `passed`, which its refusals require. */
  controlVariable: string;
  expect:
    /** `control`: a delete rule's refusals follow the creation of the object they aim at. */
    | { mode: 'create'; status: number; objectVariable: string; control: boolean }
    | { mode: 'allowed'; status: number }
    | { mode: 'refused'; statuses: number[] };
  /** Set on requests that may create an object: it is deleted at the end of the run. */
  cleanup?: CleanupTarget;
  /** False for the set-up requests, which are not cells of the matrix. */
  inMatrix: boolean;
}

export interface AuthzPlan {
  personas: AuthzModel['personas'];
  requests: AuthzRequest[];
}

export function planAuthzChecks(model: ApiModel): AuthzPlan | undefined {
  const authz = model.authz;
  if (!authz) return undefined;
  const operations = new Map(model.operations.map((operation) => [operation.id, operation]));
  const get = (id: string): Operation => {
    const operation = operations.get(id);
    if (!operation) throw new Error(`authz plan: no operation ${id}`);
    return operation;
  };
  const requests = authz.rules.flatMap((rule) => planRule(model, authz, rule, get));
  return { personas: authz.personas, requests };
}

function planRule(
  model: ApiModel,
  authz: AuthzModel,
  rule: AuthzRule,
  get: (id: string) => Operation,
): AuthzRequest[] {
  const operation = get(rule.operationId);
  const object = authz.objects.find((candidate) => candidate.name === rule.object);
  const controlVariable = `gatecheck.authz.control.${contentId(model.slug, 'authz', rule.operationId)}`;
  const base = { model, operation, controlVariable, authz, get };
  if (!object) {
    return [
      ...rule.allow.map((persona) => request(base, persona, { mode: 'allowed' })),
      ...rule.refuse.map((persona) => request(base, persona, { mode: 'refused', rule })),
    ];
  }
  if (object.source.kind === 'fixed') {
    const id = object.source.ids[object.owner] ?? '';
    const fixed = { object, literalId: id };
    return [
      ...rule.allow.map((persona) => request(base, persona, { mode: 'allowed', ...fixed })),
      ...rule.refuse.map((persona) => request(base, persona, { mode: 'refused', rule, ...fixed })),
    ];
  }
  const variable = (suffix: string) =>
    `gatecheck.authz.object.${slug(rule.operationId)}${suffix ? `.${suffix}` : ''}`;
  if (operation.method !== 'delete') {
    const objectVariable = variable('');
    return [
      create(base, object, objectVariable, ''),
      ...rule.allow.map((persona) =>
        request(base, persona, { mode: 'allowed', object, objectVariable }),
      ),
      ...rule.refuse.map((persona) =>
        request(base, persona, { mode: 'refused', rule, object, objectVariable }),
      ),
    ];
  }
  // A delete removes its target: the refusals go first (each allowed persona's own object created
  // before, as their control), then each allowed persona deletes one, proving the refusals left it.
  const instances = rule.allow.map((persona) => ({ persona, objectVariable: variable(persona) }));
  const first = instances[0]?.objectVariable ?? variable('');
  return [
    ...(instances.length > 0 ? instances : [{ persona: '', objectVariable: first }]).map(
      (instance) =>
        create(
          base,
          object,
          instance.objectVariable,
          instance.persona && ` for ${instance.persona}`,
        ),
    ),
    ...rule.refuse.map((persona) =>
      request(base, persona, { mode: 'refused', rule, object, objectVariable: first }),
    ),
    ...instances.map((instance) =>
      request(base, instance.persona, {
        mode: 'allowed',
        object,
        objectVariable: instance.objectVariable,
      }),
    ),
  ];
}

interface Base {
  model: ApiModel;
  operation: Operation;
  controlVariable: string;
  authz: AuthzModel;
  get: (id: string) => Operation;
}

interface Target {
  object?: OwnedObject;
  objectVariable?: string;
  literalId?: string;
}

/** The owner creates an object for the rule; its id goes into `objectVariable`. */
function create(
  base: Base,
  object: OwnedObject,
  objectVariable: string,
  purpose: string,
): AuthzRequest {
  if (object.source.kind !== 'created') throw new Error('authz plan: object is not created');
  const creating = base.get(object.source.operationId);
  const planned = request({ ...base, operation: creating }, object.owner, { mode: 'allowed' });
  return {
    ...planned,
    id: contentId(base.model.slug, 'authz', base.operation.id, 'create', objectVariable),
    name: `authz · ${operationTitle(base.operation)} · ${object.owner} creates a ${object.name}${purpose}`,
    expect: {
      mode: 'create',
      status: creating.success.status,
      objectVariable,
      control: base.operation.method === 'delete',
    },
    controlVariable: base.controlVariable,
    inMatrix: false,
  };
}

function request(
  base: Base,
  persona: string,
  what: Target & ({ mode: 'allowed' } | { mode: 'refused'; rule: AuthzRule }),
): AuthzRequest {
  const { model, operation } = base;
  const protection = operation.protection;
  if (protection.kind !== 'cognito' && protection.kind !== 'jwt')
    throw new Error(`authz plan: ${operation.id} has no token authorizer`);
  const reserved = [protection.tokenHeader, ...(operation.apiKey ? [operation.apiKey.header] : [])];
  const objectPath = what.object
    ? operation.path.replace(
        `{${what.object.parameter}}`,
        what.objectVariable !== undefined
          ? `{{${what.objectVariable}}}`
          : encodeURIComponent(what.literalId ?? ''),
      )
    : operation.path;
  const body = requestBody(operation);
  const cleanup = cleanupFor(base, operation);
  const verdict = what.mode === 'allowed' ? 'allowed' : 'refused';
  return {
    id: contentId(model.slug, 'authz', operation.id, persona, verdict, what.objectVariable ?? ''),
    name: `authz · ${operationTitle(operation)} · ${persona} → ${verdict}`,
    operationId: operation.id,
    operation: operationTitle(operation),
    persona,
    method: operation.method,
    path: resolvePath(objectPath, operation.parameters),
    query: requiredQuery(operation),
    headers: requiredHeaders(operation, reserved),
    ...(body ? { body } : {}),
    tokenHeader: protection.tokenHeader,
    tokenKind: protection.tokenKind,
    ...(operation.apiKey ? { apiKey: { header: operation.apiKey.header } } : {}),
    gatewayKind: model.gatewayKind,
    ...(what.objectVariable !== undefined ? { objectVariable: what.objectVariable } : {}),
    controlVariable: base.controlVariable,
    expect:
      what.mode === 'allowed'
        ? { mode: 'allowed', status: operation.success.status }
        : { mode: 'refused', statuses: what.rule.refusal },
    ...(cleanup ? { cleanup } : {}),
    inMatrix: true,
  };
}

/** A request to an object's creating operation makes an object: deleted at the end of the run. */
function cleanupFor(base: Base, operation: Operation): CleanupTarget | undefined {
  const object = base.authz.objects.find(
    (candidate) =>
      candidate.source.kind === 'created' && candidate.source.operationId === operation.id,
  );
  if (!object || object.source.kind !== 'created' || !object.source.deleteOperationId)
    return undefined;
  const remove = base.get(object.source.deleteOperationId);
  return {
    method: remove.method,
    path: resolvePath(
      remove.path.replace(`{${object.parameter}}`, objectIdMarker),
      remove.parameters,
    ),
    idPointer: object.source.idPointer,
  };
}
