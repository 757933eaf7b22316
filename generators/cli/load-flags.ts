import type { Argv } from 'yargs';
import type { LoadOptions } from '../load/load-options.js';

/**
 * The flags that let loading reach beyond the spec (docs/security.md). Each is off unless given, and
 * none implies another: following files does not allow URLs, and URLs do not allow private hosts.
 */
export function withLoadFlags(yargs: Argv): Argv {
  return yargs
    .option('allow-external-refs', {
      type: 'boolean',
      default: false,
      describe: "Follow $refs to files under the spec's own folder",
    })
    .option('allow-remote-refs', {
      type: 'boolean',
      default: false,
      describe: 'Follow $refs to http(s) URLs',
    })
    .option('allow-private-urls', {
      type: 'boolean',
      default: false,
      describe: 'Fetch the spec or its $refs from loopback, link-local or private addresses',
    });
}

export function loadOptionsOf(args: Record<string, unknown>): LoadOptions {
  return {
    allowExternalRefs: args['allow-external-refs'] === true,
    allowRemoteRefs: args['allow-remote-refs'] === true,
    allowPrivateUrls: args['allow-private-urls'] === true,
  };
}
