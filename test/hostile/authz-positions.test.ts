/**
 * A mistake in the authorization rules file is reported at `file:line:column` (where an editor
 * opens it) besides its JSON pointer: unknown operations and personas, schema errors, YAML or JSON.
 */
import { expect } from 'chai';
import { readdir } from 'node:fs/promises';
import { main } from '../../generators/cli/main.js';
import { sourceLocator } from '../../generators/load/source-position.js';
import { tempFolder } from './hostile-helpers.js';

const spec = 'examples/users-api.json';

const yamlHead = `# rules
version: 1
personas:
  owner: {}

  other:
    groups: [staff]
`;

const cases: Array<{ title: string; name: string; text: string; at: string }> = [
  {
    title: 'unknown operation (YAML, after comments and blank lines)',
    name: 'op.yaml',
    text: `${yamlHead}operations:
  # a typo
  getUsr:
    allow: [owner]
`,
    at: '10:3#/operations/getUsr: authorization rules: unknown operation "getUsr"',
  },
  {
    title: 'unknown persona in a list',
    name: 'persona.yaml',
    text: `${yamlHead}operations:
  updateUser:
    allow:
      - owner
      - admin
`,
    at: '12:9#/operations/updateUser/allow/1: authorization rules: unknown persona "admin"',
  },
  {
    title: 'unknown persona as an object owner',
    name: 'owner.yaml',
    text: `${yamlHead}objects:
  user: { parameter: id, owner: boss, fixed: { owner: u-1, other: u-2 } }
operations:
  getUser:
    object: user
    allow: [owner]
`,
    at: '9:26#/objects/user/owner: authorization rules: unknown persona "boss"',
  },
  {
    title: 'schema: an unknown field, at the field',
    name: 'field.yaml',
    text: `${yamlHead}operations:
  getUser:
    allow: [owner]
    denied: [other]
`,
    at: '11:5#/operations/getUser: authorization rules: unknown field "denied"',
  },
  {
    title: 'schema: a wrong type, at its key',
    name: 'type.yaml',
    text: `${yamlHead}operations:
  getUser:
    allow: owner
`,
    at: '10:5#/operations/getUser/allow: authorization rules: must be array',
  },
  {
    title: 'schema: a missing field, at its object',
    name: 'missing.yaml',
    text: `${yamlHead}operations:
  getUser:
    refusal: 403
`,
    at: '9:3#/operations/getUser: authorization rules: missing field "allow"',
  },
  {
    title: 'schema: a bad persona name',
    name: 'name.yaml',
    text: `version: 1
personas:
  owner: {}
  Other: {}
operations:
  getUser: { allow: [owner] }
`,
    at: '4:3#/personas: authorization rules: must match pattern',
  },
  {
    title: 'a JSON rules file',
    name: 'rules.json',
    text: JSON.stringify(
      {
        personas: { owner: {}, other: {} },
        operations: { listUsers: { allow: ['owner', 'root'] } },
      },
      null,
      2,
    ),
    at: '10:9#/operations/listUsers/allow/1: authorization rules: unknown persona "root"',
  },
];

describe('hostile authorization rules: file:line:column', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  before(async () => (folder = await tempFolder()));
  after(() => folder.remove());

  for (const { title, name, text, at } of cases) {
    it(title, async () => {
      const file = await folder.write(name, text);
      const outDir = `${folder.path}/out-${name}`;
      const lines: string[] = [];
      const io = {
        out: (line: string) => lines.push(line),
        err: (line: string) => lines.push(line),
      };
      expect(await main(['generate', spec, '--authz', file, '--out-dir', outDir], io)).to.equal(2);
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include(`gatecheck: ${file}:${at}`);
      expect(await readdir(outDir).catch(() => [])).to.deep.equal([]);
    });
  }

  it('the locator: keys, list entries, flow collections, missing pointers', () => {
    const locate = sourceLocator('a:\n  b: [1, {c: 2}]\n  "d/e": x\n');
    expect(locate('')).to.deep.equal({ line: 1, column: 1 });
    expect(locate('/a/b')).to.deep.equal({ line: 2, column: 3 });
    expect(locate('/a/b/1/c')).to.deep.equal({ line: 2, column: 11 });
    expect(locate('/a/d~1e')).to.deep.equal({ line: 3, column: 3 });
    // A pointer the text does not hold: the deepest place it does.
    expect(locate('/a/b/7')).to.deep.equal({ line: 2, column: 3 });
  });
});
