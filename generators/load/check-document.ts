import { InputError } from '../errors.js';

/** The spec versions gatecheck reads; later 3.x minors are read as 3.1. */
export type SpecVersion = '2.0' | '3.0' | '3.1';

/**
 * The minimum a document must have to be read as an API description: a Swagger 2.0 or OpenAPI 3.x
 * version marker and a `paths` object. Everything else is read leniently, with warnings.
 */
export function checkDocument(document: unknown, source: string): SpecVersion {
  const hint =
    'Give an OpenAPI 3.x or Swagger 2.0 description, e.g. from `aws apigateway get-export`';
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError('not an OpenAPI or Swagger document (the file holds no object)', {
      file: source,
      hint,
    });
  }
  const record = document as Record<string, unknown>;
  const version = specVersion(record);
  if (version === undefined) {
    const found = record.openapi ?? record.swagger;
    throw new InputError(
      found === undefined
        ? 'not an OpenAPI or Swagger document (no `openapi` or `swagger` field)'
        : `unsupported spec version ${JSON.stringify(found)}`,
      {
        file: source,
        pointer: found === undefined ? '' : record.openapi !== undefined ? '/openapi' : '/swagger',
        hint,
      },
    );
  }
  const paths = record.paths;
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) {
    throw new InputError('the spec has no `paths` object, so there is nothing to check', {
      file: source,
      pointer: '/paths',
      hint: 'Export the API with its resources and methods',
    });
  }
  return version;
}

function specVersion(record: Record<string, unknown>): SpecVersion | undefined {
  // `"swagger": 2.0` written as a number (YAML `swagger: 2.0`, hand-written AWS workshop files) is
  // the same version; JSON cannot tell 2.0 from 2, and no Swagger 2 or 2.x other than 2.0 exists.
  if (record.swagger === '2.0' || record.swagger === 2) return '2.0';
  const openapi = typeof record.openapi === 'string' ? record.openapi : '';
  if (/^3\.0(\.|$)/.test(openapi)) return '3.0';
  // 3.1 and later 3.x minors share 3.1's JSON Schema dialect, which is what the reader cares about.
  if (/^3\.[1-9]\d*(\.|$)/.test(openapi)) return '3.1';
  return undefined;
}
