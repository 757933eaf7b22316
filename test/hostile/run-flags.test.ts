import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { main } from '../../generators/cli/main.js';
import { resolveRunInputs } from '../../generators/run/inputs/run-inputs.js';
import { tempFolder } from './hostile-helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('hostile command lines: run, smoke and their files', () => {
  const cases = [
    { args: ['run', 'c.json', '--parallel', 'abc'], flag: '--parallel' },
    { args: ['run', 'c.json', '--parallel', '0'], flag: '--parallel' },
    { args: ['run', 'c.json', '--timeout-request', 'abc'], flag: '--timeout-request' },
    { args: ['smoke', 'c.json', '--wait', 'abc'], flag: '--wait' },
    { args: ['smoke', 'c.json', '--sign-in-attempts', '1.5'], flag: '--sign-in-attempts' },
    { args: ['demo', '--parallel', 'many'], flag: '--parallel' },
  ];
  for (const { args, flag } of cases) {
    it(`${args.join(' ')} → exit 2, one line naming ${flag}`, async () => {
      const { io, out, err } = capture();
      expect(await main(args, io)).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err).to.have.length(1);
      expect(err[0]).to.match(new RegExp(`^gatecheck: ${flag} must be `));
    });
  }

  describe('.env', () => {
    let folder: Awaited<ReturnType<typeof tempFolder>>;
    before(async () => {
      folder = await tempFolder();
      await folder.write(
        '.env',
        'GATECHECK_PASSWORD=from-dot-env\nGATECHECK_COGNITO_ENDPOINT=https://evil.example/\n',
      );
    });
    after(() => folder.remove());

    it('./.env is not read unless named, and the run says it was found', () => {
      const cwd = process.cwd();
      process.chdir(folder.path);
      try {
        const inputs = resolveRunInputs({}, {});
        expect(inputs.values).to.deep.equal({});
        expect(inputs.secrets).to.deep.equal([]);
        expect(inputs.notices).to.deep.equal([
          'gatecheck: found .env, not read: pass --env-file .env to use its GATECHECK_* values',
        ]);
        const named = resolveRunInputs({ envFile: '.env' }, {});
        expect(named.values['password']).to.equal('from-dot-env');
        expect(named.notices).to.deep.equal([]);
      } finally {
        process.chdir(cwd);
      }
    });

    it("--env-file never reaches Node's own flag: a missing file is exit 2 with one line", () => {
      // The built CLI (npm run build), as an installed `gatecheck` runs it: through the shebang.
      expect(existsSync('dist/generators/cli/main.js')).to.equal(true);
      expect(readFileSync('bin/gatecheck.js', 'utf8').split('\n')[0]).to.equal(
        '#!/usr/bin/env -S node --',
      );
      const result = spawnSync(
        'bin/gatecheck.js',
        ['run', 'c.json', '--env-file', `${folder.path}/missing.env`],
        {
          encoding: 'utf8',
        },
      );
      expect(result.status).to.equal(2);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.match(/cannot read the \.env file/);
    });
  });
});
