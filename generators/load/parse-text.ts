import { InputError } from '../errors.js';
import { jsYaml } from './js-yaml-package.js';

/**
 * Parses spec text as JSON (when it looks like JSON) or YAML.
 *
 * Parsed here rather than by the ref parser because its JSON path swallows the syntax error
 * ("... is not a valid Openapi API definition") and loses the line and column the user needs.
 * YAML uses js-yaml's JSON schema, as the ref parser does, so dates and versions stay strings.
 */
export function parseSpecText(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) return parseJson(body, source);
  const yaml = jsYaml();
  try {
    return yaml.load(body, { schema: yaml.JSON_SCHEMA, filename: source });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const { line, column } = error.mark ?? { line: 0, column: 0 };
      throw new InputError(
        `invalid YAML at line ${line + 1}, column ${column + 1}: ${error.reason}`,
        { file: source, hint: 'Fix the YAML syntax at that place' },
      );
    }
    if (error instanceof RangeError) throw tooDeep(source);
    throw error;
  }
}

/** js-yaml reads nesting recursively: a 100,000-deep flow sequence exhausts the stack. */
function tooDeep(source: string): InputError {
  return new InputError('the spec nests too deeply to read', {
    file: source,
    hint: 'An API export is never built like this; give the exported spec itself',
  });
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(source);
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : ` at ${lineColumn(text, Number(position))}`;
    throw new InputError(
      `invalid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      {
        file: source,
        hint: 'Fix the JSON syntax at that place',
      },
    );
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
