import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The pipeline runs one way: no stage imports a later one, so each stage can be read, tested and
 * changed knowing only the stages before it. The sandbox is a stand-in for AWS and must not share
 * code with what it tests, so it never imports `generators/`.
 */
const stages = ['load', 'model', 'plan', 'render', 'write', 'run', 'aws', 'cli'] as const;

/** Modules outside the stages that every stage may use; they import only each other. */
const neutral = ['errors.ts', 'io.ts', 'terminal-text.ts', 'contract/'];

/** Modules that wire the stages together; only the CLI (and the public API) builds on them. */
const composition: Record<string, readonly string[]> = {
  'pipeline.ts': ['cli', 'index.ts'],
  'index.ts': [],
};

const root = resolve('.');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every relative module a file imports, re-exports or loads with `import()`, as a repo path. */
function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(root, resolve(dirname(file), name))
        .split(sep)
        .join('/'),
    )
    .map((path) => path.replace(/\.js$/, '.ts'));
}

/** Where a path under `generators/` sits: a stage, a neutral module or a composition module. */
type Place =
  | { kind: 'stage'; stage: (typeof stages)[number] }
  | { kind: 'neutral' }
  | { kind: 'composition'; name: string }
  | { kind: 'unknown' };

function placeOf(path: string): Place {
  const inside = path.slice('generators/'.length);
  const folder = inside.includes('/') ? inside.slice(0, inside.indexOf('/')) : undefined;
  const stage = stages.find((name) => name === folder);
  if (stage) return { kind: 'stage', stage };
  if (neutral.some((entry) => (entry.endsWith('/') ? inside.startsWith(entry) : inside === entry)))
    return { kind: 'neutral' };
  if (inside in composition) return { kind: 'composition', name: inside };
  return { kind: 'unknown' };
}

/** Why `from` may not import `to`, or undefined when it may. */
function importProblem(from: string, to: string): string | undefined {
  if (from.startsWith('sandbox/')) {
    return to.startsWith('generators/') ? 'the sandbox never imports generators/' : undefined;
  }
  if (!to.startsWith('generators/')) return undefined;
  const source = placeOf(from);
  const target = placeOf(to);
  if (source.kind === 'unknown') return `${from} is in no stage: place it in one (${stages})`;
  if (target.kind === 'unknown') return `${to} is in no stage: place it in one (${stages})`;
  if (target.kind === 'neutral') return undefined;
  if (source.kind === 'neutral') return 'a neutral module imports only neutral modules';
  if (target.kind === 'composition') {
    const allowed = composition[target.name] ?? [];
    const name = source.kind === 'stage' ? source.stage : source.name;
    return allowed.includes(name)
      ? undefined
      : `only ${allowed.join(', ') || 'nothing'} may import it`;
  }
  if (source.kind === 'composition') return undefined;
  if (stages.indexOf(target.stage) > stages.indexOf(source.stage)) {
    return `${source.stage} runs before ${target.stage}`;
  }
  return undefined;
}

describe('stage imports', () => {
  const files = [...sourceFiles('generators'), ...sourceFiles('sandbox')].map((file) =>
    relative(root, file).split(sep).join('/'),
  );

  it('reads the imports of every file, static, re-exported and dynamic', () => {
    expect(files).to.include('generators/pipeline.ts');
    expect(relativeImports('generators/pipeline.ts')).to.include('generators/load/load-spec.ts');
    // cli/commands load their work with import(): those count too.
    const dynamic = sourceFiles('generators/cli/commands').flatMap(relativeImports);
    expect(dynamic.some((path) => path.startsWith('generators/run/'))).to.equal(true);
  });

  for (const { from, to, want } of [
    { from: 'generators/plan/a.ts', to: 'generators/render/b.ts', want: 'plan runs before render' },
    { from: 'generators/render/a.ts', to: 'generators/plan/b.ts', want: undefined },
    { from: 'generators/run/a.ts', to: 'generators/cli/b.ts', want: 'run runs before cli' },
    { from: 'generators/load/a.ts', to: 'generators/errors.ts', want: undefined },
    { from: 'generators/run/a.ts', to: 'generators/io.ts', want: undefined },
    { from: 'generators/plan/a.ts', to: 'generators/contract/b.ts', want: undefined },
    { from: 'generators/errors.ts', to: 'generators/model/b.ts', want: 'a neutral module' },
    { from: 'generators/run/a.ts', to: 'generators/pipeline.ts', want: 'only cli' },
    { from: 'generators/cli/a.ts', to: 'generators/pipeline.ts', want: undefined },
    { from: 'generators/x/a.ts', to: 'generators/load/b.ts', want: 'is in no stage' },
    { from: 'sandbox/a.ts', to: 'generators/load/b.ts', want: 'the sandbox never imports' },
    { from: 'sandbox/a.ts', to: 'sandbox/b/c.ts', want: undefined },
  ]) {
    it(`${from} -> ${to}: ${want ?? 'allowed'}`, () => {
      const problem = importProblem(from, to);
      if (want === undefined) expect(problem).to.equal(undefined);
      else expect(problem).to.be.a('string').and.include(want);
    });
  }

  it('no stage imports a later one, and the sandbox imports nothing from generators/', () => {
    const problems = files.flatMap((from) =>
      relativeImports(from).flatMap((to) => {
        const problem = importProblem(from, to);
        return problem ? [`${from} imports ${to}: ${problem}`] : [];
      }),
    );
    expect(problems).to.deep.equal([]);
  });
});
