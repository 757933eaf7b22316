import { expect } from 'chai';
import { loadFragments } from './load-fragments.js';

/** scripts/library/base64url.js in Node; Node's own base64url (RFC 4648 §5) is the oracle. */
describe('scripts/library/base64url.js', () => {
  const { base64url, jwt } = loadFragments(['run-state.js', 'base64url.js']);
  const roundTrip = (text: string) => base64url.fromWords(base64url.toWords(text));

  for (const bytes of ['', 'f', 'fo', 'foo', 'foob', '\u00ff\u00fe\u00fd', '>>>???']) {
    const encoded = Buffer.from(bytes, 'latin1').toString('base64url');
    it(`${JSON.stringify(encoded)}: decodes and encodes back unchanged, no padding`, () => {
      expect(roundTrip(encoded)).to.equal(encoded);
      expect(roundTrip(encoded)).to.not.match(/[=+/]/);
    });
  }

  it('encodes JSON as Node does, UTF-8 included', () => {
    const value = { sub: 'zoë', scope: 'a/b c?d', n: 1 };
    expect(base64url.encodeJson(value)).to.equal(
      Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'),
    );
    expect(base64url.decodeJson(base64url.encodeJson(value))).to.deep.equal(value);
  });

  it('splits a compact JWT into header, claims, signature and its three parts', () => {
    const header = Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url');
    const claims = Buffer.from('{"token_use":"id","exp":1}').toString('base64url');
    const token = `${header}.${claims}.c2ln`;
    const split = jwt.split(token);
    expect(split?.[0]).to.deep.equal({ alg: 'RS256', kid: 'k1' });
    expect(split?.[1]).to.deep.equal({ token_use: 'id', exp: 1 });
    expect(split?.[2]).to.equal('c2ln');
    expect(split?.[3]).to.deep.equal([header, claims, 'c2ln']);
    expect(jwt.claims(token)).to.deep.equal({ token_use: 'id', exp: 1 });
  });

  for (const token of ['', 'a.b', 'a.b.c.d', 'not-base64.@@@.x', `${'e30'}.${'bm90IGpzb24'}.x`]) {
    it(`${JSON.stringify(token)} is not a JWT: split gives null, claims {}`, () => {
      expect(jwt.split(token)).to.equal(null);
      if (token.split('.').length !== 3) return;
      expect(jwt.claims(token)).to.deep.equal({});
    });
  }

  it('claims of nothing are {}', () => {
    expect(jwt.claims(undefined)).to.deep.equal({});
    expect(jwt.claims(null)).to.deep.equal({});
  });
});
