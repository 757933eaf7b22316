/**
 * Fixture files vendored in the repository, so the tests run on any clone. The two large real
 * specs are stored gzip-compressed; they are unpacked once per test process into a temporary
 * folder, which the process removes when it exits.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const fixturesDir = resolve(import.meta.dirname, '../fixtures');
const vendoredSpecsDir = join(fixturesDir, 'real-specs');

/** The Postman collection v2.1.0 JSON Schema (draft-04). */
export const postmanSchemaPath = join(fixturesDir, 'schemas/postman-collection-v2.1.0.schema.json');

/** Hand-written specs with the shape of real API Gateway exports. */
export const gatewayExportOas3 = join(fixturesDir, 'specs/gateway-export-any-method.yaml');
export const gatewayExportSwagger2 = join(fixturesDir, 'specs/gateway-export-swagger2.json');

let unpacked: string | undefined;

/** A folder holding every real spec as a plain file (the compressed ones unpacked). */
export function realSpecsDir(): string {
  if (unpacked !== undefined) return unpacked;
  const dir = mkdtempSync(join(tmpdir(), 'gatecheck-real-specs-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const name of readdirSync(vendoredSpecsDir)) {
    const source = join(vendoredSpecsDir, name);
    if (name.endsWith('.gz'))
      writeFileSync(join(dir, name.slice(0, -3)), gunzipSync(readFileSync(source)));
    else if (/\.(json|ya?ml)$/.test(name)) writeFileSync(join(dir, name), readFileSync(source));
  }
  unpacked = dir;
  return dir;
}
