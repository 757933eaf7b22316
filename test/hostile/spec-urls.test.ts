import { expect } from 'chai';
import { isPrivateAddress } from '../../generators/load/address-policy.js';
import { fetchLimited } from '../../generators/load/fetch-limited.js';
import { loadSpec } from '../../generators/load/load-spec.js';
import { inputErrorOf, specWith } from './hostile-helpers.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

describe('hostile specs: spec URLs', () => {
  let server: LocalServer;
  let base: string;
  before(async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/spec.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(specWith({}));
      } else if (request.url === '/endless') {
        response.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = (): void => {
          while (response.write(chunk));
          response.once('drain', pump);
        };
        pump();
        request.on('close', () => response.destroy());
      } else if (request.url === '/trickle') {
        response.writeHead(200);
        const timer = setInterval(() => response.write(' '), 50);
        request.on('close', () => clearInterval(timer));
      } else if (request.url?.startsWith('/loop')) {
        response.writeHead(302, { location: `/loop${Math.random()}` }).end();
      } else {
        response.writeHead(404).end();
      }
    });
    base = server.url;
  });
  after(() => server.close());

  it('refuses a loopback URL without --allow-private-urls', async () => {
    const error = await inputErrorOf(() => loadSpec(`${base}/spec.json`));
    expect(error.describe()).to.include('--allow-private-urls');
    expect(error.message).to.include('loopback, link-local or private');
  });

  it('refuses a host name that resolves to loopback (checked after DNS resolution)', async () => {
    const url = `http://localhost:${server.port}/spec.json`;
    const error = await inputErrorOf(() => loadSpec(url));
    expect(error.message).to.match(/localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it('loads the spec with --allow-private-urls', async () => {
    const spec = await loadSpec(`${base}/spec.json`, { allowPrivateUrls: true });
    expect((spec.document as { openapi: string }).openapi).to.equal('3.0.1');
  });

  it('stops an endless body at the size cap', async () => {
    const error = await inputErrorOf(() =>
      fetchLimited(`${base}/endless`, { allowPrivateUrls: true, maxBytes: 1024 * 1024 }),
    );
    expect(error.message).to.include('larger than 1048576 bytes');
  });

  it('stops a trickling server at the total timeout', async () => {
    const error = await inputErrorOf(() =>
      fetchLimited(`${base}/trickle`, { allowPrivateUrls: true, timeoutMs: 500 }),
    );
    expect(error.message).to.include('no complete answer within 0.5 s');
  });

  it('follows at most 5 redirects', async () => {
    const error = await inputErrorOf(() => loadSpec(`${base}/loop`, { allowPrivateUrls: true }));
    expect(error.message).to.include('more than 5 redirects');
  });

  const addresses = [
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:10.0.0.1', true],
    ['[::1]', true],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
  ] as const;
  for (const [address, want] of addresses) {
    it(`${address} is ${want ? '' : 'not '}private`, () => {
      expect(isPrivateAddress(address)).to.equal(want);
    });
  }
});
