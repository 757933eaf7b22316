import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { environmentVariables } from '../../generators/contract/environment-variables.js';

describe('run-time variables', () => {
  it('each reads GATECHECK_<KEY IN UPPER SNAKE CASE> (the rule examples/ci/newman.sh relies on)', () => {
    // The one exception, which newman.sh names too: the code flow's refresh token is
    // GATECHECK_REFRESH_TOKEN, while `refreshToken` is the API sign-in's own collection variable.
    const renamed: Record<string, string> = { oauthRefreshToken: 'GATECHECK_REFRESH_TOKEN' };
    const script = readFileSync('examples/ci/newman.sh', 'utf8');
    for (const [key, envName] of Object.entries(renamed))
      expect(script).to.include(`${key}: '${envName}'`);
    for (const variable of environmentVariables) {
      if (renamed[variable.key] !== undefined) {
        expect(variable.envName).to.equal(renamed[variable.key]);
        continue;
      }
      const snake = variable.key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
      expect(variable.envName, variable.key).to.equal(`GATECHECK_${snake}`);
    }
  });

  it('has one entry per key', () => {
    const keys = environmentVariables.map((variable) => variable.key);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
