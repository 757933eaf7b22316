/**
 * gatecheck as a library: the package's one entry point (`import { generate } from 'gatecheck'`).
 * - `generate`: the pipeline, spec(s) in, Postman collections and environments out.
 * - `startSandbox`: the local Cognito + API Gateway stand-in for a spec.
 * - `runCollection`: newman runs a generated collection, with reports and the check tally;
 *   `printRunSummary` prints the summary `gatecheck run` prints from its result.
 * - `sandboxRunValues`: the values and secrets a run against a started sandbox needs.
 * - `sandboxOAuthValues`: the code flow's refresh token of the sandbox's user (methods with OIDC
 *   or custom user scopes), as GATECHECK_REFRESH_TOKEN gives it against AWS.
 * Anything not exported here is internal and may change in any release (docs/library.md).
 */
export {
  generate,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedApi,
} from './pipeline.js';
export {
  runCollection,
  printRunSummary,
  type RunCollectionOptions,
  type RunCollectionResult,
} from './run/run-collection.js';
export {
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxUser,
} from '../sandbox/index.js';
export { sandboxRunValues } from './cli/sandbox-session.js';
export { sandboxOAuthValues } from './cli/sandbox-oauth.js';
export { processIo, type Io } from './io.js';
export { ExitCode, InputError } from './errors.js';
