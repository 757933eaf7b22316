import { expect } from 'chai';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../../generators/errors.js';

/** A temporary folder for one case's files, removed after the suite. */
export async function tempFolder(): Promise<{
  path: string;
  write: (name: string, text: string) => Promise<string>;
  remove: () => Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'gatecheck-hostile-'));
  return {
    path,
    write: async (name, text) => {
      const file = join(path, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** The smallest spec the loader accepts, with `extra` merged into one operation's response. */
export function specWith(schema: unknown): string {
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'Hostile', version: '1' },
    paths: {
      '/a': {
        get: {
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
        },
      },
    },
  });
}

/** Runs `work`, expecting an InputError, and returns it. */
export async function inputErrorOf(work: () => Promise<unknown>): Promise<InputError> {
  try {
    await work();
  } catch (error) {
    expect(error, String((error as Error)?.stack)).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}
