import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';
import { printable } from '../../generators/terminal-text.js';
import { specWith, tempFolder } from './hostile-helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('hostile specs: terminal output', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  before(async () => (folder = await tempFolder()));
  after(() => folder.remove());

  it('printable() removes CSI, OSC and bare control characters, keeps one line', () => {
    expect(printable('a\u001b[2J\u001b[31mred\u001b[0m')).to.equal('ared');
    expect(printable('\u001b]8;;https://evil\u0007link\u001b]8;;\u0007')).to.equal('link');
    expect(printable('x\ny\r\tz\u0007\u009b')).to.equal('x y z');
    expect(printable('\u202eevil')).to.equal('evil');
  });

  it('inspect prints no control sequence from the spec', async () => {
    const spec = JSON.parse(specWith({}));
    spec.info.title = 'Title\u001b]0;owned\u0007\u001b[2J';
    spec.paths['/a\u001b[8m'] = spec.paths['/a'];
    const file = await folder.write('escapes.json', JSON.stringify(spec));
    const { io, out, err } = capture();
    const code = await main(['inspect', file], io);
    expect(code).to.equal(0);
    for (const line of [...out, ...err]) expect(line).to.not.match(control);
    expect(out[0]).to.match(/^Title \(/);
  });

  it('an input error quoting the spec prints no control sequence', async () => {
    const file = await folder.write(
      'bad-ref.json',
      specWith({ $ref: '#/components/\u001b[2Jnope' }),
    );
    const { io, err } = capture();
    expect(await main(['inspect', file], io)).to.equal(2);
    expect(err).to.have.length(1);
    expect(err[0]).to.not.match(control);
  });

  it('inspect warns where the spec names {{variables}}', async () => {
    const file = await folder.write(
      'variables.json',
      specWith({ type: 'string', example: '{{password}}' }),
    );
    const { io, err } = capture();
    expect(await main(['inspect', file], io)).to.equal(0);
    expect(err).to.deep.equal([
      'warning [postman-variable] "{{" in the spec is rendered as "{ {" so no spec text names a Postman variable (#/paths/~1a/get/responses/200/content/application~1json/schema/example)',
    ]);
  });
});
