import type { SpecDocument } from './read-spec-file.js';
import { isObject, objectAt, stringAt } from './json.js';

/**
 * The stage (base path) the export was taken from. OAS3 exports put it in
 * `servers[0].variables.basePath.default`, real ones without the leading slash (`"prod"`), AWS docs
 * with it (`"/v1"`); Swagger exports in `basePath` (docs/reference/aws-wire-behaviour.md §4).
 * Undefined when the spec names none; `''` when it names the HTTP API `$default` stage (empty base
 * path).
 */
export function readStage(document: SpecDocument): string | undefined {
  const servers = document.servers;
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  if (isObject(first)) {
    const basePath = stringAt(objectAt(objectAt(first, 'variables'), 'basePath'), 'default');
    if (basePath !== undefined) return trimSlashes(basePath);
    const url = stringAt(first, 'url');
    const path = url ? pathOfUrl(url) : '';
    if (path) return path;
  }
  const swaggerBasePath = stringAt(document, 'basePath');
  if (swaggerBasePath !== undefined && trimSlashes(swaggerBasePath)) {
    return trimSlashes(swaggerBasePath);
  }
  return undefined;
}

function pathOfUrl(url: string): string {
  // Server URLs may hold `{variables}`; only a literal path counts as the stage.
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return path.includes('{') ? '' : trimSlashes(path);
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
