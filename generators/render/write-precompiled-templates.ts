/**
 * Build step (`npm run build`, after tsc): compiles every script template into
 * `precompiled-templates.cjs` beside this module, read by precompiled-templates.ts.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { moduleName, writePrecompiled } from './precompiled-templates.js';
import { scriptsDir } from './render-script.js';

const outFile = fileURLToPath(new URL(moduleName, import.meta.url));
// Typed as a spec object, `precompile` returns the spec's JavaScript source.
const count = writePrecompiled(scriptsDir, outFile, (source, options) =>
  String(Handlebars.precompile(source, options)),
);
console.log(`${count} script templates compiled into ${relative(process.cwd(), outFile)}`);
