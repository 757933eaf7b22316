import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { SpecError } from './spec-error.js';

/** A parsed OpenAPI 3.x or Swagger 2.0 document, as plain JSON data. */
export type SpecDocument = Record<string, unknown>;

/**
 * Reads an API Gateway export (JSON or YAML). JSON is parsed with `JSON.parse` because it is far
 * faster than the YAML parser on multi-megabyte exports.
 */
export async function readSpecFile(file: string): Promise<SpecDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecError(
      `cannot read the spec (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        file,
        hint: 'Pass the path of an OpenAPI or Swagger export with --spec',
      },
    );
  }
  return parseSpecText(text, file);
}

export function parseSpecText(text: string, file: string): SpecDocument {
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : yaml.load(text);
  } catch (error) {
    throw new SpecError(`not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`, {
      file,
      hint: 'Export the API again (aws apigateway get-export) or fix the syntax',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SpecError('the document is not an object', { file, pointer: '' });
  }
  const document = parsed as SpecDocument;
  // `swagger: 2.0` as a YAML/JSON number is the same version (AWS workshop files write it so).
  if (
    typeof document.openapi !== 'string' &&
    document.swagger !== '2.0' &&
    document.swagger !== 2
  ) {
    throw new SpecError('neither `openapi: 3.x` nor `swagger: "2.0"` is declared', {
      file,
      pointer: '',
      hint: 'The sandbox serves OpenAPI 3.x and Swagger 2.0 exports',
    });
  }
  if (typeof document.paths !== 'object' || document.paths === null) {
    throw new SpecError('the document has no `paths` object', { file, pointer: '/paths' });
  }
  return document;
}
