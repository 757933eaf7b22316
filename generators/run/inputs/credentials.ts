/**
 * Run-time values (credentials, base URL...) for a collection run. They come from the process
 * environment (`GATECHECK_*`, see contract/environment-variables.ts) or a `.env` file, never from files gatecheck
 * writes, and reach newman only in memory (`envVar`), so no password lands on disk or in the
 * process list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { InputError } from '../../errors.js';
import { environmentVariables } from '../../contract/environment-variables.js';
import { personaRunValues } from './persona-credentials.js';
import { poolRunValues } from './pool-credentials.js';

export interface RunValues {
  /** Variable key (`password`, `baseUrl`...) → value, only for variables that have a value. */
  values: Record<string, string>;
  /** The secret values among them (to be masked everywhere). */
  secrets: string[];
  /** The `.env` file that was read, if any. */
  envFile?: string;
  /** `./.env` when it exists but was not named, so it was NOT read (the user is told). */
  unreadEnvFile?: string;
}

export interface RunValuesSource {
  /** The process environment (injectable for tests). */
  env: NodeJS.ProcessEnv;
  /** Explicit `--env-file`; must exist. */
  envFile?: string;
  /**
   * `./.env`: never read unless named with `--env-file` (a file in the working folder may come with
   * a cloned repository and point the run's secrets elsewhere), only reported when present.
   */
  defaultEnvFile?: string;
}

/**
 * Collects the run's values. The process environment wins over the `.env` file, as with dotenv's
 * own default (it never overrides a variable that is already set).
 */
export function readRunValues(source: RunValuesSource): RunValues {
  const fileValues = readEnvFile(source);
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  for (const spec of environmentVariables) {
    if (!spec.envName) continue;
    const value = source.env[spec.envName] ?? fileValues.values[spec.envName];
    if (value === undefined || value === '') continue;
    values[spec.key] = value;
    if (spec.secret) secrets.push(value);
  }
  const personas = personaRunValues([source.env, fileValues.values]);
  Object.assign(values, personas.values);
  secrets.push(...personas.secrets);
  const pools = poolRunValues([source.env, fileValues.values]);
  Object.assign(values, pools.values);
  secrets.push(...pools.secrets);
  const unread =
    !source.envFile && source.defaultEnvFile && existsSync(source.defaultEnvFile)
      ? { unreadEnvFile: source.defaultEnvFile }
      : {};
  return fileValues.path
    ? { values, secrets, envFile: fileValues.path }
    : { values, secrets, ...unread };
}

function readEnvFile(source: RunValuesSource): { values: Record<string, string>; path?: string } {
  const path = source.envFile;
  if (!path) return { values: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('cannot read the .env file', {
      file: path,
      hint: 'Check the --env-file path, or leave it out to use the process environment',
    });
  }
  return { values: parseDotenv(text), path };
}

/** The keys of variables declared secret in contract/environment-variables.ts. */
export const secretVariableKeys: ReadonlySet<string> = new Set(
  environmentVariables.filter((spec) => spec.secret).map((spec) => spec.key),
);
