import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('sandbox independence', () => {
  it('never imports generators/ (it reads the spec with its own code)', () => {
    const offenders = tsFiles('sandbox').filter((file) =>
      /from\s+['"][^'"]*generators\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).to.deep.equal([]);
  });
});
