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
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { neutraliseDeep } from './neutralise-variables.js';
import { compileOptions, loadPrecompiled, sourceHash } from './precompiled-templates.js';

type Engine = typeof HandlebarsModule;

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

const requireHere = createRequire(import.meta.url);

function withJsonHelper(engine: Engine): Engine {
  engine.registerHelper('json', (value: unknown) =>
    // `undefined` has no JSON form; a template asking for it is a bug in the data, say so loudly.
    {
      if (value === undefined) throw new Error('json helper: value is undefined');
      // Scripts copy values into requests (headers.upsert), where Postman resolves `{{...}}`.
      return JSON.stringify(neutraliseDeep(value));
    },
  );
  return engine;
}

/** The templates compiled by the build (none when run from the sources). */
const precompiled = loadPrecompiled();

/** The build's spec of a template file if it was compiled from exactly this source. */
function builtSpec(file: string, source: string): object | undefined {
  const entry = precompiled.get(relative(scriptsDir, file).split(sep).join('/'));
  return entry?.sha256 === sourceHash(source) ? entry.spec : undefined;
}

/** `scripts/partials/<name>.js.hbs`: name, file and source. */
function partialSources(): Array<{ name: string; file: string; source: string }> {
  const partialsDir = join(scriptsDir, 'partials');
  if (!existsSync(partialsDir)) return [];
  return readdirSync(partialsDir)
    .sort()
    .filter((file) => file.endsWith('.js.hbs'))
    .map((file) => ({
      name: file.slice(0, -'.js.hbs'.length),
      file: join(partialsDir, file),
      source: readFileSync(join(partialsDir, file), 'utf8'),
    }));
}

interface Engines {
  /** The handlebars runtime with the built partials; only when every partial is as built. */
  runtime: Engine | undefined;
  /** Full handlebars, which compiles: for a template edited since the build (or no build). */
  compiler: () => Engine;
}

let engines: Engines | undefined;
function enginesOf(): Engines {
  if (engines) return engines;
  const partials = partialSources();
  let compiler: Engine | undefined;
  const compilerOf = (): Engine => {
    if (compiler) return compiler;
    compiler = withJsonHelper((requireHere('handlebars') as Engine).create());
    for (const partial of partials) compiler.registerPartial(partial.name, partial.source);
    // The script library's code (script-library.ts passes it at render time); empty elsewhere.
    compiler.registerPartial('library-code', '');
    return compiler;
  };
  const specs = partials.map((partial) => builtSpec(partial.file, partial.source));
  let runtime: Engine | undefined;
  if (precompiled.size > 0 && specs.every((spec) => spec !== undefined)) {
    runtime = withJsonHelper((requireHere('handlebars/runtime') as Engine).create());
    partials.forEach((partial, index) => {
      runtime!.registerPartial(partial.name, runtime!.template(specs[index] as never));
    });
    runtime.registerPartial('library-code', () => '');
  }
  engines = { runtime, compiler: compilerOf };
  return engines;
}

const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();

/**
 * Renders a script template. `templatePath` is relative to `scripts/` (e.g.
 * `positive/test.js.hbs`) or absolute. Templates are compiled once (by the build when it can) and
 * cached; `strict` makes a missing data field an error instead of an empty string.
 */
export function renderScript(
  templatePath: string,
  data: object,
  partials?: Record<string, () => string>,
): string {
  const file = isAbsolute(templatePath) ? templatePath : resolve(scriptsDir, templatePath);
  let template = compiled.get(file);
  if (!template) {
    const { runtime, compiler } = enginesOf();
    const source = readFileSync(file, 'utf8');
    const spec = runtime ? builtSpec(file, source) : undefined;
    template =
      spec && runtime
        ? runtime.template(spec as never)
        : compiler().compile(source, { ...compileOptions });
    compiled.set(file, template);
  }
  return partials ? template(data, { partials }) : template(data);
}

/** Postman stores a script as an array of lines (`event[].script.exec`). */
export function scriptLines(code: string): string[] {
  return code.replace(/\n+$/, '').split('\n');
}
