/**
 * The authorization rules file: a wrong name or field stops generate, inspect, demo and run with one
 * line naming the file and the JSON pointer (exit 2), and nothing is written or run.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';

const spec = 'examples/users-api.json';
const fixtures = 'test/fixtures/authz';

function capture() {
  const lines: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }, lines };
}

const cases: Array<{ file: string; line: string }> = [
  {
    file: 'unknown-operation.yaml',
    line: `${fixtures}/unknown-operation.yaml:5:3#/operations/getUsr: authorization rules: unknown operation "getUsr". Name an operation by its operationId or as "METHOD /path", as \`gatecheck inspect\` lists them`,
  },
  {
    file: 'unknown-persona.yaml',
    line: `${fixtures}/unknown-persona.yaml:6:20#/operations/updateUser/allow/1: authorization rules: unknown persona "admin". Declare it under personas: owner, other`,
  },
  {
    file: 'unknown-field.yaml',
    line: `${fixtures}/unknown-field.yaml:7:5#/operations/updateUser: authorization rules: unknown field "refuse". See docs/authorization-matrix.md for the rules file format`,
  },
  {
    file: 'invalid-yaml.txt',
    line: `${fixtures}/invalid-yaml.txt:4:1: the authorization rules are not valid YAML. Fix the YAML syntax (see docs/authorization-matrix.md)`,
  },
  {
    file: 'fixed-write.yaml',
    line: `${fixtures}/fixed-write.yaml:12:5#/operations/PUT ~1users~1{id}/object: authorization rules: PUT /users/{id} would change a fixed object. Give the object a "create" operation, so writes aim only at objects made for the run`,
  },
];

describe('authorization rules: bad input', () => {
  for (const { file, line } of cases) {
    it(`${file} → exit 2, one line, nothing written`, async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'gatecheck-authz-'));
      try {
        const { io, lines } = capture();
        const code = await main(
          ['generate', spec, '--authz', `${fixtures}/${file}`, '--out-dir', outDir],
          io,
        );
        expect(code).to.equal(2);
        expect(lines).to.deep.equal([`gatecheck: ${line}`]);
        expect(await readdir(outDir)).to.deep.equal([]);
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    });
  }

  it('an --authz file that does not exist → exit 2', async () => {
    const { io, lines } = capture();
    expect(await main(['inspect', spec, '--authz', `${fixtures}/nowhere.yaml`], io)).to.equal(2);
    expect(lines).to.deep.equal([
      `gatecheck: ${fixtures}/nowhere.yaml: cannot read the authorization rules file. Check the --authz path`,
    ]);
  });

  it('rules in the spec (x-gatecheck-authz) are checked against the spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatecheck-authz-'));
    try {
      const { readFile } = await import('node:fs/promises');
      const document = JSON.parse(await readFile(spec, 'utf8')) as Record<string, unknown>;
      document['x-gatecheck-authz'] = {
        personas: { owner: {}, other: {} },
        operations: { deleteUser: { allow: ['owner', 'nobody'] } },
      };
      const path = join(dir, 'api.json');
      await writeFile(path, JSON.stringify(document));
      const { io, lines } = capture();
      expect(await main(['inspect', path], io)).to.equal(2);
      expect(lines).to.deep.equal([
        `gatecheck: ${path}#/x-gatecheck-authz/operations/deleteUser/allow/1: authorization rules: unknown persona "nobody". Declare it under personas: owner, other`,
      ]);
      // Valid rules from the extension reach the model.
      document['x-gatecheck-authz'] = {
        personas: { owner: {}, other: {} },
        operations: { deleteUser: { allow: ['owner'] } },
      };
      await writeFile(path, JSON.stringify(document));
      const model = buildModel(await loadSpec(path));
      expect(
        model.authz?.rules.map((rule) => [rule.operationId, rule.allow, rule.refuse]),
      ).to.deep.equal([['deleteUser', ['owner'], ['other']]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a run without a persona's credentials → exit 2, one line, nothing run", async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'gatecheck-authz-'));
    const saved = { ...process.env };
    try {
      for (const name of Object.keys(process.env))
        if (name.startsWith('GATECHECK_')) delete process.env[name];
      process.env.GATECHECK_OWNER_USERNAME = 'persona-owner';
      process.env.GATECHECK_OWNER_PASSWORD = 'not-used';
      const { io, lines } = capture();
      const code = await main(
        [
          'run',
          'collections/users-api.postman_collection.json',
          '--env-file',
          '/dev/null',
          '--reports-dir',
          reportsDir,
        ],
        io,
      );
      expect(code).to.equal(2);
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(
        /^gatecheck: collections\/users-api\.postman_collection\.json#\/variable\/\d+\/value: persona "other" has no credentials\. Set GATECHECK_OTHER_USERNAME and GATECHECK_OTHER_PASSWORD \(in the environment or \.env\); nothing was run$/,
      );
      expect(lines[0]).to.not.include('not-used');
      expect(await readdir(reportsDir)).to.deep.equal([]);
    } finally {
      process.env = saved;
      await rm(reportsDir, { recursive: true, force: true });
    }
  });
});
