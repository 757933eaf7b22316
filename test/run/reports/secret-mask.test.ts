import { expect } from 'chai';
import {
  encodedForms,
  maskDeep,
  maskText,
  REDACTED,
  SecretSet,
} from '../../../generators/run/reports/secret-mask.js';

describe('secret-mask', () => {
  const password = 'pa"ss\\<w&rd>';

  it('masks a secret in every spelling a report can hold it', () => {
    const forms = encodedForms(password);
    expect(forms).to.include.members([
      password,
      'pa\\"ss\\\\<w&rd>',
      'pa&quot;ss\\&lt;w&amp;rd&gt;',
      encodeURIComponent(password),
    ]);
    for (const form of forms)
      expect(maskText(`x ${form} y`, [password])).to.equal(`x ${REDACTED} y`);
  });

  it('masks a password inside a JSON body inside a JSON report', () => {
    const body = JSON.stringify({ AuthParameters: { PASSWORD: password } });
    const report = JSON.stringify({ request: { body: { raw: body } } });
    expect(maskText(report, [password])).to.not.include('pa');
  });

  it('masks any JWT-looking string and Cognito Session values, even unknown ones', () => {
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    const text = `Authorization: Bearer ${forged} {"Session":"AYABeFmJ-secret-session-1234"}`;
    const masked = maskText(text, []);
    expect(masked).to.equal(`Authorization: Bearer ${REDACTED} {"Session":"${REDACTED}"}`);
  });

  it('leaves short values alone: masking every "abc" would ruin a report', () => {
    expect(maskText('abc abcd', ['abc'])).to.equal('abc abcd');
  });

  it('masks the longest secret first', () => {
    expect(maskText('secret-long-value', ['secret', 'secret-long-value'])).to.equal(REDACTED);
  });

  it('masks strings and Buffers in an object graph in place, following cycles once', () => {
    const node: Record<string, unknown> = {
      header: { key: 'Authorization', value: 'token-123456' },
      stream: Buffer.from('{"IdToken":"token-123456"}'),
      list: ['token-123456', 42],
    };
    node.self = node;
    maskDeep(node, (text) => maskText(text, ['token-123456']));
    expect(node.header).to.deep.equal({ key: 'Authorization', value: REDACTED });
    expect((node.stream as Buffer).toString()).to.equal(`{"IdToken":"${REDACTED}"}`);
    expect(node.list).to.deep.equal([REDACTED, 42]);
  });

  it('SecretSet reports each new value once and masks with all values known so far', () => {
    const added: string[] = [];
    const secrets = new SecretSet((value) => added.push(value));
    secrets.add('first-secret');
    expect(secrets.mask('first-secret second-secret')).to.equal(`${REDACTED} second-secret`);
    secrets.add('second-secret');
    secrets.add('first-secret');
    secrets.add(undefined);
    expect(added).to.deep.equal(['first-secret', 'second-secret']);
    expect(secrets.mask('first-secret second-secret')).to.equal(`${REDACTED} ${REDACTED}`);
  });
});
