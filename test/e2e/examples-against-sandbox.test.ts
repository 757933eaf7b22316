import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';

/**
 * End to end: for each example API, `gatecheck demo` starts the sandbox, generates the collection
 * and runs it with newman over HTTP. Every check must pass against a correctly configured gateway.
 */
const examples = [
  'examples/lab-demo-api.yaml',
  'examples/users-api.json',
  'examples/dev-token-api.yaml',
  'examples/token-header-api.yaml',
  'examples/orders-export-api.json',
  'examples/lambda-authorizer-api.yaml',
  'examples/two-pool-api.yaml',
  'examples/srp-only-api.yaml',
  'examples/m2m-api.yaml',
  'examples/hosted-ui-api.yaml',
];

describe('generated collections against the sandbox (newman, end to end) @slow', function () {
  this.timeout(120_000);
  let reportsDir: string;

  before(() => {
    reportsDir = mkdtempSync(join(tmpdir(), 'gatecheck-e2e-'));
  });
  after(() => rmSync(reportsDir, { recursive: true, force: true }));

  for (const spec of examples) {
    it(`${spec}: every check passes`, async () => {
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
      const code = await main(['demo', '--spec', spec, '--reports-dir', reportsDir], io);
      const text = out.join('\n');
      expect(code, text).to.equal(0);
      const checks = /checks: (\d+) passed, (\d+) failed, (\d+) inconclusive, (\d+) skipped/.exec(
        text,
      );
      expect(checks, text).to.not.equal(null);
      expect(Number(checks![1])).to.be.greaterThan(10);
      expect(checks!.slice(2).map(Number)).to.deep.equal([0, 0, 0]);
      // The main user signs in once (plus a refresh); each persona of the rules file once more,
      // and the user of each further user pool once.
      const personas = spec.endsWith('users-api.json') ? 4 : 0;
      const pools = spec.endsWith('two-pool-api.yaml') ? 1 : 0;
      const signIns = Number(/sign-ins: (\d+)\b/.exec(text)?.[1]);
      expect(signIns - personas - pools, text).to.be.oneOf([1, 2]);
    });
  }

  it('writes JUnit, JSON and HTML reports for each run', () => {
    const runs = readdirSync(reportsDir);
    expect(runs).to.have.length(examples.length);
    for (const run of runs) {
      const files = readdirSync(join(reportsDir, run), { recursive: true }).map(String);
      expect(files).to.include.members(['junit.xml', 'summary.json']);
      expect(files.some((file) => file.endsWith('.html'))).to.equal(true);
    }
  });
});
