/** Checks a generated collection the way its consumers read it: the official schema and the SDK. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { expect } from 'chai';

const require = createRequire(import.meta.url);
const { Collection } = require('postman-collection') as typeof import('postman-collection');

const schema = JSON.parse(
  readFileSync('/work/shared/schemas/postman-collection-v2.1.0.schema.json', 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function expectValidCollection(json: unknown): void {
  const valid = validate(json);
  expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).to.equal(true);
  const collection = new Collection(json as never);
  expect(collection.items.count()).to.be.above(0);
}
