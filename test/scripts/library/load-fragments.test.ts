import { expect } from 'chai';
import { libraryFiles } from '../../../generators/render/script-library.js';
import { loadFragments } from './load-fragments.js';

/**
 * Every fragment of scripts/library/ loads in plain Node on its own, with only the constants the
 * collection puts before it: defining the library never touches `pm` or another fragment, so each
 * part can be tested alone (the collection concatenates the same files, render/script-library.ts).
 */
describe('scripts/library/ fragments in Node', () => {
  for (const file of libraryFiles) {
    it(`${file} loads on its own and adds to gatecheck`, () => {
      const gatecheck = loadFragments([file]);
      expect(Object.keys(gatecheck).filter((key) => key !== 'constants')).to.not.deep.equal([]);
    });
  }

  it('all of them load together, in the collection order', () => {
    const gatecheck = loadFragments(libraryFiles);
    for (const part of ['state', 'base64url', 'jwt', 'srp', 'forgeToken', 'negative', 'run'])
      expect(gatecheck, part).to.have.property(part);
  });
});
