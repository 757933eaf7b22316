import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { captureIo } from './helpers.js';

describe('gatecheck run: bad input', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-run-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing collection file exits 2 naming the file, without a stack trace', async () => {
    const io = captureIo();
    const missing = join(dir, 'missing.json');
    expect(await main(['run', missing, '--env-file', '/dev/null'], io)).to.equal(2);
    expect(io.all()).to.include(`${missing}: collection file not found`);
    expect(io.all()).to.not.include('    at ');
  });

  it('a file that is not a collection exits 2 with the JSON pointer', async () => {
    const path = join(dir, 'not-a-collection.json');
    await writeFile(path, JSON.stringify({ info: { name: 'x' }, item: 'nope' }));
    const io = captureIo();
    expect(await main(['run', path, '--env-file', '/dev/null'], io)).to.equal(2);
    expect(io.all()).to.include(`${path}#/item: not a Postman collection`);
  });

  it('an environment that is not JSON exits 2 naming it', async () => {
    const collection = join(dir, 'c.json');
    const environment = join(dir, 'e.json');
    await writeFile(collection, JSON.stringify({ info: { name: 'x' }, item: [] }));
    await writeFile(environment, '{ not json');
    const io = captureIo();
    expect(
      await main(['run', collection, '-e', environment, '--env-file', '/dev/null'], io),
    ).to.equal(2);
    expect(io.all()).to.include(`${environment}: the environment is not valid JSON`);
  });
});
