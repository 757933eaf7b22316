/** Checks a generated collection the way its consumers read it: the official schema and the SDK. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import { postmanSchemaPath } from '../support/fixture-files.js';

const require = createRequire(import.meta.url);
const { Collection } = require('postman-collection') as typeof import('postman-collection');
// CommonJS default export (draft-04: the Postman schema's dialect).
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;

const schema = JSON.parse(readFileSync(postmanSchemaPath, 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function expectValidCollection(json: unknown): void {
  const valid = validate(json);
  expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).to.equal(true);
  const collection = new Collection(json as never);
  expect(collection.items.count()).to.be.above(0);
}
