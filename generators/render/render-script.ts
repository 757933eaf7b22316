/**
 * The one template engine for Postman sandbox scripts. Scripts are real JavaScript files under
 * `scripts/` (handlebars templates; the code they call is the script library, plain JavaScript
 * under `scripts/library/`, see script-library.ts); values reach them ONLY through the `json`
 * helper (`{{{json value}}}` → `JSON.stringify(value)`), so a value can never break out of its
 * literal. Shared snippets are partials: every `scripts/partials/<name>.js.hbs` is `{{> <name>}}`;
 * a caller may pass partials that return code of its own as it is (the script library's fragments,
 * script-library.ts), never a value.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { neutraliseDeep } from './neutralise-variables.js';

/** The project root: the nearest folder above this file holding `scripts/` and `package.json`. */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gatecheck: cannot find the scripts/ folder');
    dir = parent;
  }
}

/** Absolute path of the `scripts/` folder (works from the sources and from `dist/`). */
export const scriptsDir = join(findProjectRoot(), 'scripts');

const engine = Handlebars.create();
engine.registerHelper('json', (value: unknown) =>
  // `undefined` has no JSON form; a template asking for it is a bug in the data, say so loudly.
  {
    if (value === undefined) throw new Error('json helper: value is undefined');
    // Scripts copy values into requests (headers.upsert), where Postman resolves `{{...}}`.
    return JSON.stringify(neutraliseDeep(value));
  },
);

let partialsRegistered = false;
function registerPartials(): void {
  if (partialsRegistered) return;
  const partialsDir = join(scriptsDir, 'partials');
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).sort()) {
      if (!file.endsWith('.js.hbs')) continue;
      engine.registerPartial(
        file.slice(0, -'.js.hbs'.length),
        readFileSync(join(partialsDir, file), 'utf8'),
      );
    }
  }
  // The script library's code (script-library.ts passes it at render time); empty elsewhere.
  engine.registerPartial('library-code', '');
  partialsRegistered = true;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a script template. `templatePath` is relative to `scripts/` (e.g.
 * `positive/test.js.hbs`) or absolute. Templates are compiled once and cached; `strict` makes a
 * missing data field an error instead of an empty string.
 */
export function renderScript(
  templatePath: string,
  data: object,
  partials?: Record<string, () => string>,
): string {
  registerPartials();
  const file = isAbsolute(templatePath) ? templatePath : resolve(scriptsDir, templatePath);
  let template = compiled.get(file);
  if (!template) {
    template = engine.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: true });
    compiled.set(file, template);
  }
  return partials ? template(data, { partials }) : template(data);
}

/** Postman stores a script as an array of lines (`event[].script.exec`). */
export function scriptLines(code: string): string[] {
  return code.replace(/\n+$/, '').split('\n');
}
