/**
 * The values a run-like command hands newman: GATECHECK_* (and --env-file), and with `--sandbox`
 * the running sandbox's values file over them, its environment file used when `-e` is not given.
 */
import { readEnvironmentFile, type PostmanEnvironment } from '../run/inputs/collection-file.js';
import { resolveRunInputs, type RunInputArgs, type RunInputs } from '../run/inputs/run-inputs.js';
import { readSandboxValues, withSandboxInputs } from './sandbox-values-file.js';

export interface InputsArgs extends RunInputArgs {
  environment?: string | undefined;
  sandbox?: string | undefined;
}

export async function runInputsOf(
  args: InputsArgs,
): Promise<{ inputs: RunInputs; environment?: PostmanEnvironment; environmentPath?: string }> {
  const sandbox = args.sandbox !== undefined ? await readSandboxValues(args.sandbox) : undefined;
  const environmentPath = args.environment ?? sandbox?.environmentPath;
  const environment = environmentPath ? await readEnvironmentFile(environmentPath) : undefined;
  const read = resolveRunInputs(args, process.env, environment);
  const inputs = sandbox ? withSandboxInputs(read, sandbox, args.baseUrl) : read;
  return {
    inputs,
    ...(environment ? { environment } : {}),
    ...(environmentPath ? { environmentPath } : {}),
  };
}
