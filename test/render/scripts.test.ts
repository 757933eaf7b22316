import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import vm from 'node:vm';
import js from '@eslint/js';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { renderScript, scriptsDir } from '../../generators/render/render-script.js';
import {
  libraryConstants,
  libraryFiles,
  scriptLibrary,
} from '../../generators/render/script-library.js';

/** Sample data for every template of the sign-in, collection and positive scripts. */
const samples: Record<string, object> = {
  'collection/library.js.hbs': { build: 'b', constants: libraryConstants(), schemas: {} },
  'collection/prerequest.js.hbs': { signInRequestIds: ['a', 'b', 'c'] },
  'sign-in/initiate-auth.prerequest.js.hbs': {},
  'sign-in/initiate-auth.test.js.hbs': { next: { afterTokens: 'r', challenge: 'c' } },
  'sign-in/respond-to-challenge.prerequest.js.hbs': {},
  'sign-in/respond-to-challenge.test.js.hbs': { next: { afterTokens: null, challenge: 'c' } },
  'sign-in/refresh.prerequest.js.hbs': {},
  'sign-in/refresh.test.js.hbs': {},
  'oauth/token.prerequest.js.hbs': { grant: 'client-credentials' },
  'oauth/token.test.js.hbs': { grant: 'oauth-user' },
  'oauth/pkce.prerequest.js.hbs': {
    check: { id: 'p1', name: 'PKCE · x', step: 'login-refused', scopes: ['email'] },
  },
  'oauth/pkce.test.js.hbs': {
    check: { id: 'p2', name: 'PKCE · y', step: 'wrong-verifier', scopes: ['email'] },
  },
  'positive/pool-sign-in.prerequest.js.hbs': {},
  'positive/test.js.hbs': {
    check: {
      name: 'GET /users/{id} · positive',
      status: 200,
      contentType: 'application/json',
      schemaPointer: '#/definitions/User',
    },
  },
  'authz/authz.prerequest.js.hbs': { check: { id: 'a', persona: 'other' } },
  'authz/authz.test.js.hbs': { check: { id: 'a', persona: 'other' } },
  'authz/cleanup.prerequest.js.hbs': {},
};

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templates(path);
    return name.endsWith('.js.hbs') ? [relative(scriptsDir, path)] : [];
  });
}

const ours = templates(scriptsDir).filter(
  (path) => !path.startsWith('checks/') && !path.startsWith('partials/'),
);

// Postman runs scripts as plain scripts with these globals (postman-sandbox).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: {
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: {
        pm: 'readonly',
        postman: 'readonly',
        require: 'readonly',
        console: 'readonly',
        // Defined by the collection pre-request script (the script library), called by the items.
        gatecheck: 'writable',
      },
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
    for (const template of templates(scriptsDir).filter((t) => !t.startsWith('checks/'))) {
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
    // The item script is one call into the library: run it against a stub that keeps the data.
    const context = {
      CHECK: undefined as unknown,
      pm: {},
      gatecheck: { positive: { test: (_pm: unknown, check: unknown) => (context.CHECK = check) } },
    };
    vm.runInNewContext(code, context);
    expect((context.CHECK as { name: string }).name).to.equal(name);
  });
});

describe('script library (scripts/library/)', () => {
  const library = scriptLibrary();

  it('is every file of scripts/library, in the fixed order', () => {
    const files = readdirSync(join(scriptsDir, 'library')).filter((f) => f.endsWith('.js'));
    expect([...libraryFiles].sort()).to.deep.equal(files.sort());
  });

  it('compiles and lints as written into collections (comment lines left out)', async () => {
    expect(() => new vm.Script(library, { filename: 'library.js' })).not.to.throw();
    const [result] = await eslint.lintText(library, { filePath: 'library.js' });
    const problems = (result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.message}`);
    expect(problems).to.deep.equal([]);
    // Comment lines: the header of collection/library.js.hbs and one marker per fragment only.
    const header = readFileSync(join(scriptsDir, 'collection/library.js.hbs'), 'utf8');
    const comments = (text: string) => text.split('\n').filter((l) => /^\s*\/\//.test(l));
    expect(comments(library)).to.deep.equal([
      ...comments(header),
      ...libraryFiles.map((file) => `// scripts/library/${file}`),
    ]);
  });

  it('defines every function the item scripts call', () => {
    const context: { gatecheck?: Record<string, unknown>; require: () => object } = {
      require: () => ({}),
    };
    vm.runInNewContext(library, context);
    const calls = new Set<string>();
    for (const template of templates(scriptsDir)) {
      const text = readFileSync(join(scriptsDir, template), 'utf8');
      for (const [, path] of text.matchAll(/gatecheck\.([\w.]+)\(pm/g)) calls.add(path!);
    }
    expect(calls.size).to.be.above(15);
    for (const path of calls) {
      const found = path
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown>)?.[key],
          context.gatecheck,
        );
      expect(typeof found, `gatecheck.${path}`).to.equal('function');
    }
  });

  it('item scripts are a guard line and one call: the code is in the library only', () => {
    for (const template of Object.keys(samples).filter((t) => !t.startsWith('collection/'))) {
      const lines = renderScript(template, samples[template] ?? {})
        .trimEnd()
        .split('\n');
      expect(lines, template).to.have.length(2);
      expect(lines[0], template).to.match(
        /^if \(typeof gatecheck === 'undefined'\) throw new Error\(/,
      );
      expect(lines[1], template).to.match(/^gatecheck\.[\w.]+\(pm(, .*)?\);$/);
    }
  });
});
