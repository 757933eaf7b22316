import { pointerJoin, refPointer, valueAt } from '../load/json-pointer.js';
import type { ApiModel, JsonPointer, Origin, Warning, WarningCode } from './types.js';

/**
 * What every reader shares while one model is built: the document, where it came from, and the
 * warnings collected so far. Built once in `buildModel`; readers stay plain functions of it.
 */
export interface ModelContext {
  readonly document: Record<string, unknown>;
  readonly source: string;
  readonly specVersion: ApiModel['specVersion'];
  readonly securityReading: ApiModel['securityReading'];
  readonly warnings: Warning[];
}

export function createContext(
  document: Record<string, unknown>,
  source: string,
  specVersion: ApiModel['specVersion'],
  securityReading: ApiModel['securityReading'] = 'openapi',
): ModelContext {
  return { document, source, specVersion, securityReading, warnings: [] };
}

export function originOf(context: ModelContext, pointer: JsonPointer): Origin {
  return { file: context.source, pointer };
}

export function warn(
  context: ModelContext,
  code: WarningCode,
  message: string,
  pointer: JsonPointer,
): void {
  context.warnings.push({ code, message, origin: originOf(context, pointer) });
}

/** A node of the document and the pointer it lives at (after following `$ref`s). */
export interface Located<T = unknown> {
  value: T;
  pointer: JsonPointer;
}

/**
 * Follows a chain of local `$ref`s to the object it ends in. The loader has already checked that
 * every local `$ref` resolves and that no chain is a cycle, so a miss here only means "not there".
 */
export function deref(context: ModelContext, value: unknown, pointer: JsonPointer): Located {
  let node = value;
  let at = pointer;
  for (let hops = 0; hops < 64; hops += 1) {
    const ref = asRecord(node)?.$ref;
    const target = typeof ref === 'string' ? refPointer(ref) : undefined;
    if (target === undefined) break;
    node = valueAt(context.document, target);
    at = target;
  }
  return { value: node, pointer: at };
}

/** The child `key` of a located object, with its pointer. */
export function child(parent: Located, key: string | number): Located {
  return {
    value: asRecord(parent.value)?.[String(key)],
    pointer: pointerJoin(parent.pointer, key),
  };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
