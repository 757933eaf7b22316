/**
 * `--operation` / `--tag`: the model narrowed to some operations, so only their checks are
 * generated. An operation is selected when its id (`operationId`, or `METHOD /path` without one)
 * is named, or when it carries a named tag. A name that matches nothing is an input error: a typo
 * must not silently generate nothing.
 */
import { InputError } from '../errors.js';
import type { AuthzModel, AuthzRule } from './authz-types.js';
import type { ApiModel, Operation } from './types.js';

export interface OperationSelection {
  /** Operation ids (or `METHOD /path`), any of which selects an operation. */
  operations?: readonly string[];
  /** Tags, any of which selects an operation. */
  tags?: readonly string[];
}

export function isEmptySelection(selection: OperationSelection | undefined): boolean {
  return (selection?.operations?.length ?? 0) === 0 && (selection?.tags?.length ?? 0) === 0;
}

/** `METHOD /path` as the operation folders are named. */
function titleOf(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

function named(operation: Operation, name: string): boolean {
  return operation.id === name || titleOf(operation).toLowerCase() === name.toLowerCase();
}

export function selectOperations(
  model: ApiModel,
  selection: OperationSelection,
  source: string,
): ApiModel {
  if (isEmptySelection(selection)) return model;
  const ids = selection.operations ?? [];
  const tags = selection.tags ?? [];
  for (const id of ids) {
    if (!model.operations.some((operation) => named(operation, id))) {
      throw new InputError(`no operation "${id}"`, {
        file: source,
        pointer: '/paths',
        hint: `Name one of: ${model.operations.map((operation) => operation.id).join(', ')}`,
      });
    }
  }
  const known = new Set(model.operations.flatMap((operation) => operation.tags));
  for (const tag of tags) {
    if (!known.has(tag)) {
      throw new InputError(`no operation is tagged "${tag}"`, {
        file: source,
        pointer: '/paths',
        hint:
          known.size > 0 ? `Tags in the spec: ${[...known].join(', ')}` : 'The spec has no tags',
      });
    }
  }
  const operations = model.operations.filter(
    (operation) =>
      ids.some((id) => named(operation, id)) || operation.tags.some((tag) => tags.includes(tag)),
  );
  const selected = new Set(operations.map((operation) => operation.id));
  const narrowed: ApiModel = { ...model, operations };
  delete narrowed.authz;
  const authz = authzFor(model, selected);
  return authz ? { ...narrowed, authz } : narrowed;
}

/**
 * The authorization rules of the selected operations, keeping only those whose object the run can
 * still create and delete (the creating operation must be selected too).
 */
function authzFor(model: ApiModel, selected: Set<string>): AuthzModel | undefined {
  const authz = model.authz;
  if (!authz) return undefined;
  const usable = (rule: AuthzRule) => {
    if (!selected.has(rule.operationId)) return false;
    const object = authz.objects.find((candidate) => candidate.name === rule.object);
    if (!object || object.source.kind === 'fixed') return true;
    const { operationId, deleteOperationId } = object.source;
    return selected.has(operationId) && (!deleteOperationId || selected.has(deleteOperationId));
  };
  const rules = authz.rules.filter(usable);
  return rules.length > 0 ? { ...authz, rules } : undefined;
}
