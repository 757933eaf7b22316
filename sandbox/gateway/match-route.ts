import type { Route } from '../spec/types.js';

/** A route that matched a request, with its path parameters (decoded). */
export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
  /** Per segment 0 literal, 1 param, 2 greedy: lower sorts first (more specific wins). */
  rank: number[];
}

/**
 * Routes requests as API Gateway does: literal segments beat `{param}`, which beats greedy
 * `{proxy+}`; a declared method beats `x-amazon-apigateway-any-method` on the same resource.
 */
export function createRouter(
  routes: Route[],
): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map(compile).sort((a, b) => compareRanks(a.rank, b.rank));
  return (method, path) => {
    const parts = splitPath(path);
    let best: { match: RouteMatch; compiled: CompiledRoute } | undefined;
    for (const candidate of compiled) {
      if (best && compareRanks(candidate.rank, best.compiled.rank) > 0) break;
      if (candidate.route.method !== method && candidate.route.method !== 'ANY') continue;
      const pathParameters = matchSegments(candidate.segments, parts);
      if (!pathParameters) continue;
      if (!best || (best.compiled.route.method === 'ANY' && candidate.route.method === method)) {
        best = { match: { route: candidate.route, pathParameters }, compiled: candidate };
      }
    }
    return best?.match;
  };
}

function compile(route: Route): CompiledRoute {
  const segments = splitPath(route.path).map((text): Segment => {
    const greedy = text.match(/^\{(.+)\+\}$/);
    if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
    const param = text.match(/^\{(.+)\}$/);
    if (param?.[1]) return { kind: 'param', name: param[1] };
    return { kind: 'literal', text };
  });
  const rank = segments.map((s) => (s.kind === 'literal' ? 0 : s.kind === 'param' ? 1 : 2));
  return { route, segments, rank };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index);
      // `{proxy+}` needs at least one segment: `/` alone does not match `/{proxy+}`.
      if (rest.length === 0) return undefined;
      parameters[segment.name] = rest.map(decode).join('/');
      return parameters;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (segment.text !== part) return undefined;
    } else {
      parameters[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? parameters : undefined;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
