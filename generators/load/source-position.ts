/**
 * Where a JSON pointer is in the text of a YAML or JSON file (JSON is YAML 1.2), so a problem found
 * in the parsed document can name `file:line:column` as an editor opens it. Positions come from
 * the `yaml` package's syntax tree; for an object member the position is its key's, for a list
 * entry the entry's own.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { pointerTokens } from './json-pointer.js';

/** Loaded when a position is first asked for: most runs never report one. */
let yamlModule: typeof Yaml | undefined;
function yamlPackage(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type Locate = (pointer: string) => SourcePosition | undefined;

/**
 * A locator for pointers into `text`; `undefined` for a pointer the text does not hold. The text is
 * parsed on the first call.
 */
export function sourceLocator(text: string): Locate {
  let tree: { document: Yaml.Document.Parsed; lineCounter: Yaml.LineCounter } | undefined;
  return (pointer) => {
    const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlPackage();
    if (!tree) {
      const lineCounter = new LineCounter();
      const document = parseDocument(text, {
        lineCounter,
        keepSourceTokens: false,
        uniqueKeys: false,
      });
      tree = { document, lineCounter };
    }
    const { document, lineCounter } = tree;
    const at = (offset: number | undefined): SourcePosition | undefined => {
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    };
    let node: unknown = document.contents;
    let position = at((node as Node | null)?.range?.[0]);
    for (const token of pointerTokens(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === token,
        );
        if (!pair) return position;
        position = at((pair.key as Node).range?.[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(token)] as Node | undefined;
        if (!/^\d+$/.test(token) || !item) return position;
        position = at(item.range?.[0]);
        node = item;
      } else {
        return position;
      }
    }
    return position;
  };
}
