/**
 * `tokens --refresh-token-file FILE`: the one way gatecheck lets a refresh token out of the
 * process. It goes into a .env file readable by its owner only (mode 600), as
 * `GATECHECK_REFRESH_TOKEN=...`, beside whatever else the file holds, so `--env-file FILE` hands it
 * to later runs.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { tokenSourceEnv } from './token-hand-off.js';

export async function saveRefreshToken(path: string, refreshToken: string): Promise<void> {
  let kept: string[] = [];
  try {
    kept = (await readFile(path, 'utf8'))
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith(`${tokenSourceEnv.refreshToken}=`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(path);
  }
  const text = [...kept, `${tokenSourceEnv.refreshToken}=${refreshToken}`, ''].join('\n');
  try {
    await writeFile(path, text, { mode: 0o600 });
    // An existing file keeps its mode on write: narrow it as well.
    await chmod(path, 0o600);
  } catch {
    throw unwritable(path);
  }
}

function unwritable(path: string): InputError {
  return new InputError('cannot write the refresh token file', {
    file: path,
    hint: 'Name a file in a folder you can write to',
  });
}
