import type { CommandEntry } from '../command.js';
import { demoCommand } from './demo.js';
import { fetchSpecCommand } from './fetch-spec.js';
import { generateCommand } from './generate.js';
import { inspectCommand } from './inspect.js';
import { provisionCommand } from './provision.js';
import { reportCommand } from './report.js';
import { runCollectionCommand } from './run.js';
import { sandboxCommand } from './sandbox.js';
import { smokeCommand } from './smoke.js';
import { tokensCommand } from './tokens.js';

/** The flat command table. Each command lives in its own file beside this one. */
export const commands: CommandEntry[] = [
  inspectCommand,
  generateCommand,
  sandboxCommand,
  demoCommand,
  runCollectionCommand,
  smokeCommand,
  provisionCommand,
  tokensCommand,
  fetchSpecCommand,
  reportCommand,
];
