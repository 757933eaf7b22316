/**
 * The personas' credentials (docs/authorization-matrix.md): `GATECHECK_<PERSONA>_USERNAME` and
 * `GATECHECK_<PERSONA>_PASSWORD` from the process environment or the `.env` file, passed to newman
 * in memory like every other credential. A collection with persona checks names its personas in a
 * collection variable; a run without the credentials of one of them does not start.
 */
import { InputError } from '../../errors.js';
import { authzPersonasVariable, personaVariable } from '../../contract/authz-variables.js';
import { authzFolderName } from '../../render/render-authz.js';
import type { PostmanCollection } from './collection-file.js';

const personaEnv = /^GATECHECK_([A-Z][A-Z0-9]*)_(USERNAME|PASSWORD)$/;

/** Every `GATECHECK_<NAME>_USERNAME/_PASSWORD` as a persona's variable; passwords are secrets. */
export function personaRunValues(sources: ReadonlyArray<Record<string, string | undefined>>): {
  values: Record<string, string>;
  secrets: string[];
} {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  // The first source wins (the process environment over the .env file).
  for (const source of [...sources].reverse()) {
    for (const [name, value] of Object.entries(source)) {
      const match = personaEnv.exec(name);
      if (!match || !value) continue;
      const [, persona = '', kind] = match;
      values[
        personaVariable(persona.toLowerCase(), kind === 'USERNAME' ? 'username' : 'password')
      ] = value;
      if (kind === 'PASSWORD') secrets.push(value);
    }
  }
  return { values, secrets };
}

interface DeclaredPersona {
  name: string;
  usernameEnv: string;
  passwordEnv: string;
}

/**
 * Throws when a persona the collection declares has no user name or password among `values`, if
 * the collection (as it will run) has the persona checks.
 */
export function checkPersonaCredentials(
  collection: PostmanCollection,
  collectionPath: string,
  values: Readonly<Record<string, string>>,
): void {
  // A run without the persona folder (a smoke test) needs no persona.
  if (!collection.item.some((item) => item.name === authzFolderName)) return;
  const variables = (collection as { variable?: Array<{ key?: string; value?: unknown }> })
    .variable;
  const index = variables?.findIndex((variable) => variable.key === authzPersonasVariable) ?? -1;
  if (index < 0) return;
  let personas: DeclaredPersona[];
  try {
    personas = JSON.parse(String(variables?.[index]?.value ?? '[]')) as DeclaredPersona[];
  } catch {
    throw new InputError('the persona list is not valid JSON', {
      file: collectionPath,
      pointer: `/variable/${index}/value`,
      hint: 'Regenerate the collection with `gatecheck generate`',
    });
  }
  for (const persona of personas) {
    const missing = [
      values[personaVariable(persona.name, 'username')] ? undefined : persona.usernameEnv,
      values[personaVariable(persona.name, 'password')] ? undefined : persona.passwordEnv,
    ].filter((name): name is string => name !== undefined);
    if (missing.length > 0) {
      throw new InputError(`persona "${persona.name}" has no credentials`, {
        file: collectionPath,
        pointer: `/variable/${index}/value`,
        hint: `Set ${missing.join(' and ')} (in the environment or .env); nothing was run`,
      });
    }
  }
}
