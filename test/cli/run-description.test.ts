import { expect } from 'chai';
import { describeRun } from '../../generators/cli/run-description.js';

describe('--verbose: what a run uses', () => {
  it('names every value, shows the plain ones and never a secret one', () => {
    const lines = describeRun(
      { collection: 'c.json', reportsDir: 'reports', parallel: 2 },
      'env.json',
      {
        values: {
          baseUrl: 'http://127.0.0.1:4010/dev',
          username: 'main-user',
          password: 'pw-1',
          apiKey: 'key-1',
          // A secret by its name even when no list says so.
          otpCode: '123456',
          revocationPassword: 'pw-2',
        },
        secrets: ['pw-1', 'key-1'],
        githubActions: false,
        notices: [],
      },
      { insecure: true, caFile: 'ca.pem', delayRequestMs: 100 },
    );
    expect(lines).to.deep.equal([
      'gatecheck: collection c.json',
      'gatecheck: environment env.json',
      'gatecheck: values apiKey (secret), baseUrl=http://127.0.0.1:4010/dev, otpCode (secret), password (secret), revocationPassword (secret), username=main-user',
      'gatecheck: reports under reports; 2 worker(s); TLS certificates NOT verified (--insecure); extra CA certificates from ca.pem; 100 ms between requests',
    ]);
    for (const secret of ['pw-1', 'key-1', '123456', 'pw-2'])
      expect(lines.join('\n')).to.not.include(secret);
  });
});
