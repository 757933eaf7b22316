/** `run --operation` / `--tag` (and `--spec`) as a `select` for runCollection; none: undefined. */
import { InputError } from '../errors.js';
import type { LoadOptions } from '../load/load-options.js';
import type { PostmanCollection } from '../run/inputs/collection-file.js';
import { selectFolders } from './select-folders.js';

export interface SelectionArgs {
  collection: string;
  operation: string[];
  tag: string[];
  spec?: string | undefined;
}

export async function folderSelection(
  args: SelectionArgs,
  load: LoadOptions,
): Promise<((collection: PostmanCollection) => PostmanCollection) | undefined> {
  if (args.operation.length === 0 && args.tag.length === 0) return undefined;
  if (args.tag.length > 0 && args.spec === undefined) {
    throw new InputError('--tag needs --spec', {
      hint: 'Tags are not in the collection: name the export it was generated from with --spec FILE',
    });
  }
  if (args.spec === undefined)
    return selectFolders({ operations: args.operation }, args.collection);
  const { modelSource } = await import('../pipeline.js');
  const model = await modelSource(args.spec, {
    ...load,
    select: { operations: args.operation, tags: args.tag },
  });
  return selectFolders({ operations: args.operation, model }, args.collection);
}
