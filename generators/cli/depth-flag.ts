import type { Argv } from 'yargs';
import { checkDepths, defaultCheckDepth, type CheckDepth } from '../plan/check-depth.js';

/** `--depth smoke|standard|full`: how much of the negative catalogue each operation gets. */
export function withDepthFlag<T>(yargs: Argv<T>) {
  return yargs.option('depth', {
    describe:
      'smoke: only the checks each method decides (no token, wrong token kind, scope, API key); standard: plus token forgeries once per authorizer and token kind; full: every forgery on every operation',
    choices: checkDepths,
    default: defaultCheckDepth as CheckDepth,
  });
}

export function depthOf(args: { depth?: unknown }): CheckDepth {
  const depth = args.depth;
  return (checkDepths as readonly unknown[]).includes(depth)
    ? (depth as CheckDepth)
    : defaultCheckDepth;
}
