/**
 * The file through which `gatecheck sandbox` hands a later `gatecheck run --sandbox` (another
 * terminal) everything the run needs: the environment it wrote, the API key, the users' passwords,
 * the revocation user, the other pool's user and the personas. It holds secrets, so it lives in the
 * git-ignored `.gatecheck/` folder, readable by its owner only (mode 600), is named in no output but
 * by its path, and is deleted when the sandbox stops. The secrets are sandbox-only: they open
 * nothing but the sandbox's own pool, which forgets them when it stops.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { RunInputs } from '../run/inputs/run-inputs.js';

export const defaultSandboxValuesPath = '.gatecheck/sandbox-values.json';

export interface SandboxValuesFile {
  /** The Postman environment the sandbox wrote (absolute path). */
  environmentPath: string;
  /** Every run-time value, secrets included. */
  values: Record<string, string>;
  /** The values to mask in every report. */
  secrets: string[];
  /** The sandbox's process, to tell a stale file from a running sandbox. */
  pid: number;
}

export async function writeSandboxValues(path: string, file: SandboxValuesFile): Promise<void> {
  const full = resolve(path);
  await mkdir(dirname(full), { recursive: true, mode: 0o700 });
  // Written beside, then renamed: a run never reads half a file. The mode is set on creation, so
  // the secrets are never readable by others, even for a moment.
  const staging = `${full}.${process.pid}.tmp`;
  await writeFile(staging, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await chmod(staging, 0o600);
  await rename(staging, full);
}

export async function removeSandboxValues(path: string): Promise<void> {
  await rm(resolve(path), { force: true });
}

export async function readSandboxValues(path: string): Promise<SandboxValuesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError('no sandbox values file', {
      file: path,
      hint: 'Start `gatecheck sandbox` in another terminal first (from the same folder, or name its --values-out file with --sandbox-values)',
    });
  }
  const file = parse(text, path);
  if (!isRunning(file.pid)) {
    throw new InputError('the sandbox that wrote this file is not running any more', {
      file: path,
      hint: 'Start `gatecheck sandbox` again',
    });
  }
  return file;
}

function parse(text: string, path: string): SandboxValuesFile {
  const fail = () =>
    new InputError('not a sandbox values file', {
      file: path,
      hint: 'It is written by `gatecheck sandbox`: start it again to rewrite it',
    });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fail();
  }
  const file = data as Partial<SandboxValuesFile> | null;
  if (
    !file ||
    typeof file.environmentPath !== 'string' ||
    typeof file.pid !== 'number' ||
    !Array.isArray(file.secrets) ||
    typeof file.values !== 'object' ||
    file.values === null ||
    !Object.values(file.values).every((value) => typeof value === 'string') ||
    !file.secrets.every((value) => typeof value === 'string')
  )
    throw fail();
  return file as SandboxValuesFile;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The run's inputs with the sandbox's values over the GATECHECK_* ones (a run against the sandbox
 * must not sign in with production credentials), an explicit --base-url still winning.
 */
export function withSandboxInputs(
  inputs: RunInputs,
  file: SandboxValuesFile,
  baseUrl: string | undefined,
): RunInputs {
  return {
    ...inputs,
    values: {
      ...inputs.values,
      ...file.values,
      ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    },
    secrets: [...new Set([...inputs.secrets, ...file.secrets])],
  };
}
