import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import js from '@eslint/js';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import { planNegativeChecks } from '../../generators/plan/plan-negative-checks.js';
import { planRevocationChecks } from '../../generators/plan/plan-revocation-checks.js';
import { renderRevocationScripts } from '../../generators/render/negative-revocation-scripts.js';
import {
  renderNegativeScripts,
  renderRunGuard,
  renderRunStart,
} from '../../generators/render/render-negative-scripts.js';
import { scriptsDir } from '../../generators/render/render-script.js';
import { scriptLibrary } from '../../generators/render/script-library.js';
import { cognitoScoped, httpRejections, model, operation } from '../support/api-model.js';

// Postman runs scripts as plain scripts with these globals (postman-sandbox).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: {
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      // `gatecheck`: the script library, defined by the collection pre-request script.
      globals: { pm: 'readonly', require: 'readonly', gatecheck: 'readonly' },
    },
  },
});

/** Every kind of script: all negative kinds (with API key), a sentinel target, public checks, HTTP API, revocation, framing. */
function allScripts(): Array<{ name: string; code: string }> {
  const scoped = operation({ protection: cognitoScoped, apiKey: { header: 'x-api-key' } });
  const unsafe = operation({ method: 'delete', path: '/users/{id}' });
  const publicRead = operation({ path: '/health', security: [], protection: { kind: 'public' } });
  const publicWrite = operation({
    method: 'post',
    path: '/events',
    security: [],
    protection: { kind: 'public' },
  });
  const http = operation({
    protection: {
      kind: 'jwt',
      scheme: 'jwt',
      tokenHeader: 'Authorization',
      tokenKind: 'access',
      scopes: ['a/b'],
      audience: [],
    },
    rejections: httpRejections,
  });
  const rest = model([scoped, unsafe, publicRead, publicWrite]);
  const checks = [
    ...[scoped, unsafe, publicRead, publicWrite].flatMap((op) => planNegativeChecks(rest, op)),
    ...planNegativeChecks(model([http], { gatewayKind: 'http' }), http),
  ];
  const scripts: Array<{ name: string; code: string }> = checks.flatMap((check) => {
    const { prerequest, test } = renderNegativeScripts(check);
    return [
      ...(prerequest !== undefined
        ? [{ name: `${check.name} (prerequest)`, code: prerequest }]
        : []),
      { name: `${check.name} (test)`, code: test },
    ];
  });
  for (const check of planRevocationChecks(rest)) {
    const { prerequest, test } = renderRevocationScripts(check);
    scripts.push(
      { name: `${check.name} (prerequest)`, code: prerequest },
      { name: `${check.name} (test)`, code: test },
    );
  }
  scripts.push({ name: 'run guard', code: renderRunGuard({ expectedCheckCount: 7 }).test });
  scripts.push({ name: 'run start', code: renderRunStart().prerequest });
  return scripts;
}

describe('negative check scripts', () => {
  const scripts = allScripts();

  it('renders every script of every check kind', () => {
    expect(scripts.length).to.be.above(100);
  });

  it('every rendered script compiles', () => {
    for (const { name, code } of scripts)
      expect(() => new vm.Script(code, { filename: name }), name).not.to.throw();
  });

  it('every rendered script lints clean (no undefined or unused names)', async () => {
    for (const { name, code } of scripts) {
      const [result] = await eslint.lintText(code, { filePath: 'script.js' });
      const problems = (result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.message}`);
      expect(problems, `${name}\n${code}`).to.deep.equal([]);
    }
  });

  it('renders only the data a check needs: no forgery code in any item, the forgery once in the library', () => {
    const op = operation();
    const checks = planNegativeChecks(model([op]), op);
    const noToken = checks.find((c) => c.name === 'GET /demo · no-token');
    const hs256 = checks.find((c) => c.name === 'GET /demo · hs256-public-key');
    // No token: the request item sends none, so the check has no pre-request script at all.
    expect(renderNegativeScripts(noToken!).prerequest).to.equal(undefined);
    expect(renderNegativeScripts(noToken!).test).to.not.include('crypto-js');
    expect(renderNegativeScripts(noToken!).test).to.not.include('forgery');
    expect(renderNegativeScripts(hs256!).prerequest).to.not.include('pemFromJwk');
    expect(renderNegativeScripts(hs256!).prerequest).to.include('"forgery":"hs256-public-key"');
    expect(scriptLibrary().match(/function pemFromJwk\(/g)).to.have.length(1);
  });

  it('lets values in only through the json helper, block helpers and (static) partials', () => {
    for (const file of readdirSync(join(scriptsDir, 'checks'))) {
      const text = readFileSync(join(scriptsDir, 'checks', file), 'utf8');
      for (const [mustache] of text.matchAll(/\{\{[^}]*\}\}\}?/g))
        expect(mustache, file).to.match(
          /^\{\{(\{json [^}]+\}\}\}|> [\w-]+\}\}|[#/]\w+.*\}\}|else\}\})$/,
        );
    }
  });

  it('keeps a hostile value a string literal', () => {
    const op = operation({ path: `/x'); pm.environment.set("leak", "1"); //\n</script>` });
    const [control] = planNegativeChecks(model([op]), op);
    const code = renderNegativeScripts(control!).test;
    // The item script is one call into the library: run it against a stub that keeps the data.
    const context: { check?: { label: string }; pm: object; gatecheck: object } = {
      pm: {},
      gatecheck: {
        control: { test: (_pm: unknown, check: { label: string }) => (context.check = check) },
      },
    };
    vm.runInNewContext(code, context);
    expect(context.check?.label).to.equal(`control`);
    expect(code).to.not.include('pm.environment.set("leak"');
  });
});
