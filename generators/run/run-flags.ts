import type { Argv } from 'yargs';
import { InputError } from '../errors.js';

/** Command-line flags `gatecheck run` and `gatecheck smoke` share (the commands stay thin). */

export interface RunFlags {
  environment?: string;
  envFile?: string;
  reportsDir: string;
  baseUrl?: string;
  stage?: string;
  signInAttempts: number;
  timeoutRequest: number;
  trustHost: string[];
  trustCollection?: boolean;
}

export function runFlags(yargs: Argv): Argv {
  return yargs
    .option('environment', {
      alias: 'e',
      type: 'string',
      describe:
        'Postman environment (JSON); secrets in it are ignored in favour of GATECHECK_* values',
    })
    .option('env-file', {
      type: 'string',
      describe: 'A .env file with GATECHECK_* values (./.env is read only when named here)',
    })
    .option('reports-dir', {
      type: 'string',
      default: 'reports',
      describe: 'Where the run writes reports/<collection>-<timestamp>/ (JUnit, JSON, HTML)',
    })
    .option('base-url', { type: 'string', describe: 'API base URL including the stage' })
    .option('stage', {
      type: 'string',
      describe: 'Replace the last path segment (the stage) of the base URL',
    })
    .option('sign-in-attempts', {
      type: 'number',
      default: 4,
      describe:
        'Sign-in attempts while Cognito answers TooManyRequestsException (backoff 1 s, 2 s, 4 s...)',
    })
    .option('trust-host', {
      type: 'string',
      array: true,
      default: [],
      describe:
        'A host (besides Cognito, API Gateway and loopback) the environment may send secrets to',
    })
    .option('trust-collection', {
      type: 'boolean',
      default: false,
      describe:
        "Hand secrets to a collection whose scripts or requests are not gatecheck's own (one you wrote or edited)",
    })
    .option('timeout-request', {
      type: 'number',
      default: 30000,
      describe: 'Per-request timeout in milliseconds',
    });
}

/**
 * yargs turns `--parallel abc` into NaN, which would mean zero workers or a wait that never ends:
 * every number flag is checked before anything runs. `min` is the smallest accepted value.
 */
export function checkNumberFlags(
  args: Record<string, unknown>,
  flags: Record<string, { min: number; integer?: boolean }>,
): void {
  for (const [flag, rule] of Object.entries(flags)) {
    const value = args[flag];
    if (value === undefined) continue;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= rule.min &&
      (!rule.integer || Number.isInteger(value));
    if (!ok) {
      throw new InputError(
        `--${flag} must be ${rule.integer ? 'a whole number' : 'a number'} of at least ${rule.min}, not ${JSON.stringify(String(value))}`,
        { hint: `Give --${flag} a number, e.g. --${flag} ${Math.max(rule.min, 1)}` },
      );
    }
  }
}

/** The number flags every run-like command has (see `runFlags`). */
export const runNumberFlags = {
  'sign-in-attempts': { min: 1, integer: true },
  'timeout-request': { min: 1 },
} as const;
