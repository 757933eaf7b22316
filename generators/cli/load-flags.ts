import type { Argv } from 'yargs';
import type { LoadOptions } from '../load/load-options.js';

/**
 * The flags that let loading reach beyond the spec (docs/security.md). Each is off unless given, and
 * none implies another: following files does not allow URLs, and URLs do not allow private hosts.
 */
export function withLoadFlags<T>(yargs: Argv<T>) {
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

export function loadOptionsOf(args: {
  allowExternalRefs: boolean;
  allowRemoteRefs: boolean;
  allowPrivateUrls: boolean;
}): LoadOptions {
  return {
    allowExternalRefs: args.allowExternalRefs,
    allowRemoteRefs: args.allowRemoteRefs,
    allowPrivateUrls: args.allowPrivateUrls,
  };
}

/** `--operation` / `--tag` of `generate` and `run`: the operations to keep (repeatable each). */
export function withSelectionFlags<T>(yargs: Argv<T>, what: string) {
  return yargs
    .option('operation', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: `${what} only this operation (operationId or "METHOD /path"; repeatable)`,
    })
    .option('tag', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: `${what} only the operations with this tag (repeatable)`,
    });
}
