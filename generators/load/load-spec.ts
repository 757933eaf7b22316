import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { InputError } from '../errors.js';
import { checkDocument } from './check-document.js';
import { checkRefs } from './check-refs.js';
import { parseSpecText } from './parse-text.js';
import { isUrl, readSource } from './read-source.js';
import { loadAuthz, type LoadedAuthz } from './load-authz.js';

export interface LoadedSpec {
  /** The file path or URL as the user gave it. */
  source: string;
  /** The document, bundled: external `$ref`s inlined, internal `$ref`s kept (so cycles stay cheap). */
  document: object;
  /** The authorization rules (personas and who may call what), when the API has any. */
  authz?: LoadedAuthz;
}

export interface LoadSpecOptions {
  /** The authorization rules file (`--authz`); default: `gatecheck.authz.yaml` beside the spec. */
  authzPath?: string;
}

/**
 * Reads a spec from a file path or an http(s) URL (JSON or YAML) and bundles it.
 *
 * Internal `$ref`s are kept as they are: full dereferencing would expand circular schemas (Stripe)
 * and copy shared ones many times over. Only a document that points at other files goes through
 * the parser's `bundle()`, which inlines them.
 */
export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const text = await readSource(source);
  let document = parseSpecText(text, source);
  checkDocument(document, source);
  if (checkRefs(document, source).hasExternalRefs) {
    document = await bundleExternalRefs(source, document as object);
    checkRefs(document, source);
  }
  const authz = loadAuthz(source, document as object, options.authzPath);
  return { source, document: document as object, ...(authz ? { authz } : {}) };
}

async function bundleExternalRefs(source: string, document: object): Promise<object> {
  const base = isUrl(source) ? source : new URL(source, `file://${process.cwd()}/`).pathname;
  try {
    return await SwaggerParser.bundle(base, document as OpenAPI.Document, {});
  } catch (error) {
    const detail = error as { message?: string; path?: (string | number)[] | null };
    const pointer = detail.path?.length ? `/${detail.path.join('/')}` : undefined;
    throw new InputError(
      `could not resolve an external $ref: ${(detail.message ?? String(error)).split('\n')[0]}`,
      { file: source, pointer, hint: 'Check that every referenced file exists and is valid' },
    );
  }
}
