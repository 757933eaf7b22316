import { expect } from 'chai';
import { environmentVariables } from '../../generators/contract/environment-variables.js';

describe('run-time variables', () => {
  it('each reads GATECHECK_<KEY IN UPPER SNAKE CASE> (the rule examples/ci/newman.sh relies on)', () => {
    for (const variable of environmentVariables) {
      const snake = variable.key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
      expect(variable.envName, variable.key).to.equal(`GATECHECK_${snake}`);
    }
  });

  it('has one entry per key', () => {
    const keys = environmentVariables.map((variable) => variable.key);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
