import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Code comments cite the project's own reference pages, `docs/reference/aws-wire-behaviour.md §N`
 * and `docs/reference/check-catalogue.md §N`, never research notes outside the repository. Every
 * cited section must exist, so a renumbered page cannot leave a comment pointing nowhere.
 */
const folders = ['generators', 'sandbox', 'scripts', 'test'];
const pages = {
  'aws-wire-behaviour': 'docs/reference/aws-wire-behaviour.md',
  'check-catalogue': 'docs/reference/check-catalogue.md',
};

/** What may not be cited: paths outside the repository and the old names of the two pages. */
const forbidden = [
  /\.\.\/shared\b/,
  /shared\/reference/,
  new RegExp(['aws', 'behaviour'].join('-')),
  new RegExp(['security', 'checks'].join('-')),
];

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|cjs|mjs|hbs|md|json|ya?ml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The section numbers of a reference page: `## 1.` / `### 1.2` → `1`, `1.2`. */
function sections(page: string): Set<string> {
  const numbers = [...readFileSync(page, 'utf8').matchAll(/^#{2,3} (\d+(?:\.\d+)*)\.? /gm)];
  return new Set(numbers.map((match) => match[1]!));
}

/** `docs/reference/<page>.md §1.2` (also broken across comment lines), with ranges `§1.1–1.3`. */
function citations(text: string): Array<{ page: keyof typeof pages; section: string }> {
  const pattern =
    /docs\/reference\/(aws-wire-behaviour|check-catalogue)\.md[\s*/]*§\s?(\d+(?:\.\d+)*)(?:[–-](\d+(?:\.\d+)*))?/g;
  return [...text.matchAll(pattern)].flatMap((match) => {
    const page = match[1] as keyof typeof pages;
    return [match[2]!, ...(match[3] ? [match[3]] : [])].map((section) => ({ page, section }));
  });
}

describe('reference citations', () => {
  const all = folders.flatMap(files);
  const self = join('test', 'architecture', 'reference-citations.test.ts');

  it('no file cites research notes outside the repository or the old page names', () => {
    const found = all.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${String(pattern)}`);
    });
    expect(found).to.deep.equal([]);
  });

  it('finds the citations it checks, across wrapped comment lines', () => {
    expect(citations('(docs/reference/aws-wire-behaviour.md\n * §1.2, §3)')).to.deep.equal([
      { page: 'aws-wire-behaviour', section: '1.2' },
    ]);
    expect(citations('docs/reference/check-catalogue.md §1.1–1.3')).to.have.length(2);
    expect(sections(pages['aws-wire-behaviour'])).to.include.members(['1', '1.11', '2.2', '6']);
    expect(sections(pages['check-catalogue'])).to.include.members(['0', '1.3', '3.5', '7']);
  });

  it('every cited section exists', () => {
    const known = {
      'aws-wire-behaviour': sections(pages['aws-wire-behaviour']),
      'check-catalogue': sections(pages['check-catalogue']),
    };
    const missing = all
      .filter((file) => file !== self)
      .flatMap((file) =>
        citations(readFileSync(file, 'utf8'))
          .filter(({ page, section }) => !known[page].has(section))
          .map(({ page, section }) => `${file}: ${pages[page]} §${section}`),
      );
    expect(missing).to.deep.equal([]);
  });
});
