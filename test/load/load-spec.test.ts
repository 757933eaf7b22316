import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../generators/errors.js';
import { loadSpec, type LoadOptions } from '../../generators/load/load-spec.js';
import { valueAt } from '../../generators/load/json-pointer.js';
import { freePort, startLocalServer, type LocalServer } from '../support/local-server.js';

const fixtures = new URL('../fixtures/specs/', import.meta.url).pathname;

async function loadError(source: string, options: LoadOptions = {}): Promise<InputError> {
  try {
    await loadSpec(source, options);
  } catch (error) {
    expect(error).to.be.instanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('loadSpec', () => {
  describe('reads every spec shape', () => {
    const cases = [
      { given: 'rest-cognito-swagger2.json', want: { field: 'swagger', value: '2.0' } },
      { given: 'rest-cognito-oas30.yaml', want: { field: 'openapi', value: '3.0.1' } },
      { given: 'http-jwt-oas31.json', want: { field: 'openapi', value: '3.1.0' } },
    ];
    for (const { given, want } of cases) {
      it(`${given} → ${want.field} ${want.value}`, async () => {
        const spec = await loadSpec(`${fixtures}${given}`);
        expect(spec.source).to.equal(`${fixtures}${given}`);
        expect((spec.document as Record<string, unknown>)[want.field]).to.equal(want.value);
      });
    }

    it('keeps YAML versions and dates as strings (JSON schema, like the ref parser)', async () => {
      const spec = await loadSpec(`${fixtures}rest-cognito-oas30.yaml`);
      expect((spec.document as { info: { version: unknown } }).info.version).to.equal('2024-05-01');
    });

    it('inlines external $refs and keeps internal ones', async () => {
      const spec = await loadSpec(`${fixtures}external-ref/main.yaml`, {
        allowExternalRefs: true,
      });
      const schema = valueAt(
        spec.document,
        '/paths/~1things/get/responses/200/content/application~1json/schema',
      );
      expect(schema).to.deep.equal({ type: 'object', properties: { name: { type: 'string' } } });
      const swagger = await loadSpec(`${fixtures}rest-cognito-swagger2.json`);
      expect(valueAt(swagger.document, '/definitions/Orders/items')).to.deep.equal({
        $ref: '#/definitions/Order',
      });
    });
  });

  describe('from an http(s) URL', () => {
    let server: LocalServer;
    let base: string;
    before(async () => {
      const yaml = await readFile(`${fixtures}rest-cognito-oas30.yaml`, 'utf8');
      server = await startLocalServer((request, response) => {
        if (request.url === '/openapi.yaml') {
          response.writeHead(200, { 'content-type': 'application/yaml' }).end(yaml);
        } else {
          response.writeHead(404).end('not found');
        }
      });
      base = server.url;
    });
    after(() => server.close());

    it('fetches and parses the document', async () => {
      const spec = await loadSpec(`${base}/openapi.yaml`, { allowPrivateUrls: true });
      expect(valueAt(spec.document, '/info/title')).to.equal('Pets API');
    });

    it('reports an HTTP error status', async () => {
      const error = await loadError(`${base}/missing.yaml`, { allowPrivateUrls: true });
      expect(error.describe()).to.equal(
        `could not fetch ${base}/missing.yaml: HTTP 404 Not Found. Check the URL; an API Gateway export needs \`aws apigateway get-export\``,
      );
    });

    it('reports a URL that does not answer', async () => {
      const port = await freePort();
      const error = await loadError(`http://127.0.0.1:${port}/openapi.json`, {
        allowPrivateUrls: true,
      });
      expect(error.message).to.match(
        new RegExp(`^could not fetch http://127\\.0\\.0\\.1:${port}/openapi\\.json: ECONNREFUSED`),
      );
    });
  });

  describe('bad input → InputError naming the file and place', () => {
    const cases: { given: string; want: { message: RegExp; pointer?: string } }[] = [
      {
        given: 'bad/not-a-spec.json',
        want: {
          message: /^not an OpenAPI or Swagger document \(no `openapi` or `swagger` field\)$/,
          pointer: '',
        },
      },
      { given: 'bad/invalid-json.txt', want: { message: /^invalid JSON at line 3, column 27: / } },
      {
        given: 'bad/invalid-yaml.txt',
        want: {
          message:
            /^invalid YAML at line 8, column 1: unexpected end of the stream within a flow collection$/,
        },
      },
      {
        given: 'bad/missing-ref.json',
        want: {
          message: /^unresolvable \$ref "#\/components\/responses\/Nope"$/,
          pointer: '/paths/~1a/get/responses/200/$ref',
        },
      },
      {
        given: 'bad/ref-cycle.json',
        want: {
          message:
            /^\$ref cycle with no content: #\/components\/schemas\/A → #\/components\/schemas\/B → #\/components\/schemas\/A$/,
          pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
        },
      },
      {
        given: 'bad/no-paths.yaml',
        want: { message: /^the spec has no `paths` object/, pointer: '/paths' },
      },
      {
        given: 'bad/does-not-exist.yaml',
        want: { message: /^could not read the spec: no such file$/ },
      },
    ];
    for (const { given, want } of cases) {
      it(`${given} → ${want.message.source}`, async () => {
        const error = await loadError(`${fixtures}${given}`);
        expect(error.message).to.match(want.message);
        expect(error.file).to.equal(`${fixtures}${given}`);
        if (want.pointer !== undefined) expect(error.pointer).to.equal(want.pointer);
        expect(error.hint ?? '').to.not.equal('');
        expect(error.describe()).to.not.include('\n');
      });
    }
  });
});

describe('loadSpec: numeric Swagger version', () => {
  it('accepts `swagger: 2.0` written as a number', async () => {
    const spec = await loadSpec(`${fixtures}swagger-number-version.yaml`);
    expect((spec.document as { swagger: unknown }).swagger).to.equal(2);
  });
});
