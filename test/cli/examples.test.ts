/**
 * Every command's `--help` examples: each names its command and only flags the command has, and
 * those that need no AWS account or running sandbox (inspect, generate) run with exit 0.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands as listings } from '../../generators/cli/commands/index.js';
import { main } from '../../generators/cli/main.js';
import { capture } from './capture-io.js';

/** Shell words, with '...' quoting (all the examples use). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** The gatecheck arguments of an example: after the environment assignments and `$0`. */
function argumentsOf(line: string): string[] {
  const all = words(line);
  const start = all.indexOf('$0');
  expect(start, line).to.be.at.least(0);
  for (const assignment of all.slice(0, start)) expect(assignment, line).to.match(/^[A-Z_]+=/);
  return all.slice(start + 1);
}

/** What `gatecheck <name> --help` prints (yargs writes help with console.log). */
async function helpOf(name: string): Promise<string> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
  try {
    expect(await main([name, '--help'], capture().io)).to.equal(0);
  } finally {
    console.log = log;
  }
  return printed.join('\n');
}

const runsOffline = new Set(['inspect', 'generate']);

/** Every command's module (the command line loads only the one it names). */
const commands = await Promise.all(listings.map((listing) => listing.load()));

describe('--help examples', function () {
  const helps = new Map<string, string>();
  before(async () => {
    for (const command of commands) {
      const name = command.command.split(' ')[0]!;
      helps.set(name, await helpOf(name));
    }
  });

  for (const command of commands) {
    const name = command.command.split(' ')[0]!;
    it(`${name}: at least two examples, each naming the command and only its flags`, () => {
      const help = helps.get(name) ?? '';
      expect(help).to.include('Examples:');
      expect(command.examples.length, name).to.be.at.least(2);
      for (const example of command.examples) {
        expect(example.what, example.line).to.not.equal('');
        const args = argumentsOf(example.line);
        expect(args[0], example.line).to.equal(name);
        for (const arg of args.filter((word) => word.startsWith('--'))) {
          const flag = arg.split('=')[0]!;
          expect(help, `${example.line}: ${flag}`).to.match(new RegExp(`${flag}\\b`));
        }
      }
    });
  }

  describe('the examples that need no AWS account and no running sandbox work as pasted', () => {
    let out: string;
    before(async () => {
      out = await mkdtemp(join(tmpdir(), 'gatecheck-examples-'));
    });
    after(async () => {
      await rm(out, { recursive: true, force: true });
    });
    for (const command of commands.filter((entry) => runsOffline.has(entry.command.split(' ')[0]!)))
      for (const example of command.examples) {
        it(example.line.replace('$0', 'gatecheck'), async () => {
          const args = argumentsOf(example.line).map((word) =>
            word === '/tmp/gatecheck-out' ? out : word,
          );
          const { io, err } = capture();
          expect(await main(args, io), err.join('\n')).to.equal(0);
        });
      }
  });
});
