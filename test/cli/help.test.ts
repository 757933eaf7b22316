import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('gatecheck CLI', () => {
  it('exits 2 with a clear message on an unknown command', async () => {
    const { io, err } = capture();
    const code = await main(['frobnicate'], io);
    expect(code).to.equal(2);
    expect(err.join('\n')).to.match(/Unknown command: frobnicate/);
  });
});
