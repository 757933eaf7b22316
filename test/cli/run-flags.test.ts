import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { newmanTransportOf, type RunFlags } from '../../generators/cli/run-flags.js';
import { InputError } from '../../generators/errors.js';
import { capture } from './capture-io.js';

const flags = (extra: Partial<RunFlags>): RunFlags => ({
  reportsDir: 'reports',
  signInAttempts: 4,
  timeoutRequest: 30_000,
  trustHost: [],
  trustCollection: false,
  insecure: false,
  delayRequest: 0,
  ...extra,
});

describe('run flags for newman: --insecure, --ca-file, --delay-request', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-run-flags-'));
    await writeFile(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('maps the flags onto newman transport options', () => {
    expect(newmanTransportOf(flags({}))).to.deep.equal({ insecure: false, delayRequestMs: 0 });
    expect(
      newmanTransportOf(flags({ insecure: true, caFile: join(dir, 'ca.pem'), delayRequest: 250 })),
    ).to.deep.equal({ insecure: true, caFile: join(dir, 'ca.pem'), delayRequestMs: 250 });
  });

  it('an unreadable --ca-file is an input error naming the file', () => {
    expect(() => newmanTransportOf(flags({ caFile: join(dir, 'missing.pem') })))
      .to.throw(InputError, 'cannot read the CA file')
      .with.property('file', join(dir, 'missing.pem'));
  });

  const refused = [
    {
      args: ['run', 'c.json', '--delay-request', '-5'],
      line: /^gatecheck: --delay-request must be a number of at least 0/,
    },
    {
      args: ['smoke', 'c.json', '--delay-request', 'soon'],
      line: /^gatecheck: --delay-request must be a number/,
    },
    {
      args: ['run', 'c.json', '--ca-file', '/nonexistent/ca.pem'],
      line: /^gatecheck: \/nonexistent\/ca\.pem: cannot read the CA file\. /,
    },
    {
      args: ['run', 'c.json', '--sandbox', '--sandbox-values', '/nonexistent/values.json'],
      line: /^gatecheck: \/nonexistent\/values\.json: no sandbox values file\. /,
    },
  ];
  for (const { args, line } of refused) {
    it(`${args.join(' ')} → one line, exit 2`, async () => {
      const { io, out, err } = capture();
      expect(await main(args, io)).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err).to.have.length(1);
      expect(err[0]).to.match(line);
    });
  }
});
