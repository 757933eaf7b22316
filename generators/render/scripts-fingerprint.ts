/**
 * What gatecheck's own scripts look like, so a run can tell a collection gatecheck generated from
 * one whose scripts someone else wrote (a script can read every variable, the password included,
 * and send it anywhere with `pm.sendRequest`).
 *
 * Every script gatecheck writes is one of its templates (`scripts/**` + `.js.hbs`) with at most one
 * `{{{json value}}}` slot, i.e. fixed code around one JSON literal, and the collection pre-request
 * script is the script library followed by such a call. A JSON literal is data: it cannot run
 * code. `scriptsFingerprint()` hashes the fixed code (library and templates); `generate` writes
 * it into the collection (`info.gatecheckScripts`), and `run` compares it with its own and matches
 * every script against the shapes (run/collection-trust.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderScript, scriptsDir } from './render-script.js';
import { scriptLibrary } from './script-library.js';

/** A script gatecheck writes: `prefix` + one JSON value + `suffix`, or exactly `prefix`. */
export interface ScriptShape {
  template: string;
  prefix: string;
  /** Undefined: the template has no JSON slot, the script is `prefix` alone. */
  suffix?: string;
}

const slot = 'gatecheck-json-slot-0d6f';
const libraryTemplate = 'collection/library.js.hbs';
const collectionTemplate = 'collection/prerequest.js.hbs';

/** A script's text as compared: its lines joined, trailing newlines left out. */
export function scriptText(exec: string | readonly string[]): string {
  return (typeof exec === 'string' ? exec : exec.join('\n')).replace(/\n+$/, '');
}

function shapeOf(template: string, prefixCode = ''): ScriptShape {
  const source = readFileSync(join(scriptsDir, template), 'utf8');
  const fields = [...source.matchAll(/\{\{\{json ([\w.]+)\}\}\}/g)].map((match) => match[1]!);
  const rendered = scriptText(
    prefixCode + renderScript(template, Object.fromEntries(fields.map((name) => [name, slot]))),
  );
  const parts = rendered.split(JSON.stringify(slot));
  if (parts.length > 2)
    throw new Error(`scripts/${template}: a gatecheck template has at most one json slot`);
  return parts.length === 1
    ? { template, prefix: rendered }
    : { template, prefix: parts[0]!, suffix: parts[1]! };
}

let cachedItemShapes: ScriptShape[] | undefined;

/** The shapes of item and folder scripts: every template but the collection's own. */
export function itemScriptShapes(): ScriptShape[] {
  cachedItemShapes ??= readdirSync(scriptsDir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.js.hbs') && !path.startsWith('partials/'))
    .filter((path) => path !== libraryTemplate && path !== collectionTemplate)
    .sort()
    .map((template) => shapeOf(template));
  return cachedItemShapes;
}

let cachedCollectionShapes: ScriptShape[] | undefined;

/**
 * The collection pre-request script: the library, then the sign-in on demand; one shape per target
 * (a collection for AWS, and one generated with --for-sandbox).
 */
export function collectionScriptShapes(): ScriptShape[] {
  cachedCollectionShapes ??= [false, true].map((forSandbox) =>
    shapeOf(collectionTemplate, `${scriptLibrary({ forSandbox })}\n\n`),
  );
  return cachedCollectionShapes;
}

let cachedFingerprint: string | undefined;

/** `sha256:<hex>` of the code every gatecheck collection of this version runs. */
export function scriptsFingerprint(): string {
  if (!cachedFingerprint) {
    const hash = createHash('sha256');
    for (const shape of [...collectionScriptShapes(), ...itemScriptShapes()]) {
      hash.update(JSON.stringify([shape.template, shape.prefix, shape.suffix ?? null]));
      hash.update('\n');
    }
    cachedFingerprint = `sha256:${hash.digest('hex')}`;
  }
  return cachedFingerprint;
}

/** Whether `text` is `shape` with a JSON value in its slot. */
export function matchesShape(text: string, shape: ScriptShape): boolean {
  if (shape.suffix === undefined) return text === shape.prefix;
  if (text.length < shape.prefix.length + shape.suffix.length) return false;
  if (!text.startsWith(shape.prefix) || !text.endsWith(shape.suffix)) return false;
  const value = text.slice(shape.prefix.length, text.length - shape.suffix.length);
  // A JSON value is data, never code (JSON is a subset of JavaScript expressions since ES2019).
  if (value.trim() === '') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
