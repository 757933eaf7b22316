import { expect } from 'chai';
import { paintLine } from '../../generators/cli/colour.js';
import { shapeOutput, wantsColour } from '../../generators/cli/global-flags.js';
import { main } from '../../generators/cli/main.js';
import { capture } from './capture-io.js';

const ESC = '\u001b[';

describe('colour, --quiet and --verbose', () => {
  const table: {
    flag: boolean | undefined;
    env: NodeJS.ProcessEnv;
    terminal: boolean;
    want: boolean;
  }[] = [
    { flag: undefined, env: {}, terminal: true, want: true },
    { flag: undefined, env: {}, terminal: false, want: false },
    { flag: undefined, env: { NO_COLOR: '1' }, terminal: true, want: false },
    // https://no-color.org: an empty NO_COLOR does not count.
    { flag: undefined, env: { NO_COLOR: '' }, terminal: true, want: true },
    { flag: false, env: {}, terminal: true, want: false },
    { flag: true, env: { NO_COLOR: '1' }, terminal: false, want: true },
  ];
  for (const { flag, env, terminal, want } of table) {
    it(`--color=${String(flag)}, NO_COLOR=${JSON.stringify(env.NO_COLOR)}, terminal ${terminal} → ${want ? 'colour' : 'plain'}`, () => {
      expect(wantsColour(flag, env, terminal)).to.equal(want);
    });
  }

  it('paints failures red, non-zero passes green and inconclusive yellow, and nothing else', () => {
    expect(paintLine('    ✗ GET /items · expired: expected 401')).to.equal(
      `${ESC}31m    ✗ GET /items · expired: expected 401${ESC}0m`,
    );
    expect(paintLine('  checks: 12 passed, 0 failed, 2 inconclusive, 0 skipped')).to.equal(
      `  checks: ${ESC}32m12 passed${ESC}0m, 0 failed, ${ESC}33m2 inconclusive${ESC}0m, 0 skipped`,
    );
    expect(paintLine('[ 3/90] GET /items · expired: FAILED')).to.equal(
      `[ 3/90] GET /items · expired: ${ESC}31mFAILED${ESC}0m`,
    );
    expect(paintLine('  sign-ins: 1')).to.equal('  sign-ins: 1');
  });

  it('colours the lines a command prints only when asked or on a terminal', () => {
    const { io, out } = capture({ out: true, err: false });
    const line = '  checks: 1 passed, 1 failed, 0 inconclusive, 0 skipped';
    shapeOutput(io, { color: undefined, quiet: false, verbose: false }, {}).out(line);
    shapeOutput(io, { color: false, quiet: false, verbose: false }, {}).out(line);
    shapeOutput(io, { color: undefined, quiet: false, verbose: false }, { NO_COLOR: '1' }).out(
      line,
    );
    expect(out[0]).to.include(`${ESC}31m1 failed`);
    expect(out.slice(1)).to.deep.equal([line, line]);
  });

  it('--quiet drops the progress lines and keeps every other line', () => {
    const { io, err } = capture();
    const quiet = shapeOutput(io, { color: undefined, quiet: true, verbose: false }, {});
    quiet.err('[ 1/90] Sign-in · InitiateAuth: ok');
    quiet.err('gatecheck: Cognito is throttling sign-in');
    expect(err).to.deep.equal(['gatecheck: Cognito is throttling sign-in']);
  });

  it('--verbose lines reach stderr only with --verbose', () => {
    const { io, err } = capture();
    shapeOutput(io, { color: undefined, quiet: false, verbose: false }, {}).verbose?.('a');
    shapeOutput(io, { color: undefined, quiet: false, verbose: true }, {}).verbose?.('b');
    expect(err).to.deep.equal(['b']);
  });

  it('--quiet and --verbose together are refused with exit 2', async () => {
    const { io, err } = capture();
    expect(await main(['inspect', 'examples/users-api.json', '--quiet', '--verbose'], io)).to.equal(
      2,
    );
    expect(err[0]).to.match(/quiet and verbose are mutually exclusive/);
  });

  it('--color forces colour on a command that prints a summary, --no-color turns it off', async () => {
    const coloured = capture({ out: true, err: true });
    await main(['generate', 'examples/users-api.json', '--check', '--color'], coloured.io);
    const plain = capture({ out: true, err: true });
    await main(['generate', 'examples/users-api.json', '--check', '--no-color'], plain.io);
    // `up to date` is not a painted line: colour changes nothing it does not mean to.
    expect(coloured.out).to.deep.equal(plain.out);
    expect(plain.out.join('\n')).to.not.include(ESC);
  });
});
