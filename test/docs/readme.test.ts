import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { environmentVariables } from '../../generators/contract/environment-variables.js';
import { commands } from '../../generators/cli/commands/index.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('shows the two commands a newcomer needs', () => {
    expect(readme).to.include('npm ci && npm run demo');
    expect(readme).to.include('npm test');
  });

  it('documents every run-time variable and its GATECHECK_* name', () => {
    for (const variable of environmentVariables) {
      expect(readme, variable.key).to.include(`| \`${variable.key}\` | \`${variable.envName}\` |`);
    }
  });

  it('documents every command', () => {
    for (const command of commands) {
      const name = command.command.split(' ')[0]!;
      expect(readme, name).to.match(new RegExp(`\\| \`${name}\\b`));
    }
  });
});
