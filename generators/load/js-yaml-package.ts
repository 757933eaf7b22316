/**
 * js-yaml, loaded the first time a YAML document is read: a JSON spec with no authorization file
 * never needs it, and a command starts faster without it.
 */
import { createRequire } from 'node:module';
import type JsYaml from 'js-yaml';

let loaded: typeof JsYaml | undefined;

export function jsYaml(): typeof JsYaml {
  loaded ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml;
  return loaded;
}
