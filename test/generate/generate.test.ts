import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';
import { environmentVariables } from '../../generators/contract/environment-variables.js';
import { expectValidCollection } from '../render/validate-collection.js';
import {
  gatewayExportOas3,
  gatewayExportSwagger2,
  realSpecsDir,
} from '../support/fixture-files.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const lab = join(examples, 'lab-demo-api.yaml');
const users = join(examples, 'users-api.json');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('gatecheck generate', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'gatecheck-generate-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes a collection and one environment per stage, and says so', async () => {
    const { io, out } = capture();
    expect(await main(['generate', lab, users, '--out-dir', outDir], io)).to.equal(0);
    expect(filesUnder(outDir)).to.deep.equal([
      'collections/lab-demo-api.postman_collection.json',
      'collections/users-api.postman_collection.json',
      'environments/lab-demo-api.prod.postman_environment.json',
      'environments/users-api.prod.postman_environment.json',
    ]);
    expect(out).to.have.length(4);
    expect(out.every((line) => line.startsWith(`wrote ${outDir}/`))).to.equal(true);
    const text = readFileSync(
      join(outDir, 'collections/lab-demo-api.postman_collection.json'),
      'utf8',
    );
    expect(text.endsWith('}\n')).to.equal(true);
    expectValidCollection(JSON.parse(text));
  });

  it('--base-url replaces the servers of the spec', async () => {
    const { io } = capture();
    expect(
      await main(
        ['generate', lab, '--out-dir', outDir, '--base-url', 'http://127.0.0.1:9/test'],
        io,
      ),
    ).to.equal(0);
    const environment = JSON.parse(
      readFileSync(join(outDir, 'environments/lab-demo-api.test.postman_environment.json'), 'utf8'),
    ) as { values: Array<{ key: string; value: string }> };
    expect(environment.values.find((v) => v.key === 'baseUrl')?.value).to.equal(
      'http://127.0.0.1:9/test',
    );
  });

  it('is deterministic: a second run writes byte-identical files', async () => {
    await main(['generate', users, '--out-dir', outDir], capture().io);
    const first = filesUnder(outDir).map((f) => readFileSync(join(outDir, f), 'utf8'));
    await main(['generate', users, '--out-dir', outDir], capture().io);
    expect(filesUnder(outDir).map((f) => readFileSync(join(outDir, f), 'utf8'))).to.deep.equal(
      first,
    );
  });

  it('--check: exit 0 when up to date, 1 listing stale or missing files', async () => {
    await main(['generate', lab, '--out-dir', outDir], capture().io);
    expect(await main(['generate', lab, '--out-dir', outDir, '--check'], capture().io)).to.equal(0);
    const stalePath = join(outDir, 'collections/lab-demo-api.postman_collection.json');
    writeFileSync(stalePath, '{}\n');
    const { io, err } = capture();
    expect(await main(['generate', lab, users, '--out-dir', outDir, '--check'], io)).to.equal(1);
    expect(err).to.include(`stale: ${stalePath}`);
    expect(err).to.include(
      `stale: ${join(outDir, 'collections/users-api.postman_collection.json')}`,
    );
    expect(readFileSync(stalePath, 'utf8')).to.equal('{}\n');
  });

  it('writes nothing when one spec of several is bad (exit 2, one line)', async () => {
    const { io, err } = capture();
    expect(
      await main(['generate', lab, join(outDir, 'missing.yaml'), '--out-dir', outDir], io),
    ).to.equal(2);
    expect(filesUnder(outDir)).to.deep.equal([]);
    expect(err).to.have.length(1);
    expect(err[0]).to.match(/^gatecheck: .*missing\.yaml/);
  });

  it('writes nothing when the output cannot be written', async () => {
    writeFileSync(join(outDir, 'environments'), 'not a folder');
    const { io, err } = capture();
    expect(await main(['generate', lab, '--out-dir', outDir], io)).to.equal(2);
    expect(filesUnder(outDir)).to.deep.equal(['environments']);
    expect(err.join('\n')).to.match(/cannot write the generated files.*nothing was written/);
  });

  it('refuses two specs that would write the same files', async () => {
    mkdirSync(join(outDir, 'copy'));
    writeFileSync(join(outDir, 'copy/lab.yaml'), readFileSync(lab));
    const { io, err } = capture();
    expect(
      await main(['generate', lab, join(outDir, 'copy/lab.yaml'), '--out-dir', outDir], io),
    ).to.equal(2);
    expect(err.join('\n')).to.match(
      /would both write collections\/lab-demo-api\.postman_collection\.json/,
    );
    expect(filesUnder(outDir)).to.deep.equal(['copy/lab.yaml']);
  });

  it('never writes a secret, even when the process environment holds them', async () => {
    const secrets: Record<string, string> = {};
    for (const variable of environmentVariables) {
      if (variable.secret && variable.envName)
        secrets[variable.envName] = `s3cret-${variable.key}-value`;
    }
    const saved = { ...process.env };
    Object.assign(process.env, secrets);
    try {
      expect(await main(['generate', lab, users, '--out-dir', outDir], capture().io)).to.equal(0);
    } finally {
      for (const name of Object.keys(secrets)) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
    for (const file of filesUnder(outDir)) {
      const text = readFileSync(join(outDir, file), 'utf8');
      for (const value of Object.values(secrets)) expect(text, file).to.not.include(value);
      expect(text, file).to.not.match(/eyJ[\w-]{10,}\.[\w-]{10,}\./);
    }
  });
});

describe('gatecheck generate on every real spec @slow', function () {
  this.timeout(180000);
  const specsDir = realSpecsDir();
  const specs = [
    ...readdirSync(specsDir)
      .filter((f) => /\.(json|ya?ml)$/.test(f))
      .map((f) => join(specsDir, f)),
    gatewayExportOas3,
    gatewayExportSwagger2,
  ];
  let outDir: string;
  before(() => {
    outDir = mkdtempSync(join(tmpdir(), 'gatecheck-specs-'));
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  for (const spec of specs) {
    it(`${basename(spec)}: valid collections and environments`, async () => {
      const dir = join(outDir, basename(spec));
      const { io, err } = capture();
      expect(await main(['generate', spec, '--out-dir', dir], io), err.join('\n')).to.equal(0);
      const files = filesUnder(dir);
      expect(files.filter((f) => f.startsWith('collections/'))).to.have.length(1);
      expect(files.filter((f) => f.startsWith('environments/')).length).to.be.above(0);
      for (const file of files.filter((f) => f.startsWith('collections/'))) {
        expectValidCollection(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      }
    });
  }
});
