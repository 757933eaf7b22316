/**
 * The users `provision --authz` creates: one per persona of the rules file, with the credentials
 * the run will sign in with (GATECHECK_<PERSONA>_USERNAME / _PASSWORD) and the persona's groups.
 */
import { InputError } from '../errors.js';
import { loadAuthz } from '../load/load-authz.js';
import { readPersonas } from '../model/read-authz.js';
import { personaVariable } from '../contract/authz-variables.js';

export interface PersonaUser {
  name: string;
  username: string;
  password: string;
  groups: string[];
}

export function personaUsers(
  rulesFile: string,
  values: Readonly<Record<string, string>>,
): PersonaUser[] {
  const loaded = loadAuthz(rulesFile, {}, rulesFile);
  if (!loaded) return [];
  return readPersonas(loaded).map((persona) => {
    const username = values[personaVariable(persona.name, 'username')];
    const password = values[personaVariable(persona.name, 'password')];
    if (!username || !password) {
      throw new InputError(`persona "${persona.name}" has no credentials`, {
        file: rulesFile,
        pointer: `/personas/${persona.name}`,
        hint: `Set ${persona.usernameEnv} and ${persona.passwordEnv}; nothing was provisioned`,
      });
    }
    return { name: persona.name, username, password, groups: persona.groups };
  });
}
