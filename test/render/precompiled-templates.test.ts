/**
 * The build's compiled script templates (`npm run build` → precompiled-templates.cjs): every
 * template under scripts/ is in it, keyed by its path and the hash of its source, and renders as
 * the template compiled at run time does.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import {
  sourceHash,
  writePrecompiled,
  type PrecompiledTemplate,
} from '../../generators/render/precompiled-templates.js';
import { renderScript, scriptsDir } from '../../generators/render/render-script.js';

async function templatesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => relative(scriptsDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('precompiled script templates', () => {
  let dir: string;
  let table: Record<string, PrecompiledTemplate>;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-templates-'));
    const file = join(dir, 'precompiled-templates.cjs');
    writePrecompiled(scriptsDir, file, (source, options) =>
      String(Handlebars.precompile(source, options)),
    );
    table = createRequire(import.meta.url)(file) as Record<string, PrecompiledTemplate>;
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every template under scripts/ with the hash of its source', async () => {
    const templates = await templatesUnder(scriptsDir);
    expect(templates.length).to.be.greaterThan(0);
    expect(Object.keys(table).sort()).to.deep.equal(templates);
    for (const template of templates) {
      const source = await readFile(join(scriptsDir, template), 'utf8');
      expect(table[template]!.sha256, template).to.equal(sourceHash(source));
    }
  });

  it('renders as the template compiled at run time', () => {
    const engine = Handlebars.create();
    engine.registerHelper('json', (value: unknown) => JSON.stringify(value));
    const built = engine.template(table['collection/prerequest.js.hbs']!.spec as never);
    const data = { signInRequestIds: ['sign-in-a', 'sign-in-b'] };
    expect(built(data)).to.equal(renderScript('collection/prerequest.js.hbs', data));
  });
});
