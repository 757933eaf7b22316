import { InputError } from '../errors.js';
import { loadLimits } from './load-options.js';

/**
 * Refuses a parsed document that is too deep, or whose YAML aliases would expand too far, before
 * any recursive reader sees it. js-yaml resolves an alias to the same object rather than a copy, so
 * parsing a "billion laughs" is cheap but every later walk is exponential; this walk visits each
 * object once (by identity) and sums the expanded size, so it stays linear in the text.
 * Iterative, so a 100,000-deep document cannot overflow the stack here.
 */
export function checkStructure(document: unknown, source: string): void {
  const expandedSize = new Map<object, number>();
  const onPath = new Set<object>();
  let aliases = 0;
  type Frame = { node: object; children: unknown[]; next: number; depth: number; size: number };
  const stack: Frame[] = [];
  const enter = (node: unknown, depth: number): number | undefined => {
    if (node === null || typeof node !== 'object') return 1;
    const known = expandedSize.get(node);
    if (known !== undefined) {
      aliases += 1;
      if (aliases > loadLimits.maxAliases) {
        fail(`the spec has more than ${loadLimits.maxAliases} YAML aliases`, source);
      }
      return known;
    }
    if (onPath.has(node))
      fail('a YAML alias in the spec refers to its own parent (a cycle)', source);
    if (depth > loadLimits.maxDepth) {
      fail(`the spec nests more than ${loadLimits.maxDepth} levels deep`, source);
    }
    onPath.add(node);
    stack.push({ node, children: Object.values(node), next: 0, depth, size: 1 });
    return undefined;
  };
  const rootSize = enter(document, 0);
  if (rootSize !== undefined) return;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      const size = enter(child, frame.depth + 1);
      if (size !== undefined) addSize(frame, size, source);
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    expandedSize.set(frame.node, frame.size);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) addSize(parent, frame.size, source);
  }

  function addSize(frame: { size: number }, size: number, file: string): void {
    frame.size += size;
    if (frame.size > loadLimits.maxExpandedNodes) {
      fail(
        `the spec expands to more than ${loadLimits.maxExpandedNodes} values through YAML aliases`,
        file,
      );
    }
  }
}

function fail(what: string, source: string): never {
  throw new InputError(what, {
    file: source,
    hint: 'An API export is never built like this; give the exported spec itself',
  });
}
