import { accessSync, constants } from 'node:fs';
import type { Argv } from 'yargs';
import { InputError } from '../errors.js';
import type { NewmanTransport } from '../run/newman/newman-part.js';

/** Command-line flags `gatecheck run` and `gatecheck smoke` share (the commands stay thin). */
export interface RunFlags {
  environment?: string | undefined;
  envFile?: string | undefined;
  reportsDir: string;
  baseUrl?: string | undefined;
  stage?: string | undefined;
  signInAttempts: number;
  timeoutRequest: number;
  trustHost: string[];
  trustCollection: boolean;
  insecure: boolean;
  caFile?: string | undefined;
  delayRequest: number;
}

export function withRunFlags<T>(yargs: Argv<T>) {
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
      default: [] as string[],
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
    })
    .option('delay-request', {
      type: 'number',
      default: 0,
      describe: 'Milliseconds to wait between requests (a rate-limited stage, a WAF)',
    })
    .option('insecure', {
      type: 'boolean',
      default: false,
      describe:
        'Accept any TLS certificate (a proxy that re-signs traffic); prefer --ca-file, which keeps verification',
    })
    .option('ca-file', {
      type: 'string',
      describe: "A PEM file of extra CA certificates to trust (a corporate proxy's CA)",
    });
}

/**
 * `--sandbox`: run against a `gatecheck sandbox` running in another terminal, with the values it
 * wrote (sandbox-values-file.ts). A flag and a path apart, so `--sandbox` never takes the next
 * word (the collection) as its value.
 */
export function withSandboxFlags<T>(yargs: Argv<T>, what: string) {
  return yargs
    .option('sandbox', {
      type: 'boolean',
      default: false,
      describe: `${what} a running \`gatecheck sandbox\` (another terminal), with the values it wrote`,
    })
    .option('sandbox-values', {
      type: 'string',
      default: '.gatecheck/sandbox-values.json',
      describe: 'With --sandbox: the file `gatecheck sandbox --values-out` wrote',
    });
}

/** Said on every run with --insecure: a run that trusts any certificate must not look like any other. */
export const insecureWarning =
  'gatecheck: --insecure: TLS certificates are not verified (a proxy could read every token); prefer --ca-file';

/** What the flags ask of newman's transport, the CA file checked first (exit 2 when unreadable). */
export function newmanTransportOf(flags: RunFlags): NewmanTransport {
  if (flags.caFile !== undefined) {
    try {
      accessSync(flags.caFile, constants.R_OK);
    } catch {
      throw new InputError('cannot read the CA file', {
        file: flags.caFile,
        hint: 'Give --ca-file the path of a PEM file of CA certificates',
      });
    }
  }
  return {
    insecure: flags.insecure,
    ...(flags.caFile !== undefined ? { caFile: flags.caFile } : {}),
    delayRequestMs: flags.delayRequest,
  };
}

export interface NumberRule {
  min: number;
  integer?: boolean;
}

/**
 * yargs turns `--parallel abc` into NaN, which would mean zero workers or a wait that never ends:
 * every number flag is checked before anything runs. `min` is the smallest accepted value.
 */
export function checkNumberFlags<Args extends object>(
  args: Args,
  flags: Partial<Record<Extract<keyof Args, string>, NumberRule>>,
): void {
  for (const [flag, rule] of Object.entries(flags) as [keyof Args & string, NumberRule][]) {
    const value: unknown = args[flag];
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

/** The number flags every run-like command has (see `withRunFlags`). */
export const runNumberFlags = {
  'sign-in-attempts': { min: 1, integer: true },
  'timeout-request': { min: 1 },
  'delay-request': { min: 0 },
} as const;
