/**
 * `null` or wrong-typed entries in collection and environment files: one line naming the file and
 * the JSON pointer of the entry, exit 2, before newman sees the file.
 */
import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';
import {
  readCollectionFile,
  readEnvironmentFile,
} from '../../generators/run/inputs/collection-file.js';
import { inputErrorOf, tempFolder } from './hostile-helpers.js';

type Json = Record<string, unknown>;

function collectionWith(change: (collection: Json & { item: Json[] }) => void): string {
  const collection = {
    info: { name: 'shape', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/' },
    variable: [{ key: 'a', value: '1' }],
    event: [{ listen: 'prerequest', script: { exec: ['// ok'] } }],
    item: [
      {
        name: 'folder',
        item: [
          {
            name: 'request',
            request: {
              method: 'GET',
              url: { raw: '{{baseUrl}}/a' },
              header: [{ key: 'x', value: 'y' }],
            },
            event: [{ listen: 'test', script: { exec: ['// ok'] } }],
          },
        ],
      },
    ],
  };
  change(collection as Json & { item: Json[] });
  return JSON.stringify(collection);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases reach into plain JSON */
const collectionCases: Array<[string, (c: any) => void, string, string]> = [
  ['a null item', (c) => (c.item[1] = null), '/item/1', 'expected an item (an object), got null'],
  ['a null item in a folder', (c) => c.item[0].item.push(null), '/item/0/item/1', 'got null'],
  [
    'a folder whose item is a string',
    (c) => (c.item[0].item = 'x'),
    '/item/0/item',
    'expected a list of items, got a string',
  ],
  [
    'an item with neither request nor item',
    (c) => delete c.item[0].item[0].request,
    '/item/0/item/0',
    'needs `request`',
  ],
  [
    'a request that is a number',
    (c) => (c.item[0].item[0].request = 5),
    '/item/0/item/0/request',
    'got a number',
  ],
  [
    'a URL that is null',
    (c) => (c.item[0].item[0].request.url = null),
    '/item/0/item/0/request/url',
    'got null',
  ],
  [
    'a header without a key',
    (c) => (c.item[0].item[0].request.header = [{ value: 1 }]),
    '/item/0/item/0/request/header/0/key',
    'expected a string',
  ],
  [
    'a null variable',
    (c) => (c.variable = [null]),
    '/variable/0',
    'expected a variable (an object), got null',
  ],
  [
    'a variable whose value is an object',
    (c) => (c.variable[0].value = { a: 1 }),
    '/variable/0/value',
    'got an object',
  ],
  [
    'a variable whose key is a number',
    (c) => (c.variable[0].key = 3),
    '/variable/0/key',
    'got a number',
  ],
  ['events that are an object', (c) => (c.event = {}), '/event', 'expected a list, got an object'],
  ['a null event', (c) => (c.item[0].item[0].event = [null]), '/item/0/item/0/event/0', 'got null'],
  [
    'an event without listen',
    (c) => delete c.event[0].listen,
    '/event/0/listen',
    'expected a string',
  ],
  [
    'a script that is a string',
    (c) => (c.event[0].script = 'x'),
    '/event/0/script',
    'expected a script (an object)',
  ],
  [
    'a null script line',
    (c) => (c.event[0].script.exec = ['a', null]),
    '/event/0/script/exec/1',
    'got null',
  ],
  [
    'script lines that are a number',
    (c) => (c.event[0].script.exec = 7),
    '/event/0/script/exec',
    'got a number',
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('hostile collection and environment files: wrong-typed entries', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  before(async () => (folder = await tempFolder()));
  after(() => folder.remove());

  it('a well-formed collection and every example pass', async () => {
    await readCollectionFile(
      await folder.write(
        'ok.json',
        collectionWith(() => {}),
      ),
    );
    await readCollectionFile('collections/users-api.postman_collection.json');
    await readEnvironmentFile('environments/users-api.prod.postman_environment.json');
  });

  for (const [title, change, pointer, says] of collectionCases) {
    it(`collection: ${title} → ${pointer}`, async () => {
      const file = await folder.write(`${title.replace(/\W+/g, '-')}.json`, collectionWith(change));
      const error = await inputErrorOf(() => readCollectionFile(file));
      expect(error.file).to.equal(file);
      expect(error.pointer).to.equal(pointer);
      expect(error.message).to.include(says);
    });
  }

  const environmentCases: Array<[string, unknown[], string, string]> = [
    ['a null value', [null], '/values/0', 'got null'],
    ['a value that is a list', [{ key: 'a', value: [] }], '/values/0/value', 'got a list'],
    ['a null key', [{ key: null, value: 'x' }], '/values/0/key', 'got null'],
    [
      'enabled as a string',
      [{ key: 'a', value: 'x', enabled: 'yes' }],
      '/values/0/enabled',
      'expected true or false',
    ],
    ['a string entry', [{ key: 'a', value: 'x' }, 'b'], '/values/1', 'got a string'],
  ];
  for (const [title, values, pointer, says] of environmentCases) {
    it(`environment: ${title} → ${pointer}`, async () => {
      const file = await folder.write(
        `env-${title.replace(/\W+/g, '-')}.json`,
        JSON.stringify({ name: 'e', values }),
      );
      const error = await inputErrorOf(() => readEnvironmentFile(file));
      expect(error.pointer).to.equal(pointer);
      expect(error.message).to.include(says);
    });
  }

  it('gatecheck run: one line with file and pointer, exit 2', async () => {
    const file = await folder.write(
      'run-null.json',
      collectionWith((c) => (c.item[0] = null as never)),
    );
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await main(['run', file, '--env-file', '/dev/null'], io)).to.equal(2);
    expect(lines).to.deep.equal([
      `gatecheck: ${file}#/item/0: not a Postman collection: expected an item (an object), got null. Fix that entry, or regenerate the collection with \`gatecheck generate\``,
    ]);
  });

  it('gatecheck run: an environment entry that is null, exit 2', async () => {
    const collection = await folder.write(
      'run-ok.json',
      collectionWith(() => {}),
    );
    const environment = await folder.write(
      'run-env.json',
      JSON.stringify({ values: [{ key: 'a', value: 'b' }, null] }),
    );
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(
      await main(['run', collection, '-e', environment, '--env-file', '/dev/null'], io),
    ).to.equal(2);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include(`${environment}#/values/1: not a Postman environment`);
  });
});
