/**
 * Reads the authorization rules file (`gatecheck.authz.yaml` beside the spec, or `--authz FILE`):
 * YAML or JSON, checked against its schema (authz-schema.ts). Only this stage touches the file; the
 * model resolves its names against the spec (model/read-authz.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { jsYaml } from './js-yaml-package.js';
import { isUrl } from './read-source.js';
import { checkAuthzDocument } from './authz-schema.js';
import { sourceLocator, type Locate } from './source-position.js';

/** The file name looked for beside the spec when no `--authz` is given (after `<spec>.authz.yaml`). */
export const authzFileName = 'gatecheck.authz.yaml';

/** `users-api.authz.yaml`, then `gatecheck.authz.yaml`, in the spec's folder. */
export function authzCandidates(specSource: string): string[] {
  if (isUrl(specSource)) return [];
  const dir = dirname(specSource);
  const stem = basename(specSource, extname(specSource));
  return [join(dir, `${stem}.authz.yaml`), join(dir, authzFileName)];
}

export interface LoadedAuthz {
  /** The file the rules came from, or `<spec>#/x-gatecheck-authz`. */
  source: string;
  /** JSON pointer of the rules inside `source` ('' for a rules file). */
  pointer: string;
  document: Record<string, unknown>;
  /** Line and column of a pointer in a rules file's text (for `file:line:column` in errors). */
  locate?: Locate;
}

/**
 * The rules for a spec: the explicit file (which must exist), else a file beside the spec, else
 * the spec's `x-gatecheck-authz` extension, else none (no BOLA/BFLA checks).
 */
export function loadAuthz(
  specSource: string,
  specDocument: object,
  explicitPath?: string,
): LoadedAuthz | undefined {
  const path = explicitPath ?? authzCandidates(specSource).find((file) => existsSync(file));
  if (path) return { source: path, pointer: '', ...readAuthzFile(path) };
  const extension = (specDocument as Record<string, unknown>)['x-gatecheck-authz'];
  if (extension === undefined) return undefined;
  checkAuthzDocument(extension, specSource, '/x-gatecheck-authz');
  return {
    source: specSource,
    pointer: '/x-gatecheck-authz',
    document: extension as Record<string, unknown>,
  };
}

function readAuthzFile(path: string): { document: Record<string, unknown>; locate: Locate } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('cannot read the authorization rules file', {
      file: path,
      hint: 'Check the --authz path',
    });
  }
  let document: unknown;
  try {
    const yaml = jsYaml();
    document = yaml.load(text, { filename: path, schema: yaml.JSON_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    throw new InputError('the authorization rules are not valid YAML', {
      file: path,
      hint: 'Fix the YAML syntax (see docs/authorization-matrix.md)',
      ...(mark?.line !== undefined
        ? { position: { line: mark.line + 1, column: (mark.column ?? 0) + 1 } }
        : {}),
    });
  }
  const locate = sourceLocator(text);
  checkAuthzDocument(document, path, '', locate);
  return { document: document as Record<string, unknown>, locate };
}
