import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { selectFolders } from '../../generators/cli/select-folders.js';
import { InputError } from '../../generators/errors.js';
import { modelSource } from '../../generators/pipeline.js';
import { readCollectionFile } from '../../generators/run/inputs/collection-file.js';
import { capture } from './capture-io.js';

const usersSpec = 'examples/users-api.json';
const usersCollection = 'collections/users-api.postman_collection.json';

describe('--operation and --tag', () => {
  describe('generate', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'gatecheck-filters-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const folderNames = async () => {
      const text = await readFile(
        join(dir, 'collections', 'users-api.postman_collection.json'),
        'utf8',
      );
      return (JSON.parse(text) as { item: { name: string; item?: unknown[] }[] }).item
        .filter((item) => Array.isArray(item.item))
        .map((item) => item.name);
    };

    const cases: { flags: string[]; folders: string[] }[] = [
      {
        flags: ['--operation', 'getUser'],
        folders: ['Sign-in', 'GET /users/{id}', 'Revocation (Cognito)'],
      },
      {
        flags: ['--operation', 'getUser', '--operation', 'DELETE /users/{id}'],
        folders: ['Sign-in', 'GET /users/{id}', 'DELETE /users/{id}', 'Revocation (Cognito)'],
      },
      {
        // listUsers' persona rule names no object; getUser's needs createUser, which is left out.
        flags: ['--tag', 'read'],
        folders: [
          'Sign-in',
          'GET /users',
          'GET /users/{id}',
          'Authorization (personas)',
          'Revocation (Cognito)',
        ],
      },
      {
        // The persona rules of PUT /users/{id} need createUser and deleteUser to make their object.
        flags: ['--tag', 'write'],
        folders: [
          'Sign-in',
          'POST /users',
          'PUT /users/{id}',
          'DELETE /users/{id}',
          'Authorization (personas)',
          'Revocation (Cognito)',
        ],
      },
    ];
    for (const { flags, folders } of cases) {
      it(`${flags.join(' ')} → folders ${folders.join(', ')}`, async () => {
        const { io } = capture();
        expect(await main(['generate', usersSpec, '--out-dir', dir, ...flags], io)).to.equal(0);
        expect(await folderNames()).to.deep.equal(folders);
      });
    }

    it('an unknown operation id is one line naming the ids, exit 2, nothing written', async () => {
      const { io, out, err } = capture();
      expect(
        await main(['generate', usersSpec, '--out-dir', dir, '--operation', 'getUsr'], io),
      ).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err).to.deep.equal([
        `gatecheck: ${usersSpec}#/paths: no operation "getUsr". Name one of: listUsers, createUser, getUser, updateUser, deleteUser`,
      ]);
      expect(
        await readFile(join(dir, 'collections', 'users-api.postman_collection.json')).catch(
          () => 'none',
        ),
      ).to.equal('none');
    });

    it('an unknown tag is one line naming the tags, exit 2', async () => {
      const { io, err } = capture();
      expect(await main(['generate', usersSpec, '--out-dir', dir, '--tag', 'admin'], io)).to.equal(
        2,
      );
      expect(err).to.deep.equal([
        `gatecheck: ${usersSpec}#/paths: no operation is tagged "admin". Tags in the spec: read, write`,
      ]);
    });
  });

  describe('run (selecting folders of a generated collection)', () => {
    const folders = (collection: { item: { name?: string; item?: unknown }[] }) =>
      collection.item.map((item) => item.name);

    it('finds a folder by operationId (from its derived id) or by its "METHOD /path" name', async () => {
      const collection = await readCollectionFile(usersCollection);
      const selected = selectFolders(
        { operations: ['getUser', 'delete /users/{id}'] },
        usersCollection,
      )(collection);
      expect(folders(selected)).to.deep.equal([
        'gatecheck · run start',
        'Sign-in',
        'GET /users/{id}',
        'DELETE /users/{id}',
        'gatecheck · run guard',
      ]);
    });

    it('with the spec, by tag', async () => {
      const collection = await readCollectionFile(usersCollection);
      const model = await modelSource(usersSpec, { select: { tags: ['read'] } });
      const selected = selectFolders({ operations: [], model }, usersCollection)(collection);
      expect(folders(selected).filter((name) => name?.startsWith('GET'))).to.deep.equal([
        'GET /users',
        'GET /users/{id}',
      ]);
    });

    it('an operation the collection does not have is an input error naming the file', async () => {
      const collection = await readCollectionFile(usersCollection);
      expect(() => selectFolders({ operations: ['getUsr'] }, usersCollection)(collection))
        .to.throw(InputError, 'no operation "getUsr" in the collection')
        .with.property('file', usersCollection);
    });

    it('run --operation nope: one line, exit 2, no run', async () => {
      const { io, out, err } = capture();
      expect(await main(['run', usersCollection, '--operation', 'nope'], io)).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err).to.have.length(1);
      expect(err[0]).to.match(
        /^gatecheck: collections\/users-api\.postman_collection\.json#\/item: no operation "nope" in the collection\. /,
      );
    });

    it('run --tag without --spec: one line, exit 2', async () => {
      const { io, err } = capture();
      expect(await main(['run', usersCollection, '--tag', 'read'], io)).to.equal(2);
      expect(err).to.deep.equal([
        'gatecheck: --tag needs --spec. Tags are not in the collection: name the export it was generated from with --spec FILE',
      ]);
    });

    it('run --tag with an unknown tag: one line, exit 2', async () => {
      const { io, err } = capture();
      expect(
        await main(['run', usersCollection, '--tag', 'nope', '--spec', usersSpec], io),
      ).to.equal(2);
      expect(err).to.have.length(1);
      expect(err[0]).to.include('no operation is tagged "nope"');
    });
  });
});
