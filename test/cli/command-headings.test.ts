/**
 * The command table lists each command by its heading without loading it: the heading is the one
 * the loaded command registers, and the name is its usage line's first word.
 */
import { expect } from 'chai';
import { commands } from '../../generators/cli/commands/index.js';

describe('command table', () => {
  for (const listing of commands) {
    it(`${listing.name}: the loaded command has the listed usage line and description`, async () => {
      const command = await listing.load();
      expect(command.command).to.equal(listing.command);
      expect(command.describe).to.equal(listing.describe);
      expect(listing.command.split(' ')[0]).to.equal(listing.name);
    });
  }

  it('names every command once', () => {
    const names = commands.map((listing) => listing.name);
    expect(new Set(names).size).to.equal(names.length);
  });
});
