import { checkDocument, type SpecVersion } from './check-document.js';
import { checkRefs } from './check-refs.js';
import { checkStructure } from './check-structure.js';
import { bundleExternalRefs, checkRefAllowed } from './external-refs.js';
import type { LoadOptions } from './load-options.js';
import { parseSpecText } from './parse-text.js';
import { readSource } from './read-source.js';
import { loadAuthz, type LoadedAuthz } from './load-authz.js';

export type { LoadOptions } from './load-options.js';

export interface LoadedSpec {
  /** The file path or URL as the user gave it. */
  source: string;
  /** The document, bundled: external `$ref`s inlined, internal `$ref`s kept (so cycles stay cheap). */
  document: object;
  /** The version the document declares, checked once here so later stages need not look again. */
  specVersion: SpecVersion;
  /** The authorization rules (personas and who may call what), when the API has any. */
  authz?: LoadedAuthz;
}

export interface LoadSpecOptions extends LoadOptions {
  /** The authorization rules file (`--authz`); default: `gatecheck.authz.yaml` beside the spec. */
  authzPath?: string;
}

/**
 * Reads a spec from a file path or an http(s) URL (JSON or YAML) and bundles it.
 *
 * Internal `$ref`s are kept as they are: full dereferencing would expand circular schemas (Stripe)
 * and copy shared ones many times over. Only a document that points at other files goes through
 * the parser's `bundle()`, which inlines them, and only when the user allowed that kind of `$ref`
 * (`LoadOptions`): otherwise the first external `$ref` is refused, naming it and the flag.
 */
export async function loadSpec(source: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const text = await readSource(source, options);
  let document = parseSpecText(text, source);
  checkStructure(document, source);
  const specVersion = checkDocument(document, source);
  const survey = checkRefs(document, source);
  if (survey.hasExternalRefs) {
    for (const { ref, pointer } of survey.externalRefs) {
      checkRefAllowed(ref, { file: source, pointer: `${pointer}/$ref` }, source, options);
    }
    document = await bundleExternalRefs(source, document as object, options);
    checkStructure(document, source);
    checkRefs(document, source);
  }
  const authz = loadAuthz(source, document as object, options.authzPath);
  return { source, document: document as object, specVersion, ...(authz ? { authz } : {}) };
}
