import { expect } from 'chai';
import { closestFlag, editDistance } from '../../generators/cli/flag-suggestions.js';
import { main } from '../../generators/cli/main.js';
import { capture } from './capture-io.js';

describe('flag typo suggestions', () => {
  const distances: [string, string, number][] = [
    ['bail', 'bail', 0],
    ['bial', 'bail', 1],
    ['paralel', 'parallel', 1],
    ['oprtation', 'operation', 2],
    ['flga', 'flag', 1],
    ['json', 'base-url', 7],
  ];
  for (const [a, b, want] of distances) {
    it(`edit distance ${a} → ${b} is ${want}`, () => {
      expect(editDistance(a, b)).to.equal(want);
    });
  }

  it('suggests the closest known flag, and nothing for a word far from every flag', () => {
    const known = ['bail', 'base-url', 'parallel', 'operation', 'tag'];
    expect(closestFlag('bial', known)).to.equal('bail');
    expect(closestFlag('base-rul', known)).to.equal('base-url');
    expect(closestFlag('frobnicate', known)).to.equal(undefined);
  });

  const cases = [
    { args: ['run', 'c.json', '--bial'], want: '--bial (did you mean --bail?)' },
    { args: ['run', 'c.json', '--paralel', '2'], want: '--paralel (did you mean --parallel?)' },
    { args: ['smoke', 'c.json', '--wiat', '5'], want: '--wiat (did you mean --wait?)' },
    {
      args: ['generate', 'x.yaml', '--oprtation', 'a'],
      want: '--oprtation (did you mean --operation?)',
    },
    { args: ['inspect', 'x.yaml', '--jsno'], want: '--jsno (did you mean --json?)' },
    { args: ['sandbox', '--latncy', '5'], want: '--latncy (did you mean --latency?)' },
  ];
  for (const { args, want } of cases) {
    it(`${args.join(' ')} → exit 2, "${want}", nothing run`, async () => {
      const { io, out, err } = capture();
      expect(await main(args, io)).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err[0]).to.equal(`gatecheck: unknown flag ${want}`);
    });
  }

  it('names every mistyped flag at once', async () => {
    const { io, err } = capture();
    expect(await main(['run', 'c.json', '--bial', '--delay-reqest', '5'], io)).to.equal(2);
    expect(err[0]).to.equal(
      'gatecheck: unknown flags --bial (did you mean --bail?), --delay-reqest (did you mean --delay-request?)',
    );
  });

  it("keeps yargs' message for an unknown flag that resembles nothing", async () => {
    const { io, err } = capture();
    expect(await main(['run', 'c.json', '--frobnicate'], io)).to.equal(2);
    expect(err[0]).to.equal('gatecheck: Unknown argument: frobnicate');
  });

  it('does not call a stray positional a flag', async () => {
    const { io, err } = capture();
    expect(await main(['inspect', 'a.yaml', 'json'], io)).to.equal(2);
    expect(err[0]).to.match(/^gatecheck: Unknown (argument|command): json$/);
  });
});
