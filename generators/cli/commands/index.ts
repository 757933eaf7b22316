import type { CommandEntry } from '../command.js';
import { headings } from './headings.js';

/** A command as the table lists it: its heading, and its module, loaded only when it runs. */
export interface CommandListing {
  /** The first word of the usage line: `generate`, `fetch-spec`. */
  name: string;
  command: string;
  describe: string;
  load: () => Promise<CommandEntry>;
}

/**
 * The flat command table. Each command lives in its own file beside this one; a command line loads
 * only the module of the command it names.
 */
export const commands: readonly CommandListing[] = [
  listing('inspect', async () => (await import('./inspect.js')).inspectCommand),
  listing('generate', async () => (await import('./generate.js')).generateCommand),
  listing('sandbox', async () => (await import('./sandbox.js')).sandboxCommand),
  listing('demo', async () => (await import('./demo.js')).demoCommand),
  listing('run', async () => (await import('./run.js')).runCollectionCommand),
  listing('smoke', async () => (await import('./smoke.js')).smokeCommand),
  listing('provision', async () => (await import('./provision.js')).provisionCommand),
  listing('tokens', async () => (await import('./tokens.js')).tokensCommand),
  listing('fetch-spec', async () => (await import('./fetch-spec.js')).fetchSpecCommand),
  listing('report', async () => (await import('./report.js')).reportCommand),
];

function listing(name: keyof typeof headings, load: () => Promise<CommandEntry>): CommandListing {
  return { name, ...headings[name], load };
}
