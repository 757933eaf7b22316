import { realpathSync } from 'node:fs';
import { dirname, relative, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { checkStructure } from './check-structure.js';
import { fetchLimited } from './fetch-limited.js';
import type { LoadOptions } from './load-options.js';
import { parseSpecText } from './parse-text.js';
import { isUrl } from './read-source.js';

/** Where an external `$ref` leads, decided before anything is read. */
export type RefTarget =
  | { kind: 'file'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'other'; scheme: string };

/** Resolves `ref` against the document that holds it (a file path or an http(s) URL). */
export function refTarget(ref: string, base: string): RefTarget {
  const address = ref.split('#')[0] ?? '';
  const baseUrl = isUrl(base) ? new URL(base) : pathToFileURL(resolvePath(base));
  let target: URL;
  try {
    target = new URL(address, baseUrl);
  } catch {
    return { kind: 'other', scheme: 'malformed' };
  }
  if (target.protocol === 'http:' || target.protocol === 'https:') {
    return { kind: 'remote', url: target.href };
  }
  if (target.protocol === 'file:') return { kind: 'file', path: fileURLToPath(target) };
  return { kind: 'other', scheme: target.protocol.replace(/:$/, '') };
}

/**
 * Refuses an external `$ref` the user has not allowed: files only with `--allow-external-refs` and
 * only under the spec's folder (a `$ref` to `/proc/self/environ` or `../../.npmrc` would otherwise be
 * inlined into a request body and sent to the API host), URLs only with `--allow-remote-refs`.
 * The message names the `$ref`, never what the file holds.
 */
export function checkRefAllowed(
  ref: string,
  where: { file: string; pointer?: string },
  specSource: string,
  options: LoadOptions,
): RefTarget {
  const target = refTarget(ref, where.file);
  const place = {
    file: where.file,
    ...(where.pointer !== undefined ? { pointer: where.pointer } : {}),
  };
  if (target.kind === 'other') {
    throw new InputError(`external $ref "${ref}" uses ${target.scheme}, which is never followed`, {
      ...place,
      hint: 'Point the $ref at a file beside the spec or an http(s) URL',
    });
  }
  if (target.kind === 'remote') {
    if (!options.allowRemoteRefs) {
      throw new InputError(`external $ref "${ref}" names a URL, and remote $refs are off`, {
        ...place,
        hint: 'Pass --allow-remote-refs to follow http(s) $refs, or bundle the spec into one file',
      });
    }
    return target;
  }
  if (isUrl(specSource) || !options.allowExternalRefs) {
    throw new InputError(`external $ref "${ref}" names a file, and file $refs are off`, {
      ...place,
      hint: isUrl(specSource)
        ? 'A spec fetched from a URL cannot read local files; bundle the spec into one file'
        : "Pass --allow-external-refs to follow $refs to files under the spec's folder",
    });
  }
  if (!isUnder(target.path, dirname(realOrSelf(resolvePath(specSource))))) {
    throw new InputError(`external $ref "${ref}" leaves the spec's folder`, {
      ...place,
      hint: "--allow-external-refs follows only files under the spec's own folder",
    });
  }
  return target;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isUnder(path: string, folder: string): boolean {
  const real = realOrSelf(path);
  const rel = relative(folder, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Bundles a document whose `$ref`s lead to other files or URLs, with the parser's own resolvers and
 * parsers replaced by ours: each file or URL is checked by `checkRefAllowed` before it is read, read
 * with the same limits as the spec, and parsed with the spec's own parser and structure limits.
 */
export async function bundleExternalRefs(
  source: string,
  document: object,
  options: LoadOptions,
): Promise<object> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  let refusal: InputError | undefined;
  const remember = (error: unknown): never => {
    if (error instanceof InputError) refusal ??= error;
    throw error;
  };
  const base = isUrl(source) ? source : resolvePath(source);
  const reader = {
    order: 1,
    canRead: true,
    read: async (file: { url: string }): Promise<string> => {
      try {
        const target = checkRefAllowed(file.url, { file: source }, source, options);
        if (target.kind === 'remote') {
          return await fetchLimited(target.url, {
            allowPrivateUrls: options.allowPrivateUrls ?? false,
          });
        }
        const { readFile } = await import('node:fs/promises');
        return await readFile((target as { path: string }).path, 'utf8').catch(() => {
          throw new InputError(`external $ref "${file.url}" names a file that cannot be read`, {
            file: source,
            hint: 'Check that every referenced file exists',
          });
        });
      } catch (error) {
        return remember(error);
      }
    },
  };
  const parser = {
    order: 1,
    canParse: true,
    parse: (file: { url: string; data: Buffer | string }): unknown => {
      try {
        const text = typeof file.data === 'string' ? file.data : file.data.toString('utf8');
        const parsed = parseSpecText(text, file.url);
        checkStructure(parsed, file.url);
        return parsed;
      } catch (error) {
        // The parser's messages quote the text; a referenced file may be a secret.
        return remember(
          error instanceof InputError && !/^invalid (JSON|YAML)/.test(error.message)
            ? error
            : new InputError(`external $ref target ${file.url} is not JSON or YAML`, {
                file: source,
                hint: 'Point the $ref at a JSON or YAML document',
              }),
        );
      }
    },
  };
  try {
    return await SwaggerParser.bundle(base, document as never, {
      resolve: { file: false, http: false, gatecheck: reader } as never,
      parse: { json: false, yaml: false, text: false, binary: false, gatecheck: parser } as never,
    });
  } catch (error) {
    if (refusal !== undefined) throw refusal;
    const detail = error as { name?: string; path?: (string | number)[] | null };
    const pointer = detail.path?.length ? `/${detail.path.join('/')}` : undefined;
    // Only the error's kind: its message may quote a referenced file.
    throw new InputError(`could not resolve an external $ref (${detail.name ?? 'error'})`, {
      file: source,
      ...(pointer !== undefined ? { pointer } : {}),
      hint: 'Check that every referenced file exists and that each $ref fragment points into it',
    });
  }
}
