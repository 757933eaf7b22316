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
import { renderLibrary } from './script-library.js';

/**
 * A script gatecheck writes: its fixed code `parts` with one JSON value between each two of them
 * (`parts.length - 1` slots; one part: the script is that code alone).
 */
export interface ScriptShape {
  template: string;
  parts: string[];
}

const slot = 'gatecheck-json-slot-0d6f';
const libraryTemplate = 'collection/library.js.hbs';
const collectionTemplate = 'collection/prerequest.js.hbs';

/** A script's text as compared: its lines joined, trailing newlines left out. */
export function scriptText(exec: string | readonly string[]): string {
  return (typeof exec === 'string' ? exec : exec.join('\n')).replace(/\n+$/, '');
}

function jsonFields(template: string): string[] {
  const source = readFileSync(join(scriptsDir, template), 'utf8');
  return [...new Set([...source.matchAll(/\{\{\{json ([\w.]+)\}\}\}/g)].map((match) => match[1]!))];
}

function slotted(template: string): Record<string, string> {
  return Object.fromEntries(jsonFields(template).map((name) => [name, slot]));
}

function shapeOf(template: string, rendered: string): ScriptShape {
  return { template, parts: scriptText(rendered).split(JSON.stringify(slot)) };
}

let cachedItemShapes: ScriptShape[] | undefined;

/** The shapes of item and folder scripts: every template but the collection's own. */
export function itemScriptShapes(): ScriptShape[] {
  cachedItemShapes ??= readdirSync(scriptsDir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.js.hbs') && !path.startsWith('partials/'))
    .filter((path) => path !== libraryTemplate && path !== collectionTemplate)
    .sort()
    .map((template) => shapeOf(template, renderScript(template, slotted(template))));
  return cachedItemShapes;
}

let cachedCollectionShapes: ScriptShape[] | undefined;

/**
 * The collection pre-request script: the library (its build id, constants and schemas are JSON
 * values), then the sign-in on demand; one shape per target (a collection for AWS, and one
 * generated with --for-sandbox, whose library code differs only in its constants).
 */
export function collectionScriptShapes(): ScriptShape[] {
  cachedCollectionShapes ??= [
    shapeOf(
      collectionTemplate,
      `${renderLibrary({ build: slot, constants: slot, schemas: slot })}\n\n${renderScript(collectionTemplate, slotted(collectionTemplate))}`,
    ),
  ];
  return cachedCollectionShapes;
}

let cachedFingerprint: string | undefined;

/**
 * `sha256:<hex>` of the code every gatecheck collection of this version runs: the fixed parts of
 * each shape, ordered by that code. Where a template sits under `scripts/` is left out, so moving
 * or renaming a template folder leaves the fingerprint (and every generated collection) as it was.
 */
export function scriptsFingerprint(): string {
  if (!cachedFingerprint) {
    const hash = createHash('sha256');
    const itemCode = itemScriptShapes()
      .map((shape) => JSON.stringify(shape.parts))
      .sort();
    for (const code of [
      ...collectionScriptShapes().map((shape) => JSON.stringify(shape.parts)),
      ...itemCode,
    ]) {
      hash.update(code);
      hash.update('\n');
    }
    cachedFingerprint = `sha256:${hash.digest('hex')}`;
  }
  return cachedFingerprint;
}

/**
 * Whether `text` is `shape` with a JSON value in each slot. Every way of splitting the text at
 * the fixed parts is tried: if any leaves only JSON values between them, the script is gatecheck's
 * code around data (JSON is a subset of JavaScript expressions since ES2019, and data, never code).
 */
export function matchesShape(text: string, shape: ScriptShape): boolean {
  const [first, ...rest] = shape.parts;
  if (first === undefined) return false;
  if (rest.length === 0) return text === first;
  if (!text.startsWith(first)) return false;
  return matchesFrom(text, first.length, rest);
}

function matchesFrom(text: string, from: number, parts: readonly string[]): boolean {
  const [next, ...rest] = parts;
  if (next === undefined) return from === text.length;
  const last = rest.length === 0;
  for (
    let at = last ? text.length - next.length : text.indexOf(next, from);
    at >= from;
    at = last ? -1 : text.indexOf(next, at + 1)
  ) {
    if (last && !text.endsWith(next)) return false;
    if (isJsonValue(text.slice(from, at)) && matchesFrom(text, at + next.length, rest)) return true;
  }
  return false;
}

function isJsonValue(value: string): boolean {
  if (value.trim() === '') return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
