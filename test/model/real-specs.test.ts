import { Ajv } from 'ajv';
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { loadSpec } from '../../generators/load/load-spec.js';
import { buildModel } from '../../generators/model/build-model.js';
import { gatewayExportOas3, realSpecsDir } from '../support/fixture-files.js';

/** Public spec files vendored for tests (test/fixtures/real-specs/SOURCES.md). */
const specs = `${realSpecsDir()}/`;
const files = readdirSync(specs).filter((name) => /\.(json|ya?ml)$/.test(name));

describe('real specs load and model without error', function () {
  // Stripe's 417 operations compile into thousands of schemas: tens of seconds on a busy machine.
  this.timeout(120_000);
  it('finds the vendored spec files', () => {
    expect(files.length).to.be.at.least(3);
  });

  for (const file of files) {
    it(file, async () => {
      const model = buildModel(await loadSpec(`${specs}${file}`));
      expect(model.operations.length).to.be.greaterThan(0);
      expect(model.stages.length).to.be.greaterThan(0);
      for (const operation of model.operations) {
        if (operation.success.schemaRef !== undefined)
          expect(model.schemas).to.have.property(operation.success.schemaRef);
      }
      // Every stored schema compiles with every $ref resolvable.
      const ajv = new Ajv({ strict: false, validateFormats: false });
      ajv.addSchema({ $id: 'gatecheck', definitions: model.schemas });
      for (const key of Object.keys(model.schemas))
        ajv.compile({ $ref: `gatecheck#/definitions/${key}` });
    });
  }

  it('an API Gateway export: Cognito pool from the ARN, custom gateway responses, ANY methods', async () => {
    const model = buildModel(await loadSpec(gatewayExportOas3));
    expect(model.schemes['storage-authorizer']).to.deep.include({
      kind: 'cognito',
      tokenHeader: 'authorization',
    });
    expect(model.operations.filter((o) => o.protection.kind === 'cognito')).to.have.length(3 + 5); // 3 methods + the ANY method on /{proxy+} as 5
    expect(model.operations.filter((o) => o.fromAnyMethod)).to.have.length(10);
    expect(model.operations[0]?.rejections.unauthorized.body).to.deep.equal({
      Message: 'Unauthorized',
    });
  });
});
