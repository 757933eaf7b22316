/**
 * The script templates compiled at build time (`npm run build` writes
 * `precompiled-templates.cjs` beside this module in `dist/`), so a command loads only the
 * handlebars runtime and compiles nothing. Each entry keeps the SHA-256 of the source it was
 * compiled from: a template edited after the build no longer matches and is compiled from its
 * source again (render-script.ts), so the output never depends on a stale build.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

/** One compiled template: the hash of its source and handlebars' template spec (JavaScript). */
export interface PrecompiledTemplate {
  sha256: string;
  spec: object;
}

/** How every script template is compiled (render-script.ts uses the same options at run time). */
export const compileOptions = { strict: true, noEscape: true } as const;

/** File name of the compiled templates, beside this module. */
export const moduleName = 'precompiled-templates.cjs';

export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The compiled templates by path under `scripts/` (`/`-separated), or none (run from sources). */
export function loadPrecompiled(): ReadonlyMap<string, PrecompiledTemplate> {
  try {
    const table = createRequire(import.meta.url)(`./${moduleName}`) as Record<
      string,
      PrecompiledTemplate
    >;
    return new Map(Object.entries(table));
  } catch {
    return new Map();
  }
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return templateFiles(path);
      return name.endsWith('.hbs') ? [path] : [];
    });
}

/**
 * Compiles every `*.hbs` under `scriptsDir` and writes the CommonJS module `outFile`. `precompile`
 * is handlebars' own, returning each template spec as JavaScript source.
 */
export function writePrecompiled(
  scriptsDir: string,
  outFile: string,
  precompile: (source: string, options: typeof compileOptions) => string,
): number {
  const entries = templateFiles(scriptsDir).map((file) => {
    const source = readFileSync(file, 'utf8');
    const key = relative(scriptsDir, file).split(sep).join('/');
    return `  ${JSON.stringify(key)}: { sha256: ${JSON.stringify(sourceHash(source))}, spec: ${precompile(source, compileOptions)} },`;
  });
  writeFileSync(outFile, `'use strict';\nmodule.exports = {\n${entries.join('\n')}\n};\n`);
  return entries.length;
}
