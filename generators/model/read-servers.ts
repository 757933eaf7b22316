import { InputError } from '../errors.js';
import { asRecord, asString, originOf, warn, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import type { Stage } from './types.js';

/** Where requests go when the spec does not say: a reserved name that never resolves (RFC 2606). */
export const placeholderBaseUrl = 'https://example.invalid';

/**
 * The stages to test: the `baseUrl` option when given, else OpenAPI 3 `servers` or Swagger 2
 * `host` + `basePath` + `schemes`. API Gateway exports put the stage in a `basePath` server variable
 * (`/prod` in the AWS guide, `prod` without a slash in real exports,
 * docs/reference/aws-wire-behaviour.md §4).
 */
export function readServers(context: ModelContext, baseUrlOption?: string): Stage[] {
  if (baseUrlOption !== undefined) return [overrideStage(context, baseUrlOption)];
  const stages = context.specVersion === '2.0' ? swaggerStages(context) : openApiStages(context);
  if (stages.length > 0) return uniqueNames(stages);
  warn(
    context,
    'no-servers',
    `the spec names no server: requests go to ${placeholderBaseUrl} until baseUrl is set (--base-url or GATECHECK_BASE_URL)`,
    context.specVersion === '2.0' ? '/host' : '/servers',
  );
  return [{ name: 'default', baseUrl: placeholderBaseUrl, origin: originOf(context, '') }];
}

function overrideStage(context: ModelContext, baseUrl: string): Stage {
  const url = parseHttpUrl(baseUrl);
  if (url === undefined) {
    throw new InputError(`--base-url ${JSON.stringify(baseUrl)} is not an http(s) URL`, {
      hint: 'Give the stage URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod',
    });
  }
  const normalised = trimSlash(url.href);
  return {
    name: lastSegment(url) ?? 'default',
    baseUrl: normalised,
    origin: originOf(context, ''),
  };
}

function openApiStages(context: ModelContext): Stage[] {
  const servers = Array.isArray(context.document.servers) ? context.document.servers : [];
  return servers.flatMap((server, index): Stage[] => {
    const pointer = pointerJoin('/servers', index);
    const record = asRecord(server) ?? {};
    const variables = asRecord(record.variables) ?? {};
    const defaults = Object.fromEntries(
      Object.entries(variables).map(([name, variable]) => [
        name,
        String(asRecord(variable)?.default ?? ''),
      ]),
    );
    const template = asString(record.url) ?? '';
    const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => defaults[name] ?? '');
    const url = resolveServerUrl(context, filled, pointer);
    if (url === undefined) return [];
    return [
      {
        name: stageName(defaults.basePath ?? '') || lastSegment(url) || 'default',
        baseUrl: trimSlash(url.href),
        origin: originOf(context, pointer),
      },
    ];
  });
}

function swaggerStages(context: ModelContext): Stage[] {
  const host = asString(context.document.host);
  const basePath = asString(context.document.basePath) ?? '';
  const schemes = Array.isArray(context.document.schemes) ? context.document.schemes : [];
  // Prefer https: API Gateway endpoints only answer https, even when an export lists http too.
  const scheme = schemes.includes('https') || schemes.length === 0 ? 'https' : String(schemes[0]);
  const origin = originOf(context, host === undefined ? '/basePath' : '/host');
  const url =
    host === undefined
      ? undefined
      : parseHttpUrl(`${scheme}://${host}/${basePath.replace(/^\/+/, '')}`);
  if (url === undefined) return [];
  return [{ name: stageName(basePath) || 'default', baseUrl: trimSlash(url.href), origin }];
}

/** Absolute URLs as they are; a relative one against the spec's own URL when it was fetched. */
function resolveServerUrl(context: ModelContext, url: string, pointer: string): URL | undefined {
  const absolute = parseHttpUrl(url);
  if (absolute !== undefined) return absolute;
  if (/^https?:\/\//i.test(context.source)) {
    const relative = parseHttpUrl(new URL(url, context.source).href);
    if (relative !== undefined) return relative;
  }
  warn(
    context,
    'no-servers',
    `server URL ${JSON.stringify(url)} is not an absolute http(s) URL: ignored`,
    pointer,
  );
  return undefined;
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    // `{basePath}` filled with `/v1` after a slash leaves `//v1`.
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    return url;
  } catch {
    return undefined;
  }
}

/** `/prod` → `prod`; a deeper mapping `/api/v1` → `api-v1` (names key files, so no slashes). */
function stageName(basePath: string): string {
  return basePath.replace(/^\/+|\/+$/g, '').replace(/\/+/g, '-');
}

function lastSegment(url: URL): string | undefined {
  return url.pathname.split('/').filter(Boolean).pop();
}

function trimSlash(href: string): string {
  return href.replace(/\/+$/, '');
}

/** Two servers with the same stage name get `-2`, `-3`... so names can key environments. */
function uniqueNames(stages: Stage[]): Stage[] {
  const seen = new Map<string, number>();
  return stages.map((stage) => {
    const count = (seen.get(stage.name) ?? 0) + 1;
    seen.set(stage.name, count);
    return count === 1 ? stage : { ...stage, name: `${stage.name}-${count}` };
  });
}
