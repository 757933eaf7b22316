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
import { sandboxPaths, sandboxSecretHeader } from '../../sandbox/types.js';
import { authzVariables } from '../contract/authz-variables.js';
import {
  editedSubject,
  gatewayAnswers,
  stateVariablePrefixes,
  trapErrorTypes,
  wrongApiKey,
} from '../contract/library-constants.js';
import { renderScript, scriptsDir } from './render-script.js';
import { runVariables } from '../contract/run-variables.js';

/** Library fragments in the order they are defined (each adds to `gatecheck`). */
export const libraryFiles = [
  'run-state.js',
  'base64url.js',
  'srp.js',
  'cognito-client.js',
  'sign-in.js',
  'oauth-tokens.js',
  'sign-in-on-demand.js',
  'pool-sign-in.js',
  'forge-token.js',
  'positive-check.js',
  'control-check.js',
  'negative-check.js',
  'public-check.js',
  'unchecked-check.js',
  'revocation-check.js',
  'pkce-check.js',
  'authz-check.js',
  'run-guard.js',
] as const;

export interface LibraryOptions {
  /**
   * A collection for the gatecheck sandbox: the library may read one-time codes and test tokens
   * from `{{sandboxUrl}}` at the sandbox's private paths (sandbox/types.ts). Without it those paths
   * are not in the collection at all, and a collection never asks any host for codes or tokens.
   */
  forSandbox?: boolean;
}

/** What the library reads from `gatecheck.constants`: one spelling of each name, from TypeScript. */
export function libraryConstants(options: LibraryOptions = {}) {
  return {
    runVariables,
    stateVariablePrefixes,
    ...(options.forSandbox === true ? { sandboxPaths, sandboxSecretHeader } : {}),
    wrongApiKey,
    editedSubject,
    trapErrorTypes,
    gatewayAnswers,
    authzVariables,
  };
}

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

/** The library block with these values in its JSON slots (its build id, constants and schemas). */
export function renderLibrary(values: { build: unknown; constants: unknown; schemas: unknown }) {
  return renderScript('collection/library.js.hbs', values, {
    'library-code': () => libraryCode(),
  }).replace(/\n+$/, '');
}

/**
 * The library's text: one block that defines `gatecheck` (constants, the collection's response
 * schemas as `gatecheck.schemas`, then the fragments) unless the sandbox already holds this very
 * library. The schemas travel in the script, not in a collection variable: the sandbox receives
 * every collection variable with every script it runs, and a script's text only where it runs.
 * `build` names the library's content, so a sandbox kept from another collection is redefined.
 * The constants differ by target (AWS, or the sandbox: `forSandbox`).
 */
export function scriptLibrary(
  options: LibraryOptions = {},
  schemas: Record<string, unknown> = {},
): string {
  const code = libraryCode();
  const constants = libraryConstants(options);
  const build = createHash('sha256')
    .update(code)
    .update(JSON.stringify(constants))
    .update(JSON.stringify(schemas))
    .digest('hex')
    .slice(0, 16);
  return renderLibrary({ build, constants, schemas: { definitions: schemas } });
}
