/**
 * What the run-like commands (`run`, `smoke`, `tokens`) share: reading the run-time values from the
 * process environment and `.env`, applying `--base-url` / `--stage`, and knowing the secrets.
 */
import { withStage } from './base-url.js';
import type { PostmanEnvironment } from './collection-file.js';
import { readRunValues } from './credentials.js';
import { isGithubActions } from '../reports/github-actions.js';

export interface RunInputArgs {
  envFile?: string;
  baseUrl?: string;
  stage?: string;
}

export interface RunInputs {
  values: Record<string, string>;
  secrets: string[];
  githubActions: boolean;
  /** Lines the command prints before running (e.g. a `.env` that was found but not read). */
  notices: string[];
}

export function resolveRunInputs(
  args: RunInputArgs,
  env: NodeJS.ProcessEnv,
  environment?: PostmanEnvironment,
): RunInputs {
  const read = readRunValues({
    env,
    ...(args.envFile ? { envFile: args.envFile } : {}),
    defaultEnvFile: '.env',
  });
  const values = { ...read.values };
  if (args.baseUrl) values.baseUrl = args.baseUrl.replace(/\/+$/, '');
  if (args.stage) {
    const base = values.baseUrl ?? environmentValue(environment, 'baseUrl');
    if (base) values.baseUrl = withStage(base, args.stage);
  }
  const notices = read.unreadEnvFile
    ? [
        `gatecheck: found ${read.unreadEnvFile}, not read: pass --env-file ${read.unreadEnvFile} to use its GATECHECK_* values`,
      ]
    : [];
  return { values, secrets: read.secrets, githubActions: isGithubActions(env), notices };
}

/** A value as the run will see it: run-time values over the environment file. */
export function effectiveValue(
  key: string,
  values: Record<string, string>,
  environment?: PostmanEnvironment,
): string | undefined {
  return values[key] ?? environmentValue(environment, key);
}

function environmentValue(
  environment: PostmanEnvironment | undefined,
  key: string,
): string | undefined {
  const variable = environment?.values.find((v) => v.key === key && v.enabled !== false);
  return typeof variable?.value === 'string' && variable.value !== '' ? variable.value : undefined;
}
