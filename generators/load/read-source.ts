import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { fetchLimited } from './fetch-limited.js';

/** True when `source` names an http(s) URL rather than a file. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * The raw text of a spec file or URL. URLs are fetched with limits (size, time, redirects, address),
 * so a failure is reported as "could not fetch <url>: <reason>" instead of a resolver error.
 */
export async function readSource(
  source: string,
  options: { allowPrivateUrls?: boolean } = {},
): Promise<string> {
  return isUrl(source) ? fetchText(source, options.allowPrivateUrls ?? false) : readText(source);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    throw new InputError(`could not read the spec: ${reason ?? String(error)}`, {
      file,
      hint: 'Give the path of an OpenAPI/Swagger file (JSON or YAML) or an http(s) URL',
    });
  }
}

async function fetchText(url: string, allowPrivateUrls: boolean): Promise<string> {
  return fetchLimited(url, {
    allowPrivateUrls,
    accept: 'application/json, application/yaml;q=0.9, */*;q=0.5',
  });
}
