import type { Argv } from 'yargs';

/** Command-line flags `gatecheck run` and `gatecheck smoke` share (the commands stay thin). */

export interface RunFlags {
  environment?: string;
  envFile?: string;
  reportsDir: string;
  baseUrl?: string;
  stage?: string;
  signInAttempts: number;
  timeoutRequest: number;
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
      describe: 'A .env file with GATECHECK_* values (default: ./.env when present)',
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
    .option('timeout-request', {
      type: 'number',
      default: 30000,
      describe: 'Per-request timeout in milliseconds',
    });
}
