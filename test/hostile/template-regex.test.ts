import { expect } from 'chai';
import { renderTemplate } from '../../generators/model/response-template.js';

const error = { message: 'Unauthorized', responseType: 'UNAUTHORIZED' };

describe('hostile specs: gateway-response templates with many $context variables', () => {
  const variables = Array.from({ length: 40 }, (_, i) => `"v${i}":"$context.requestId"`);
  const template = `{"message":$context.error.messageString,${variables.join(',')}}`;
  const rendered = renderTemplate(template, error);

  it('builds a pattern that still matches a real body', () => {
    expect(rendered.kind).to.equal('pattern');
    const pattern = new RegExp((rendered as { bodyPattern: string }).bodyPattern);
    const body = `{"message":"Unauthorized",${variables.map((v) => v.replace('$context.requestId', 'a1b2-c3')).join(',')}}`;
    expect(pattern.test(body)).to.equal(true);
    expect(pattern.test(body.replace('Unauthorized', 'Forbidden'))).to.equal(false);
  });

  it('answers at once on a body that does not match (no catastrophic backtracking)', () => {
    const pattern = new RegExp((rendered as { bodyPattern: string }).bodyPattern);
    // A near miss: every value present but the last brace missing, the worst case for lazy gaps.
    const body = `{"message":"Unauthorized",${variables.map((v) => v.replace('$context.requestId', 'x'.repeat(50))).join(',')}`;
    expect(pattern.test(body)).to.equal(false);
  });

  it('adjacent unknown values share one gap', () => {
    const adjacent = renderTemplate('{"a":"$context.path$context.stage$context.requestId"}', error);
    expect((adjacent as { bodyPattern: string }).bodyPattern).to.equal(
      '^\\s*\\{"a":"[^"]*"\\}\\s*$',
    );
  });
});
