import { expect } from 'chai';
import { loadSpec } from '../../generators/load/load-spec.js';
import { inputErrorOf, tempFolder } from './hostile-helpers.js';

/** A 1 KB "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['openapi: 3.0.1', 'info: {title: Bomb, version: "1"}', 'a0: &a0 ["lol"]'];
  for (let level = 1; level <= 9; level++) {
    const previous = Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ');
    lines.push(`a${level}: &a${level} [${previous}]`);
  }
  lines.push('paths:', '  /a:', '    get:', '      responses: {"200": {description: *a9}}');
  return lines.join('\n');
}

describe('hostile specs: YAML aliases and nesting', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  before(async () => (folder = await tempFolder()));
  after(() => folder.remove());

  it('refuses a YAML alias bomb quickly', async () => {
    const spec = await folder.write('bomb.yaml', aliasBomb());
    const error = await inputErrorOf(() => loadSpec(spec));
    expect(error.message).to.match(/YAML aliases/);
    expect(error.file).to.equal(spec);
  });

  it('refuses a JSON schema nested 2,000 deep with one line', async () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 2_000; i++) schema = { type: 'array', items: schema };
    const spec = await folder.write(
      'deep.json',
      JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'D', version: '1' },
        paths: {
          '/a': {
            get: {
              responses: {
                '200': { description: 'ok', content: { 'application/json': { schema } } },
              },
            },
          },
        },
      }),
    );
    const error = await inputErrorOf(() => loadSpec(spec));
    expect(error.message).to.equal('the spec nests more than 500 levels deep');
  });

  it('refuses YAML nested 100,000 deep with one line', async () => {
    const depth = 100_000;
    const spec = await folder.write(
      'deep.yaml',
      `openapi: 3.0.1\npaths: {}\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
    );
    const error = await inputErrorOf(() => loadSpec(spec));
    expect(error.message).to.match(/nest/);
  });

  it('refuses a YAML alias that contains itself', async () => {
    const spec = await folder.write(
      'cycle.yaml',
      'openapi: 3.0.1\ninfo: {title: C, version: "1"}\npaths: &p\n  /a: {get: {responses: {}}, x: *p}\n',
    );
    const error = await inputErrorOf(() => loadSpec(spec));
    expect(error.describe()).to.not.include('\n');
  });
});
