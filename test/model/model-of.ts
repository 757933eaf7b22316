import { checkDocument } from '../../generators/load/check-document.js';
import { buildModel, type BuildModelOptions } from '../../generators/model/build-model.js';
import type { ApiModel } from '../../generators/model/types.js';

/** Given a tiny inline spec, the model gatecheck builds of it (no file involved). */
export function modelOf(document: object, options: BuildModelOptions = {}): ApiModel {
  const source = 'fixture.json';
  return buildModel({ source, document, specVersion: checkDocument(document, source) }, options);
}

/** An OpenAPI 3.0 document with one GET `/things` operation and the given extras merged in. */
export function oas3(
  extra: Record<string, unknown> = {},
  operation: Record<string, unknown> = {},
): object {
  return {
    openapi: '3.0.1',
    info: { title: 'Fixture', version: '1' },
    servers: [{ url: 'https://api.example.com/prod' }],
    paths: { '/things': { get: { responses: { '200': { description: 'ok' } }, ...operation } } },
    ...extra,
  };
}

export function warningCodes(model: ApiModel): string[] {
  return model.warnings.map((warning) => warning.code);
}
