import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import vm from 'node:vm';
import js from '@eslint/js';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { renderScript, scriptsDir } from '../../generators/render/render-script.js';

/** Sample data for every template of the sign-in, collection and positive scripts. */
const samples: Record<string, object> = {
  'collection/prerequest.js.hbs': { signInRequestIds: ['a', 'b', 'c'] },
  'sign-in/initiate-auth.prerequest.js.hbs': {},
  'sign-in/initiate-auth.test.js.hbs': { next: { afterTokens: 'r', challenge: 'c' } },
  'sign-in/respond-to-challenge.prerequest.js.hbs': {},
  'sign-in/respond-to-challenge.test.js.hbs': { next: { afterTokens: null, challenge: 'c' } },
  'sign-in/refresh.prerequest.js.hbs': {},
  'sign-in/refresh.test.js.hbs': {},
  'positive/test.js.hbs': {
    check: {
      name: 'GET /users/{id} · positive',
      status: 200,
      contentType: 'application/json',
      schemaPointer: '#/definitions/User',
    },
  },
};

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templates(path);
    return name.endsWith('.js.hbs') ? [relative(scriptsDir, path)] : [];
  });
}

const ours = templates(scriptsDir).filter(
  (path) => !path.startsWith('negative/') && !path.startsWith('partials/'),
);

// Postman runs scripts as plain scripts with these globals (postman-sandbox).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: {
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { pm: 'readonly', postman: 'readonly', require: 'readonly', console: 'readonly' },
    },
    rules: {
      ...js.configs.recommended.rules,
      // Shared partials declare helpers a given script may not call.
      'no-unused-vars': ['error', { vars: 'local' }],
    },
  },
});

describe('script templates', () => {
  it('has sample data for every template (so each is rendered and checked below)', () => {
    expect(ours.sort()).to.deep.equal(Object.keys(samples).sort());
  });

  for (const template of Object.keys(samples)) {
    it(`${template} renders, compiles and lints`, async () => {
      const code = renderScript(template, samples[template] ?? {});
      expect(() => new vm.Script(code, { filename: template })).not.to.throw();
      const [result] = await eslint.lintText(code, { filePath: `${template}.js` });
      const problems = (result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.message}`);
      expect(problems, code).to.deep.equal([]);
    });
  }

  it('lets values in only through the json helper, partials and block helpers', () => {
    for (const template of templates(scriptsDir).filter((t) => !t.startsWith('negative/'))) {
      const text = readFileSync(join(scriptsDir, template), 'utf8');
      for (const [mustache] of text.matchAll(/\{\{[^}]*\}\}\}?/g)) {
        expect(mustache, template).to.match(
          /^\{\{(\{json [^}]+\}\}\}|> [\w-]+\}\}|[#/]\w+.*\}\}|else\}\})$/,
        );
      }
    }
  });

  it('JSON-encodes values, so a hostile value stays a string literal', () => {
    const name = `x'); pm.environment.set("leak", "1"); //\n</script>"`;
    const code = renderScript('positive/test.js.hbs', {
      check: { name, status: 200, contentType: '', schemaPointer: '' },
    });
    const context = { CHECK: undefined as unknown };
    vm.runInNewContext(
      code.split('\n').find((l) => l.startsWith('var CHECK'))!,
      context,
    );
    expect((context.CHECK as { name: string }).name).to.equal(name);
  });
});
