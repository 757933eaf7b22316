import { asRecord, asString, child, deref, type Located, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import { exampleFor, toWireString } from './read-examples.js';
import type { ParameterValue } from './types.js';

/** What a probe of a greedy `{proxy+}` path sends: a two-segment path that shows the greediness. */
export const greedyPathExample = 'gatecheck/probe';

/** Parameters of one operation, merged: the operation's own override the path item's (same name and `in`). */
export function collectParameters(
  context: ModelContext,
  pathItem: Located,
  operation: Located,
): Located[] {
  const byKey = new Map<string, Located>();
  for (const list of [child(pathItem, 'parameters'), child(operation, 'parameters')]) {
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((item: unknown, index) => {
      const located = deref(context, item, pointerJoin(list.pointer, index));
      const record = asRecord(located.value);
      const name = asString(record?.name);
      const where = asString(record?.in);
      if (name === undefined || where === undefined) return;
      byKey.set(`${where}:${where === 'header' ? name.toLowerCase() : name}`, located);
    });
  }
  return [...byKey.values()];
}

/**
 * The values a request needs: every path parameter of the template (declared or not), and the
 * required query and header parameters. Headers gatecheck sets itself (the token and API key
 * headers) are left out: checks decide what those carry.
 */
export function readParameters(
  context: ModelContext,
  path: string,
  parameters: Located[],
  ownHeaders: string[],
): ParameterValue[] {
  const values: ParameterValue[] = [];
  const declared = (where: string, name: string) =>
    parameters.find((p) => asRecord(p.value)?.in === where && asRecord(p.value)?.name === name);
  for (const match of path.matchAll(/\{([^}+]+)(\+?)\}/g)) {
    const name = match[1] ?? '';
    const greedy = match[2] === '+';
    const parameter = declared('path', name);
    const example = greedy
      ? greedyPathExample
      : parameter === undefined
        ? ''
        : toWireString(exampleFor(context, parameter, schemaOf(parameter)));
    values.push({ name, in: 'path', required: true, example: example === '' ? 'sample' : example });
  }
  const skipped = new Set(ownHeaders.map((header) => header.toLowerCase()));
  for (const parameter of parameters) {
    const record = asRecord(parameter.value) ?? {};
    const where = record.in;
    const name = asString(record.name) ?? '';
    if ((where !== 'query' && where !== 'header') || record.required !== true) continue;
    if (where === 'header' && skipped.has(name.toLowerCase())) continue;
    values.push({
      name,
      in: where,
      required: true,
      example: toWireString(exampleFor(context, parameter, schemaOf(parameter))),
    });
  }
  return values;
}

/** Parameter fields that are not schema keywords (Swagger 2 mixes the two in one object). */
const parameterOnly = new Set([
  'name',
  'in',
  'required',
  'description',
  'allowEmptyValue',
  'collectionFormat',
]);

/**
 * OpenAPI 3 parameters hold a `schema`; Swagger 2 (and some API Gateway exports that mix the two)
 * put `type`/`enum`/`default` on the parameter itself.
 */
export function schemaOf(parameter: Located): Located {
  const record = asRecord(parameter.value) ?? {};
  if (record.schema !== undefined) return child(parameter, 'schema');
  const schema = Object.fromEntries(
    Object.entries(record).filter(([key]) => !parameterOnly.has(key)),
  );
  return { value: schema, pointer: parameter.pointer };
}
