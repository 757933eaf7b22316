import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** True when `source` names an http(s) URL rather than a file. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * The raw text of a spec file or URL. URLs are fetched with Node's own `fetch`, so a failure can be
 * reported as "could not fetch <url>: <reason>" instead of the parser's generic resolver error.
 */
export async function readSource(source: string): Promise<string> {
  return isUrl(source) ? fetchText(source) : readText(source);
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

async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.5' },
    });
  } catch (error) {
    throw new InputError(`could not fetch ${url}: ${fetchFailureReason(error)}`, {
      hint: 'Check the URL and that the server answers',
    });
  }
  if (!response.ok) {
    throw new InputError(`could not fetch ${url}: HTTP ${response.status} ${response.statusText}`, {
      hint: 'Check the URL; an API Gateway export needs `aws apigateway get-export`',
    });
  }
  return response.text();
}

/** `fetch` hides the socket error (ECONNREFUSED, ENOTFOUND...) in `cause`. */
function fetchFailureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.message ? `${cause.code} (${cause.message})` : cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
