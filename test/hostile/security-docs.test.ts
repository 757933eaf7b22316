/**
 * The README warns that plain newman's --export-environment writes secrets in clear, and
 * docs/security.md names every flag that relaxes what gatecheck refuses.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import yargs from 'yargs';
import { withRunFlags } from '../../generators/cli/run-flags.js';

describe('hostile input: the security notes', () => {
  it('README: --export-environment writes secrets in clear', async () => {
    const readme = (await readFile('README.md', 'utf8')).replace(/\s+/g, ' ');
    expect(readme).to.match(
      /Never add `--export-environment` to plain newman[^.]*: it writes every variable, the password included, in clear/,
    );
  });

  it('docs/security.md names every relaxing run flag and the sandbox secret', async () => {
    const notes = await readFile('docs/security.md', 'utf8');
    const options = Object.keys(
      (
        withRunFlags(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown> } }
      ).getOptions().key,
    );
    const relaxing = options.filter((name) => /^(trust|allow)-/.test(name));
    expect(relaxing).to.include.members(['trust-host', 'trust-collection']);
    for (const flag of [
      ...relaxing,
      'allow-external-refs',
      'allow-remote-refs',
      'allow-private-urls',
      'env-file',
    ])
      expect(notes, flag).to.include(`\`--${flag}`);
    expect(notes).to.include('GATECHECK_SANDBOX_SECRET');
    expect(notes).to.not.match(/Not covered yet[\s\S]*content hash/);
  });
});
