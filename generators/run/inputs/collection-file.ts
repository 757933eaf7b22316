/**
 * Reading the Postman collection and environment files a run is given. Only the fields the runner
 * looks at are typed; everything else is passed to newman untouched.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { checkCollectionShape, checkEnvironmentShape } from './postman-shape.js';

export interface PostmanVariable {
  key: string;
  value?: unknown;
  type?: string;
  enabled?: boolean;
  [field: string]: unknown;
}

export interface PostmanHeader {
  key: string;
  value: string;
  disabled?: boolean;
}

export interface PostmanRequest {
  method?: string;
  url?: string | { raw?: string; [field: string]: unknown };
  header?: PostmanHeader[];
  [field: string]: unknown;
}

/** An item (`request` set) or a folder (`item` set). */
export interface PostmanItem {
  id?: string;
  name?: string;
  item?: PostmanItem[];
  request?: PostmanRequest | string;
  variable?: PostmanVariable[];
  [field: string]: unknown;
}

export interface PostmanCollection {
  info: { name: string; schema?: string; [field: string]: unknown };
  item: PostmanItem[];
  variable?: PostmanVariable[];
  [field: string]: unknown;
}

export interface PostmanEnvironment {
  name?: string;
  values: PostmanVariable[];
  [field: string]: unknown;
}

export async function readCollectionFile(path: string): Promise<PostmanCollection> {
  const parsed = await readJsonFile(path, 'collection');
  if (!isRecord(parsed) || !isRecord(parsed.info) || typeof parsed.info.name !== 'string') {
    throw new InputError('not a Postman collection: `info.name` is missing', {
      file: path,
      pointer: '/info',
      hint: 'Pass a Postman v2.1 collection, e.g. one written by `gatecheck generate`',
    });
  }
  if (!Array.isArray(parsed.item)) {
    throw new InputError('not a Postman collection: `item` is not a list', {
      file: path,
      pointer: '/item',
      hint: 'Pass a Postman v2.1 collection, e.g. one written by `gatecheck generate`',
    });
  }
  checkCollectionShape(parsed, path);
  return parsed as PostmanCollection;
}

export async function readEnvironmentFile(path: string): Promise<PostmanEnvironment> {
  const parsed = await readJsonFile(path, 'environment');
  if (!isRecord(parsed) || !Array.isArray(parsed.values)) {
    throw new InputError('not a Postman environment: `values` is not a list', {
      file: path,
      pointer: '/values',
      hint: 'Pass an environment written by `gatecheck generate` (environments/*.json)',
    });
  }
  checkEnvironmentShape(parsed, path);
  return parsed as PostmanEnvironment;
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${what} file not found` : `cannot read the ${what} file`,
      { file: path, hint: `Check the path of the ${what}` },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`the ${what} is not valid JSON (${(error as Error).message})`, {
      file: path,
      hint: `Regenerate the ${what} with \`gatecheck generate\``,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
