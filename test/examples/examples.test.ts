/**
 * The committed collections and environments of `examples/` are the golden files: this fails when
 * they are stale (regenerate with `npm run generate:examples`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { main } from '../../generators/cli/main.js';
import { environmentVariables } from '../../generators/contract/environment-variables.js';
import { expectValidCollection } from '../render/validate-collection.js';

const root = new URL('../..', import.meta.url).pathname;
const specs = readdirSync(join(root, 'examples'))
  // Specs only: `*.authz.yaml` files are authorization rules (docs/authorization-matrix.md).
  .filter((file) => /\.(json|ya?ml)$/.test(file) && !/\.authz\.ya?ml$/.test(file))
  .map((file) => join(root, 'examples', file));

describe('examples', () => {
  it('are the ten documented API shapes', () => {
    expect(specs.map((s) => s.slice(s.lastIndexOf('/') + 1)).sort()).to.deep.equal([
      'dev-token-api.yaml',
      'hosted-ui-api.yaml',
      'lab-demo-api.yaml',
      'lambda-authorizer-api.yaml',
      'm2m-api.yaml',
      'orders-export-api.json',
      'srp-only-api.yaml',
      'token-header-api.yaml',
      'two-pool-api.yaml',
      'users-api.json',
    ]);
  });

  it('committed output is up to date (gatecheck generate --check)', async () => {
    const err: string[] = [];
    const code = await main(['generate', ...specs, '--out-dir', root, '--check'], {
      out: () => undefined,
      err: (line) => err.push(line),
    });
    expect(code, `${err.join('\n')}\nRegenerate: npm run generate:examples`).to.equal(0);
  });

  it('committed collections are valid; environments carry no secret value', () => {
    for (const file of readdirSync(join(root, 'collections'))) {
      expectValidCollection(JSON.parse(readFileSync(join(root, 'collections', file), 'utf8')));
    }
    const secrets = new Set(environmentVariables.filter((v) => v.secret).map((v) => v.key));
    for (const file of readdirSync(join(root, 'environments'))) {
      const environment = JSON.parse(readFileSync(join(root, 'environments', file), 'utf8')) as {
        values: Array<{ key: string; value: string; type: string }>;
      };
      for (const value of environment.values.filter((v) => secrets.has(v.key))) {
        expect(value, `${file} ${value.key}`).to.include({ value: '', type: 'secret' });
      }
    }
  });

  it('the two-entry export form requires the API key: orders-export-api has missing-key checks', () => {
    const text = readFileSync(
      join(root, 'collections/orders-export-api.postman_collection.json'),
      'utf8',
    );
    expect(text).to.include('"name":"GET /orders · api-key-missing"');
    expect(text).to.include('"name":"GET /orders/{orderId} · api-key-wrong"');
  });

  it('the custom UNAUTHORIZED response of dev-token-api reaches the collection', () => {
    const text = readFileSync(
      join(root, 'collections/dev-token-api.postman_collection.json'),
      'utf8',
    );
    expect(text).to.include('\\"type\\":\\"UNAUTHORIZED\\"');
    expect(text).to.include('dev-auth-token');
  });
});
