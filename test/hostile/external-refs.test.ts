import { expect } from 'chai';
import { loadSpec } from '../../generators/load/load-spec.js';
import { valueAt } from '../../generators/load/json-pointer.js';
import { inputErrorOf, specWith, tempFolder } from './hostile-helpers.js';

const secret = 'TOP-SECRET-CONTENT-1234';

describe('hostile specs: external $refs', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  before(async () => {
    folder = await tempFolder();
    await folder.write('outside.txt', `password=${secret}\n`);
    await folder.write('inside/schemas.yaml', 'Thing:\n  type: string\n');
    await folder.write('inside/secret.txt', `password=${secret}\n`);
  });
  after(() => folder.remove());

  const cases = [
    { name: 'a file beside the spec', ref: './schemas.yaml#/Thing', flag: '--allow-external-refs' },
    { name: '/proc/self/environ', ref: '/proc/self/environ', flag: '--allow-external-refs' },
    { name: 'a file:// URL', ref: 'file:///etc/passwd', flag: '--allow-external-refs' },
    { name: 'an http URL', ref: 'http://169.254.169.254/latest', flag: '--allow-remote-refs' },
  ];
  for (const { name, ref, flag } of cases) {
    it(`refuses ${name} by default, naming the $ref and ${flag}`, async () => {
      const spec = await folder.write('inside/spec.json', specWith({ $ref: ref }));
      const error = await inputErrorOf(() => loadSpec(spec));
      expect(error.message).to.include(ref);
      expect(error.describe()).to.include(flag);
      expect(error.pointer).to.equal(
        '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
      );
    });
  }

  it('follows a file under the spec folder with --allow-external-refs', async () => {
    const spec = await folder.write(
      'inside/spec.json',
      specWith({ $ref: './schemas.yaml#/Thing' }),
    );
    const loaded = await loadSpec(spec, { allowExternalRefs: true });
    expect(
      valueAt(loaded.document, '/paths/~1a/get/responses/200/content/application~1json/schema'),
    ).to.deep.equal({ type: 'string' });
  });

  for (const ref of ['../outside.txt', '/proc/self/environ', 'file:///etc/passwd']) {
    it(`refuses ${ref} outside the spec folder even with --allow-external-refs`, async () => {
      const spec = await folder.write('inside/spec.json', specWith({ $ref: ref }));
      const error = await inputErrorOf(() => loadSpec(spec, { allowExternalRefs: true }));
      expect(error.message).to.include("leaves the spec's folder");
      expect(error.describe()).to.not.include(secret);
    });
  }

  it('--allow-external-refs does not allow URLs', async () => {
    const spec = await folder.write(
      'inside/spec.json',
      specWith({ $ref: 'https://example.com/x' }),
    );
    const error = await inputErrorOf(() => loadSpec(spec, { allowExternalRefs: true }));
    expect(error.describe()).to.include('--allow-remote-refs');
  });

  it('never quotes a referenced text file in the message', async () => {
    const spec = await folder.write('inside/spec.json', specWith({ $ref: './secret.txt#/a/b' }));
    const error = await inputErrorOf(() => loadSpec(spec, { allowExternalRefs: true }));
    expect(error.describe()).to.not.include(secret);
    expect(error.describe()).to.not.include('password');
  });

  it('refuses a nested $ref leaving the folder from inside a referenced file', async () => {
    await folder.write('inside/hop.yaml', 'Thing:\n  $ref: "../outside.txt"\n');
    const spec = await folder.write('inside/spec.json', specWith({ $ref: './hop.yaml#/Thing' }));
    const error = await inputErrorOf(() => loadSpec(spec, { allowExternalRefs: true }));
    expect(error.message).to.include('outside.txt');
    expect(error.describe()).to.not.include(secret);
  });
});
