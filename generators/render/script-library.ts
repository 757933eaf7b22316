/**
 * The collection's script library: every check's code, defined ONCE in the collection pre-request
 * script as the global `gatecheck` object, which each item's scripts call with their own data
 * (`gatecheck.negative.prerequest(pm, {...})`). The library is real JavaScript under
 * `scripts/library/`, concatenated in a fixed order after one line of per-collection constants
 * (rendered through the `json` helper like every other value).
 *
 * Why a global: postman-sandbox keeps a sloppy-mode global assigned by the collection pre-request
 * script for the item's scripts of the same request. Why every function takes `pm`: each script
 * gets its own `pm`, and a function defined by the collection script would otherwise keep that
 * script's `pm` (no response, wrong event) when an item's test script calls it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxPaths } from '../../sandbox/types.js';
import {
  editedSubject,
  gatewayAnswers,
  stateVariablePrefixes,
  trapErrorTypes,
  wrongApiKey,
} from './negative-script-data.js';
import { renderScript, scriptsDir } from './render-script.js';
import { runVariables } from './run-variables.js';

/** Library fragments in the order they are defined (each adds to `gatecheck`). */
export const libraryFiles = [
  'run-state.js',
  'base64url.js',
  'srp.js',
  'cognito-client.js',
  'sign-in.js',
  'sign-in-on-demand.js',
  'forge-token.js',
  'positive-check.js',
  'control-check.js',
  'negative-check.js',
  'public-check.js',
  'unchecked-check.js',
  'revocation-check.js',
  'authz-check.js',
  'run-guard.js',
] as const;

/** What the library reads from `gatecheck.constants`: one spelling of each name, from TypeScript. */
export const libraryConstants = {
  runVariables,
  stateVariablePrefixes,
  sandboxPaths,
  wrongApiKey,
  editedSubject,
  trapErrorTypes,
  gatewayAnswers,
};

/**
 * A fragment as written into collections: its comment-only lines left out (they are most of the
 * library's size, and the library is in every collection); the commented source is the file.
 */
export function withoutCommentLines(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

let cachedCode: string | undefined;

/** The library's code (the fragments), the same for every collection. */
function libraryCode(): string {
  cachedCode ??= libraryFiles
    .map(
      (file) =>
        `// scripts/library/${file}\n${withoutCommentLines(readFileSync(join(scriptsDir, 'library', file), 'utf8'))}`,
    )
    .join('\n\n');
  return cachedCode;
}

/**
 * The library's text: one block that defines `gatecheck` (constants, the collection's response
 * schemas as `gatecheck.schemas`, then the fragments) unless the sandbox already holds this very
 * library. The schemas travel in the script, not in a collection variable: the sandbox receives
 * every collection variable with every script it runs, and a script's text only where it runs.
 * `build` names the library's content, so a sandbox kept from another collection is redefined.
 */
export function scriptLibrary(schemas: Record<string, unknown> = {}): string {
  const code = libraryCode();
  const build = createHash('sha256')
    .update(code)
    .update(JSON.stringify(libraryConstants))
    .update(JSON.stringify(schemas))
    .digest('hex')
    .slice(0, 16);
  return renderScript(
    'collection/library.js.hbs',
    { build, constants: libraryConstants, schemas: { definitions: schemas } },
    { 'library-code': () => code },
  ).replace(/\n+$/, '');
}
