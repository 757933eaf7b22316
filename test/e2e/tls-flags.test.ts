/**
 * `--insecure` and `--ca-file` against a local HTTPS server whose certificate no public CA signed
 * (what a corporate proxy that re-signs TLS looks like to newman): refused by default, accepted
 * with the proxy's CA file or with verification off. `--delay-request` is accepted on the way.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../generators/cli/main.js';
import { capture } from '../cli/capture-io.js';

describe('run over TLS a public CA did not sign: --ca-file, --insecure', function () {
  this.timeout(60_000);
  let dir: string;
  let server: Server;
  let collectionPath: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatecheck-tls-'));
    // A throw-away key and certificate for 127.0.0.1, made for this run and deleted after it.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=gatecheck test proxy',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'ca.pem'),
      ],
      { stdio: 'ignore' },
    );
    server = createServer(
      { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'ca.pem')) },
      (_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end('{"ok":true}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    collectionPath = join(dir, 'tls.postman_collection.json');
    await writeFile(
      collectionPath,
      JSON.stringify({
        info: {
          name: 'tls',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        item: [
          {
            name: 'GET /health',
            item: [
              {
                name: 'GET /health · answers 200',
                request: { method: 'GET', url: `https://127.0.0.1:${port}/health` },
                event: [
                  {
                    listen: 'test',
                    script: {
                      exec: ["pm.test('answers 200', () => pm.response.to.have.status(200));"],
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
  });
  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (...flags: string[]) => {
    const { io, out, err } = capture();
    const code = await main(
      ['run', collectionPath, '--reports-dir', join(dir, 'reports'), ...flags],
      io,
    );
    return { code, out, err, summary: out.find((line) => line.startsWith('  checks: ')) ?? '' };
  };

  it('refuses the certificate by default: the request fails, exit 1', async () => {
    const { code, out, summary } = await run();
    expect(code).to.equal(1);
    // The request error, and the test that then had no answer to look at.
    expect(summary).to.equal(
      '  checks: 0 passed, 1 failed, 0 inconclusive, 0 skipped (1 check(s))',
    );
    expect(out.some((line) => line.startsWith('    ✗ ') && /certificate/i.test(line))).to.equal(
      true,
    );
  });

  it('--ca-file with the proxy CA: verified and accepted, exit 0', async () => {
    const { code, summary } = await run('--ca-file', join(dir, 'ca.pem'), '--delay-request', '1');
    expect(summary).to.equal(
      '  checks: 1 passed, 0 failed, 0 inconclusive, 0 skipped (1 check(s))',
    );
    expect(code).to.equal(0);
  });

  it('--insecure: not verified, accepted, exit 0', async () => {
    const { code, err, summary } = await run('--insecure');
    expect(err).to.include(
      'gatecheck: --insecure: TLS certificates are not verified (a proxy could read every token); prefer --ca-file',
    );
    expect(summary).to.equal(
      '  checks: 1 passed, 0 failed, 0 inconclusive, 0 skipped (1 check(s))',
    );
    expect(code).to.equal(0);
  });
});
