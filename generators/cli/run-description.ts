/**
 * What `--verbose` says before a run: the files, the base URL and which values are set. Names only
 * for the secret ones: a value listed among the secrets is never printed.
 */
import { secretVariableKeys } from '../run/inputs/credentials.js';
import type { NewmanTransport } from '../run/newman/newman-part.js';
import type { RunInputs } from '../run/inputs/run-inputs.js';

export function describeRun(
  args: { collection: string; reportsDir: string; parallel?: number },
  environmentPath: string | undefined,
  inputs: RunInputs,
  transport: NewmanTransport,
): string[] {
  const secrets = new Set(inputs.secrets);
  const shown = Object.entries(inputs.values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) =>
      secrets.has(value) ||
      secretVariableKeys.has(key) ||
      /password|secret|token|code|key/i.test(key)
        ? `${key} (secret)`
        : `${key}=${value}`,
    );
  return [
    `gatecheck: collection ${args.collection}`,
    `gatecheck: environment ${environmentPath ?? '(none)'}`,
    `gatecheck: values ${shown.join(', ') || '(none)'}`,
    `gatecheck: reports under ${args.reportsDir}; ${args.parallel ?? 1} worker(s)` +
      (transport.insecure ? '; TLS certificates NOT verified (--insecure)' : '') +
      (transport.caFile ? `; extra CA certificates from ${transport.caFile}` : '') +
      (transport.delayRequestMs ? `; ${transport.delayRequestMs} ms between requests` : ''),
  ];
}
